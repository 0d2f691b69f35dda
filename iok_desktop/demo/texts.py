"""Polish wording the demo puts into the data: reasons, notes, ledger titles.

In one place so that a native speaker can proofread it without reading any generator code.
"""

from __future__ import annotations

# Why a clerk rejected a reading; the first one goes with a value that has a digit too many.
REJECTION_EXTRA_DIGIT = (
    "Podany stan jest wielokrotnie wyższy od poprzedniego — prawdopodobnie wpisano o jedną cyfrę za dużo. "
    "Prosimy o ponowne podanie odczytu."
)
REJECTION_OTHER = (
    "Stan licznika nie zgadza się ze zdjęciem licznika przekazanym do biura. Prosimy o ponowny odczyt.",
    "Odczyt dotyczy chyba innego licznika (numer fabryczny się nie zgadza). Prosimy sprawdzić i podać go ponownie.",
    "Stan niezgodny z odczytem kontrolnym administratora budynku. Prosimy o ponowne sprawdzenie licznika.",
)

# Notes residents add to a reading now and then.
RESIDENT_NOTES = (
    "Licznik w łazience.",
    "Odczyt z kuchni.",
    "Licznik słabo widoczny, odczyt z latarką.",
    "Byłam na urlopie, stąd mniejsze zużycie.",
    "W mieszkaniu trwał remont.",
)
LEAK_NOTE = "Przeciekała spłuczka w toalecie, już naprawiona."
# A meter replacement's two readings, worded as ``services.meters.replace_meter`` writes them.
FINAL_READING_NOTE = "odczyt końcowy przy wymianie licznika"
INITIAL_READING_NOTE = "odczyt początkowy nowego licznika"

# Ledger titles; ``{period}`` is "MM/RRRR".
CHARGE_TITLE_FLAT = "Opłaty za lokal {period}: eksploatacja, fundusz remontowy, zaliczki na wodę i c.o."
CHARGE_TITLE_GARAGE = "Opłata za garaż {period}"
CHARGE_TITLE_COMMERCIAL = "Czynsz najmu lokalu użytkowego {period}"
PAYMENT_TITLES = (
    "Wpłata — przelew na rachunek indywidualny",
    "Wpłata — przelew na rachunek indywidualny",
    "Wpłata — przelew na rachunek indywidualny",
    "Wpłata w kasie spółdzielni",
)
SETTLEMENT_TITLE = "Rozliczenie zużycia wody i ścieków za {year}"
CORRECTION_TITLE = "Korekta naliczenia {period} — zmiana liczby osób zamieszkałych"

ACCOUNT_LOCKED_NO_TITLE = "Brak aktualnego tytułu prawnego do lokalu."
ACCOUNT_LOCKED_ON_REQUEST = "Zablokowane na prośbę właściciela (zgubione hasło)."

OFFICE = "Biuro Spółdzielni, ul. Zgoda 8, Szczecin"
APPLICATION_REFUSAL = (
    "Wnioskodawca nie ma aktualnego tytułu prawnego do wskazanego lokalu (lokal zbyty). "
    "Konto w IOK może założyć obecny właściciel."
)
