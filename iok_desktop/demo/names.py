"""Polish names, streets and estates for the demo cooperative.

Kept apart from the generator so the lists can grow without touching any logic. The names carry
diacritics on purpose (Łucja, Wiśniewska, Źródlana): search, sorting and printing must cope with them.
"""

from __future__ import annotations

FEMALE_FIRST_NAMES: tuple[str, ...] = (
    "Anna", "Maria", "Katarzyna", "Małgorzata", "Agnieszka", "Barbara", "Ewa", "Krystyna", "Elżbieta",
    "Zofia", "Joanna", "Magdalena", "Danuta", "Monika", "Jadwiga", "Teresa", "Aleksandra", "Natalia",
    "Halina", "Irena", "Beata", "Dorota", "Bożena", "Grażyna", "Jolanta", "Urszula", "Renata", "Iwona",
    "Wiesława", "Łucja", "Żaneta", "Stanisława", "Józefa", "Genowefa", "Alicja", "Justyna", "Paulina",
    "Karolina", "Weronika", "Zuzanna", "Julia", "Wiktoria", "Sławomira", "Bronisława",
)  # fmt: skip

MALE_FIRST_NAMES: tuple[str, ...] = (
    "Jan", "Piotr", "Andrzej", "Krzysztof", "Stanisław", "Tomasz", "Paweł", "Józef", "Marcin", "Marek",
    "Michał", "Grzegorz", "Jerzy", "Tadeusz", "Adam", "Łukasz", "Zbigniew", "Ryszard", "Dariusz",
    "Henryk", "Mariusz", "Kazimierz", "Wojciech", "Robert", "Mateusz", "Marian", "Rafał", "Jacek",
    "Janusz", "Mirosław", "Maciej", "Sławomir", "Jarosław", "Kamil", "Wiesław", "Roman", "Władysław",
    "Jakub", "Przemysław", "Bogdan", "Zdzisław", "Bartłomiej", "Szymon", "Bożydar", "Żelisław",
)  # fmt: skip

# Masculine forms. Adjectival surnames (-ski, -cki, -dzki) take -a for women; the rest do not change.
SURNAMES: tuple[str, ...] = (
    "Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski", "Zieliński",
    "Szymański", "Woźniak", "Dąbrowski", "Kozłowski", "Jankowski", "Mazur", "Kwiatkowski", "Krawczyk",
    "Piotrowski", "Grabowski", "Nowakowski", "Pawłowski", "Michalski", "Nowicki", "Adamczyk", "Dudek",
    "Zając", "Wieczorek", "Jabłoński", "Król", "Majewski", "Olszewski", "Jaworski", "Wróbel",
    "Malinowski", "Pawlak", "Witkowski", "Walczak", "Stępień", "Górski", "Rutkowski", "Michalak",
    "Sikora", "Ostrowski", "Baran", "Duda", "Szewczyk", "Tomaszewski", "Pietrzak", "Marciniak",
    "Wróblewski", "Zalewski", "Jakubowski", "Jasiński", "Zawadzki", "Sadowski", "Bąk", "Chmielewski",
    "Włodarczyk", "Borkowski", "Czarnecki", "Sawicki", "Sokołowski", "Urbański", "Kubiak", "Maciejewski",
    "Szczepański", "Kucharski", "Wilk", "Kalinowski", "Lis", "Mazurek", "Wysocki", "Adamski",
    "Kaźmierczak", "Wasilewski", "Sobczak", "Czerwiński", "Andrzejewski", "Cieślak", "Głowacki",
    "Zakrzewski", "Kołodziej", "Sikorski", "Krajewski", "Gajewski", "Szulc", "Szymczak", "Baranowski",
    "Laskowski", "Brzeziński", "Makowski", "Ziółkowski", "Przybylski", "Łuczak", "Żak", "Gołębiowski",
    "Łęcki", "Żółtowski", "Śliwiński", "Ślusarczyk", "Źródłowski", "Grodzki", "Gęsicki", "Mędrzycki",
)  # fmt: skip

