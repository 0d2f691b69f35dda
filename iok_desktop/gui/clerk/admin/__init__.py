"""The administration screen's tabs: staff users, cooperative settings, reading windows."""
