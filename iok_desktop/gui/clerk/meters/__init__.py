"""The "Liczniki" (meters) screen: replacement wizard, worklists, readings import and export."""