_ADJECTIVAL_ENDINGS = ("ski", "cki", "dzki")


def feminine(surname: str) -> str:
    """``Wiśniewski`` → ``Wiśniewska``; ``Nowak`` stays ``Nowak``."""
    if surname.endswith(_ADJECTIVAL_ENDINGS):
        return surname[:-1] + "a"
    return surname


# Streets of the demo town (Szczecin). Stored without "ul.", as the office types them.
STREETS: tuple[str, ...] = (
    "Łąkowa", "Źródlana", "Żeromskiego", "Świętokrzyska", "Kościuszki", "Mickiewicza", "Słowackiego",
    "Sienkiewicza", "Kopernika", "Jagiellońska", "Pomorska", "Żołnierska", "Ku Słońcu", "Wojska Polskiego",
    "Bałtycka", "Rydla", "Ściegiennego", "Pocztowa", "Krasińskiego", "Małopolska", "Śląska",
    "Łukasińskiego", "Ogińskiego", "Jasna", "Kolorowych Domów", "Gdańska", "Bratysławska", "Kasprowicza",
    "Żytnia", "Ostrawicka", "Rayskiego", "Królowej Jadwigi", "Tczewska", "Różana", "Fiołkowa",
    "Słoneczna", "Wiosenna", "Jaśminowa", "Bławatkowa", "Żurawia", "Łabędzia", "Sójcza", "Mazowiecka",
    "Szafera", "Zawadzkiego", "Witkiewicza", "Przyjaciół Żołnierza", "Bohaterów Warszawy", "Źródłowa",
    "Chopina", "Wyszyńskiego", "Piłsudskiego", "Niemierzyńska", "Ćwiklińskiej", "Gałczyńskiego",
)  # fmt: skip

ESTATES: tuple[str, ...] = (
    "Osiedle Słoneczne", "Osiedle Kaliny", "Osiedle Zawadzkiego", "Osiedle Majowe", "Osiedle Książąt Pomorskich",
    "Osiedle Bukowe", "Osiedle Przyjaźni", "Osiedle Świerczewo", "Osiedle Pogodno", "Osiedle Gumieńce",
    "Osiedle Pomorzany", "Osiedle Niebuszewo", "Osiedle Warszewo", "Osiedle Żelechowa", "Osiedle Arkońskie",
    "Osiedle Łękno", "Osiedle Zdroje", "Osiedle Głębokie", "Osiedle Osów", "Osiedle Podjuchy",
)  # fmt: skip

CITY = "Szczecin"

EMAIL_DOMAINS: tuple[str, ...] = (
    "gmail.com", "wp.pl", "onet.pl", "o2.pl", "interia.pl", "op.pl", "gazeta.pl", "outlook.com", "poczta.fm",
)  # fmt: skip

# Three-digit prefixes the Polish numbering plan (and ``phonenumbers``) treats as mobile.
MOBILE_PREFIXES: tuple[str, ...] = (
    "501", "502", "505", "508", "511", "512", "517", "530", "532", "535", "570", "574", "600", "601",
    "602", "604", "605", "606", "608", "660", "661", "664", "667", "690", "691", "693", "695", "697",
    "720", "721", "724", "728", "730", "731", "733", "737", "780", "783", "785", "790", "792", "798",
    "880", "882", "884", "886", "888",
)  # fmt: skip

# Szczecin landlines: area code 91, subscriber numbers from 4.
LANDLINE_AREA = "91"

# Staff of the demo office: login, first name, last name. The first one is the administrator.
STAFF: tuple[tuple[str, str, str], ...] = (
    ("admin", "Tomasz", "Zieliński"),
    ("m.wisniewska", "Magdalena", "Wiśniewska"),
    ("p.kaczmarek", "Piotr", "Kaczmarek"),
)
