"""The office kiosk: a full-screen, touch-only application for residents (``iok-desktop --kiosk``)."""
