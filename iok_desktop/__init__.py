"""IOK Desktop: the office side of a housing cooperative's IOK (Internetowa Obsługa Kontrahenta)."""

__version__ = "0.1.0"
