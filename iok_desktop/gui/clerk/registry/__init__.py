"""The "Lokale i mieszkańcy" screen: premises search, the premises card, contact data, residents' changes."""
