"""The event log screen's parts: action names, the details pane, keyset paging, the premises filter."""
