"""The announcements screen's widgets: the editor, the resident preview, the building chooser."""
