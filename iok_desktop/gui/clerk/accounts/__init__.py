"""The "Konta IOK" screen: applications, accounts, one-time passwords and the handover slip."""
