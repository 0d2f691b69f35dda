"""Domain rules of IOK: plain Python, no database and no Qt.

Everything here can be used by the services, the command line, the GUI and the tests alike.
"""
