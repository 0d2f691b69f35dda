"""The clerk (office) application."""
