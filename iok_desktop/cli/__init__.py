"""The ``iok-desktop`` command line."""
