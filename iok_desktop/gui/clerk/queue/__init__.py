"""Parts of the reading-approval queue screen (``gui/clerk/queue/page.py``): its table model, filter
bar with saved filters, detail pane with the meter's history chart, reject dialog and live refresh."""
