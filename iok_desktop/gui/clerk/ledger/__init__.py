"""The financial ledger screen (kartoteka finansowa): a premises' entries, balances and postings."""
