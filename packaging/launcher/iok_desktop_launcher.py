"""Entry script of the built application (PyInstaller runs it as ``__main__``): the ``iok-desktop`` command.

It lives in a folder of its own because PyInstaller puts the script's folder on the module search path;
``packaging/`` itself has ``build.py``, which must not stand in for any ``build`` module.
"""

from iok_desktop.cli.main import main

if __name__ == "__main__":
    raise SystemExit(main())
