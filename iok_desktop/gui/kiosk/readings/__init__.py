"""The pieces of the kiosk's "Odczyty liczników" page (the page itself is gui/kiosk/pages/readings.py)."""
