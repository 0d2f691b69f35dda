"""The Qt user interface: clerk application and kiosk. Imports services, never SQLAlchemy."""
