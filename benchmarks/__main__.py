"""``python -m benchmarks``: the whole benchmark suite (see ``benchmarks/suite.py`` and ``--help``)."""

from benchmarks.suite import main

raise SystemExit(main())
