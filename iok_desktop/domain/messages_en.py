"""English for the Polish texts of the core (see ``domain.language``), loaded on the first English look-up.

``MESSAGES`` maps each Polish text or template to its English. A template's ``{name}`` stands for a
value the core puts into the text (a serial number, a date, a file name); the English uses the same
names, in any order. Keys are the Polish exactly as the core writes it: a test scans the core and
fails when a text has no entry here, or when an entry matches no text any more.

``ENUM_LABELS`` gives the English ``label`` of every enum member of ``domain.enums``, enum by enum (members
of two enums may share a value: ``StaffRole.CLERK == ReadingSource.CLERK == "clerk"``).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from iok_desktop.domain.enums import (
    AccountStatus,
    ActorKind,
    AnnouncementKind,
    ApplicationStatus,
    Audience,
    ContactField,
    LedgerKind,
    MeterKind,
    PremisesKind,
    ReadingSource,
    ReadingStatus,
    StaffRole,
    TitleKind,
    WindowFrequency,
)

MESSAGES: dict[str, str] = {
    # --- config.py ---------------------------------------------------------------------------------
    "Plik konfiguracyjny {path} jest uszkodzony ({error}). Popraw go albo usuń.": (
        "The configuration file {path} is damaged ({error}). Correct it or delete it."
    ),
    "Nie można odczytać pliku konfiguracyjnego {path}: {error}.": "Cannot read the configuration file {path}: {error}.",
    # --- db/backup.py ------------------------------------------------------------------------------
    "Kopie zapasowe obsługują bazy SQLite i PostgreSQL, nie {backend}.": (
        "Backups support SQLite and PostgreSQL databases, not {backend}."
    ),
    "Plik {name} nie jest kopią zapasową bazy IOK Desktop. Brak wersji struktury bazy (alembic_version).": (
        "The file {name} is not a backup of an IOK Desktop database. It has no schema version (alembic_version)."
    ),
    "Kopia {name} ma strukturę bazy w wersji {revision}, której ten program nie zna — powstała w nowszej wersji "
    "IOK Desktop. Odtwórz ją tą nowszą wersją.": (
        "The backup {name} has database schema version {revision}, which this program does not know: it was "
        "made by a newer version of IOK Desktop. Restore it with that newer version."
    ),
    "Plik {name} nie jest kopią zapasową bazy IOK Desktop. Brakuje w niej tabel: {missing}.": (
        "The file {name} is not a backup of an IOK Desktop database. These tables are missing from it: {missing}."
    ),
    "Nie ma pliku {name}.": "The file {name} does not exist.",
    "{path} jest folderem, a nie plikiem kopii zapasowej.": "{path} is a folder, not a backup file.",
    "Nie można odczytać pliku {path}: {error}.": "Cannot read the file {path}: {error}.",
    "Plik {path} już istnieje — podaj nazwę nowego pliku (kopia niczego nie nadpisuje).": (
        "The file {path} already exists. Give the name of a new file (a backup never overwrites anything)."
    ),
    "Nie ma folderu {parent}.": "The folder {parent} does not exist.",
    "Baza SQLite w pamięci nie ma pliku, z którego można zrobić kopię.": (
        "An in-memory SQLite database has no file to back up."
    ),
    "Nie ma pliku bazy {source}.": "The database file {source} does not exist.",
    "Plik {source} nie zawiera bazy IOK Desktop (brak struktury) — nie ma czego kopiować.": (
        "The file {source} holds no IOK Desktop database (no schema): there is nothing to back up."
    ),
    "Nie udało się wykonać kopii bazy {source}: {error}.": "Could not back up the database {source}: {error}.",
    "Plik {name} jest kopią bazy PostgreSQL (pg_dump), a baza docelowa to SQLite — odtwórz go do bazy PostgreSQL.": (
        "The file {name} is a backup of a PostgreSQL database (pg_dump), but the target database is SQLite. "
        "Restore it into a PostgreSQL database."
    ),
    "Plik {name} nie jest kopią zapasową bazy IOK Desktop. To nie jest plik bazy SQLite.": (
        "The file {name} is not a backup of an IOK Desktop database. It is not a SQLite database file."
    ),
    "Plik {name} jest uszkodzony (sprawdzenie spójności: {check}).": (
        "The file {name} is damaged (integrity check: {check})."
    ),
    "Plik {name} jest uszkodzony albo nie jest bazą SQLite ({error}).": (
        "The file {name} is damaged or is not a SQLite database ({error})."
    ),
    "Plik docelowy {path} nie jest bazą SQLite ({error}) — nie zastąpię go.": (
        "The target file {path} is not a SQLite database ({error}); it will not be replaced."
    ),
    "Baza docelowa {target} nie jest pusta. Odtworzenie zastąpi całą jej zawartość kopią — jeśli tego chcesz, "
    "dodaj opcję --clean (najpierw zrób kopię bieżącej bazy).": (
        "The target database {target} is not empty. Restoring would replace all its contents with the backup. "
        "If that is what you want, add the option --clean (back up the current database first)."
    ),
    "Baza {target} po odtworzeniu nie przeszła sprawdzenia spójności.": (
        "After the restore, the database {target} failed the integrity check."
    ),
    "Odtwarzanie nie powiodło się ({error}); baza {target} pozostała bez zmian. Jeśli inne stanowisko ma ją "
    "otwartą, zamknij je i spróbuj ponownie.": (
        "The restore failed ({error}); the database {target} is unchanged. If another desk has it open, "
        "close it there and try again."
    ),
    "W folderze IOK_PG_BINDIR={folder} nie ma programu {name}.": (
        "The folder IOK_PG_BINDIR={folder} does not contain the program {name}."
    ),
    "Nie znaleziono programu {name}. Zainstaluj narzędzia klienta PostgreSQL (w wersji serwera lub nowszej), np. "
    "apt-get install postgresql-client, albo wskaż ich folder w zmiennej IOK_PG_BINDIR.": (
        "The program {name} was not found. Install the PostgreSQL client tools (the server's version or newer), "
        "e.g. apt-get install postgresql-client, or give their folder in the variable IOK_PG_BINDIR."
    ),
    "Baza nie zawiera struktury IOK Desktop — nie ma czego kopiować (albo uruchom: iok-desktop db upgrade).": (
        "The database has no IOK Desktop schema: there is nothing to back up (or run: iok-desktop db upgrade)."
    ),
    "pg_dump nie wykonał kopii: {stderr}": "pg_dump did not make the backup: {stderr}",
    "Plik {name} jest kopią bazy SQLite, a baza docelowa to PostgreSQL — odtwórz go do bazy SQLite.": (
        "The file {name} is a backup of a SQLite database, but the target database is PostgreSQL. "
        "Restore it into a SQLite database."
    ),
    "Plik {name} nie jest kopią zapasową bazy IOK Desktop. To nie jest plik pg_dump w formacie custom.": (
        "The file {name} is not a backup of an IOK Desktop database. It is not a pg_dump file in custom format."
    ),
    "Plik {name} jest uszkodzony: {stderr}": "The file {name} is damaged: {stderr}",
    "Baza docelowa {where} nie jest pusta (tabele: {existing}). Odtworzenie do niej usunie i utworzy od nowa "
    "wszystkie tabele IOK z kopii — jeśli tego chcesz, dodaj opcję --clean (najpierw zrób kopię bieżącej bazy); "
    "albo odtwórz do nowej, pustej bazy (createdb).": (
        "The target database {where} is not empty (tables: {existing}). Restoring into it would drop all IOK "
        "tables and create them again from the backup. If that is what you want, add the option --clean (back "
        "up the current database first); or restore into a new, empty database (createdb)."
    ),
    "Baza docelowa {where} zawiera tabele, których nie ma w kopii ({foreign}) — odtwórz kopię do nowej, pustej bazy.": (
        "The target database {where} has tables that the backup does not have ({foreign}). Restore the backup "
        "into a new, empty database."
    ),
    "Odtwarzanie nie powiodło się; baza {where} pozostała bez zmian (transakcja wycofana). pg_restore: {stderr}": (
        "The restore failed; the database {where} is unchanged (the transaction was rolled back). pg_restore: {stderr}"
    ),
    "Odtwarzanie nie powiodło się; baza {where} pozostała bez zmian (transakcja wycofana). Inne stanowiska mają "
    "otwarte transakcje — zamknij je i spróbuj ponownie. pg_restore: {stderr}": (
        "The restore failed; the database {where} is unchanged (the transaction was rolled back). Other desks "
        "have open transactions: close them and try again. pg_restore: {stderr}"
    ),
    # --- demo --------------------------------------------------------------------------------------
    "Baza zawiera już dane ({premises} lokali). Dane demonstracyjne można wygenerować tylko w pustej bazie — "
    "utwórz nową bazę albo użyj opcji --if-empty, aby pominąć ten krok.": (
        "The database already holds data ({premises} premises). Demo data can be generated only in an empty "
        "database: create a new database, or use the option --if-empty to skip this step."
    ),
    "Liczba lokali musi być z zakresu 1–{limit}.": "The number of premises must be between 1 and {limit}.",
    "Liczba lat historii musi być z zakresu 1–{limit}.": (
        "The number of years of history must be between 1 and {limit}."
    ),
    # --- domain ------------------------------------------------------------------------------------
    "Numer rachunku musi mieć 26 cyfr.": "A bank account number must have 26 digits.",
    "Numer rachunku ma błędną sumę kontrolną — sprawdź cyfry.": (
        "The bank account number has a wrong check sum. Check the digits."
    ),
    "Numer telefonu może zawierać tylko cyfry, spacje, myślniki i + na początku.": (
        "A phone number may contain only digits, spaces, hyphens and a + at the start."
    ),
    "To nie jest poprawny numer telefonu.": "This is not a valid phone number.",
    "Podaj polski numer telefonu (+48).": "Enter a Polish phone number (+48).",
    "To nie jest poprawny polski numer telefonu — powinien mieć 9 cyfr.": (
        "This is not a valid Polish phone number: it should have 9 digits."
    ),
    "To numer komórkowy — wpisz go w polu „telefon komórkowy”.": (
        "This is a mobile number. Enter it in the “mobile phone” field."
    ),
    "To nie jest numer komórkowy — numer stacjonarny wpisz w polu „telefon stacjonarny”.": (
        "This is not a mobile number. Enter a landline number in the “landline phone” field."
    ),
    "Adres e-mail jest za długi.": "The e-mail address is too long.",
    "To nie jest poprawny adres e-mail — sprawdź, czy ma postać nazwa@domena.pl.": (
        "This is not a valid e-mail address. Check that it has the form name@domain.com."
    ),
    "Podaj datę w postaci DD.MM.RRRR, np. 25.11.2026.": "Enter the date as DD.MM.YYYY, e.g. 25.11.2026.",
    "Data {date} nie istnieje w kalendarzu.": "The date {date} does not exist in the calendar.",
    "Podaj identyfikator użytkownika.": "Enter the user ID.",
    "Identyfikator zawiera niedozwolone znaki.": "The user ID contains characters that are not allowed.",
    "Identyfikator: 3–64 znaki, zaczyna się od litery, dalej małe litery, cyfry, kropka, podkreślenie lub myślnik.": (
        "User ID: 3–64 characters, starting with a letter, followed by lower-case letters, digits, dots, "
        "underscores or hyphens."
    ),
    "Podaj kwotę.": "Enter the amount.",
    "Kwota musi być liczbą z najwyżej dwoma miejscami po przecinku, np. 1234,56.": (
        "The amount must be a number with at most two decimal places, e.g. 1234,56."
    ),
    "Kwota nie jest liczbą.": "The amount is not a number.",
    "Kwota jest za duża.": "The amount is too large.",
    "do zapłaty": "to pay",
    "nadpłata": "overpaid",
    "rozliczone": "settled",
    "co najmniej 8 znaków": "at least 8 characters",
    "mała litera": "a lower-case letter",
    "duża litera": "an upper-case letter",
    "cyfra": "a digit",
    "nie zawiera identyfikatora użytkownika": "does not contain the user ID",
    "Hasło może mieć najwyżej {max_length} znaków.": "A password may have at most {max_length} characters.",
    "Hasło jest za krótkie. Hasło musi mieć co najmniej 8 znaków, zawierać małe i duże litery oraz cyfry.": (
        "The password is too short. A password must have at least 8 characters and contain lower-case and "
        "upper-case letters and digits."
    ),
    "Hasło nie może zawierać znaków sterujących.": "A password may not contain control characters.",
    "Hasło musi zawierać: {missing}. Hasło musi mieć co najmniej 8 znaków, zawierać małe i duże litery oraz cyfry.": (
        "The password must contain: {missing}. A password must have at least 8 characters and contain "
        "lower-case and upper-case letters and digits."
    ),
    "Hasło nie może zawierać identyfikatora użytkownika.": "A password may not contain the user ID.",
    "To hasło jest zbyt popularne i łatwe do odgadnięcia. Wymyśl inne.": (
        "This password is too common and easy to guess. Choose another one."
    ),
    "Podaj stan licznika.": "Enter the meter reading.",
    "Stan licznika nie może być ujemny.": "A meter reading cannot be negative.",
    "Stan licznika musi być liczbą, np. 123 lub 123,45 (bez liter i znaków).": (
        "The meter reading must be a number, e.g. 123 or 123,45 (no letters or symbols)."
    ),
    "Stan licznika musi być liczbą.": "The meter reading must be a number.",
    "Ten licznik odczytuje się w pełnych jednostkach — podaj liczbę bez części po przecinku.": (
        "This meter is read in whole units. Enter a number without a decimal part."
    ),
    "Ten licznik ma najwyżej {places} cyfr(y) po przecinku.": (
        "This meter has at most {places} digit(s) after the decimal comma."
    ),
    "Stan licznika jest za duży — sprawdź liczbę cyfr.": "The meter reading is too large. Check the number of digits.",
    "Liczba dni okna odczytów nie może być ujemna.": "The number of days of a reading window cannot be negative.",
    "Okno odczytów może trwać najwyżej {shortest} dni przy tej częstotliwości.": (
        "At this frequency a reading window can last at most {shortest} days."
    ),
    "Zużycie {consumption} {unit} jest {ratio}× wyższe od średniej z 12 miesięcy ({expected} {unit2} w tym czasie).": (
        "Consumption of {consumption} {unit} is {ratio}× the 12-month average ({expected} {unit2} over "
        "the same period)."
    ),
    # --- services: access, accounts ----------------------------------------------------------------
    "Ta czynność jest dostępna tylko dla mieszkańca zalogowanego do IOK.": (
        "Only a resident signed in to IOK can do this."
    ),
    "Konto IOK nie istnieje.": "The IOK account does not exist.",
    "Konto IOK jest zablokowane. Zgłoś się do biura spółdzielni.": (
        "The IOK account is locked. Please contact the cooperative's office."
    ),
    "Najpierw ustaw własne hasło.": "Set your own password first.",
    "Nie masz dostępu do tego lokalu.": "You have no access to this premises.",
    "Nie ma takiego licznika.": "There is no such meter.",
    "Nie ma takiej osoby w kartotece.": "There is no such person in the register.",
    "Nie ma takiego lokalu.": "There is no such premises.",
    "Data złożenia wniosku nie może być w przyszłości.": "The application date cannot be in the future.",
    "Podaj, gdzie złożono wniosek (np. siedziba, pokój 4).": (
        "Enter where the application was submitted (e.g. head office, room 4)."
    ),
    "{name} ma już konto IOK (identyfikator {login}). Jedno konto obejmuje wszystkie lokale tej osoby.": (
        "{name} already has an IOK account (user ID {login}). One account covers all of a person's premises."
    ),
    "Nie ma takiego wniosku.": "There is no such application.",
    "Ten wniosek został już rozpatrzony ({status}).": "This application has already been decided ({status}).",
    "{who} nie ma tytułu prawnego do lokalu {address}.": "{who} has no legal title to the premises {address}.",
    "Tytuł prawny {who} do lokalu {address} zaczyna się dopiero {start}.": (
        "The legal title of {who} to the premises {address} only begins on {start}."
    ),
    "Tytuł prawny {who} do lokalu {address} wygasł {ended}.": (
        "The legal title of {who} to the premises {address} ended on {ended}."
    ),
    "Nie udało się dobrać wolnego identyfikatora. Spróbuj ponownie.": "Could not find a free user ID. Try again.",
    "Nie można zatwierdzić wniosku: {refusal}": "The application cannot be approved: {refusal}",
    "{name} ma już aktywne konto IOK (identyfikator {login}).": (
        "{name} already has an active IOK account (user ID {login})."
    ),
    "Podaj powód odrzucenia wniosku.": "Enter the reason for refusing the application.",
    "Nie ma takiego konta IOK.": "There is no such IOK account.",
    "Podaj powód.": "Enter the reason.",
    "Konto jest wyłączone — aby je przywrócić, przyjmij nowy wniosek.": (
        "The account is deactivated. To restore it, accept a new application."
    ),
    "Konto jest już {status}.": "The account is already {status}.",
    "Nie można odblokować: {name} nie ma aktualnego tytułu prawnego do żadnego lokalu.": (
        "Cannot unlock: {name} has no current legal title to any premises."
    ),
    # --- services: announcements -------------------------------------------------------------------
    "szkic": "draft",
    "zaplanowane": "scheduled",
    "opublikowane": "published",
    "wygasłe": "expired",
    "Podaj tytuł ogłoszenia.": "Enter the title of the announcement.",
    "Tytuł ogłoszenia może mieć najwyżej {limit} znaków.": (
        "The title of an announcement may have at most {limit} characters."
    ),
    "Wpisz treść ogłoszenia.": "Enter the text of the announcement.",
    "Treść ogłoszenia może mieć najwyżej {limit} znaków (ma {length}). Skróć ją.": (
        "The text of an announcement may have at most {limit} characters (it has {length}). Shorten it."
    ),
    "Podaj datę i godzinę ze strefą czasową.": "Give the date and time with a time zone.",
    "Termin ważności musi być późniejszy niż początek publikacji.": (
        "The expiry must be later than the start of publication."
    ),
    "Termin ważności już minął. Podaj datę w przyszłości.": "The expiry has already passed. Give a date in the future.",
    "Ogłoszenie dla wszystkich nie może wskazywać budynku ani lokalu.": (
        "An announcement for everyone cannot name a building or a premises."
    ),
    "Wybierz budynek, do którego jest ogłoszenie.": "Choose the building the announcement is for.",
    "Ogłoszenie dla budynku nie może jednocześnie wskazywać lokalu.": (
        "An announcement for a building cannot also name a premises."
    ),
    "Wybrany budynek nie istnieje.": "The chosen building does not exist.",
    "Wybierz lokal, do którego jest ogłoszenie.": "Choose the premises the announcement is for.",
    "Ogłoszenie dla lokalu nie może jednocześnie wskazywać budynku.": (
        "An announcement for a premises cannot also name a building."
    ),
    "Wybrany lokal nie istnieje.": "The chosen premises does not exist.",
    "Nie ma takiego ogłoszenia. Mogło zostać usunięte.": "There is no such announcement. It may have been deleted.",
    "Ogłoszenie zmienił w międzyczasie ktoś inny. Wczytaj je ponownie i wprowadź zmiany jeszcze raz.": (
        "Someone else has changed the announcement in the meantime. Load it again and make your changes once more."
    ),
    "To ogłoszenie jest już opublikowane.": "This announcement is already published.",
    "Termin ważności tego ogłoszenia już minął. Zmień go przed publikacją.": (
        "The expiry of this announcement has already passed. Change it before publishing."
    ),
    "Na stronie może być od 1 do {limit} wierszy.": "A page can have from 1 to {limit} rows.",
    "To ogłoszenie nie jest już dostępne. Odśwież listę ogłoszeń.": (
        "This announcement is no longer available. Refresh the list of announcements."
    ),
    # --- services: auth, backend, bootstrap --------------------------------------------------------
    "Nieprawidłowy identyfikator lub hasło.": "Wrong user ID or password.",
    "Konto zostało zablokowane po zbyt wielu nieudanych próbach logowania. Spróbuj ponownie po godzinie {time} "
    "albo zgłoś się do biura spółdzielni.": (
        "The account has been locked after too many failed sign-in attempts. Try again after {time} or contact "
        "the cooperative's office."
    ),
    "Konto jest zablokowane. Zgłoś się do biura spółdzielni.": (
        "The account is locked. Please contact the cooperative's office."
    ),
    "Konto jest nieaktywne. Zgłoś się do biura spółdzielni.": (
        "The account is inactive. Please contact the cooperative's office."
    ),
    "Zbyt wiele nieudanych prób logowania. Spróbuj ponownie za {seconds} s.": (
        "Too many failed sign-in attempts. Try again in {seconds} s."
    ),
    "Konto zostało zablokowane po zbyt wielu nieudanych próbach logowania. Zgłoś się do biura spółdzielni.": (
        "The account has been locked after too many failed sign-in attempts. Please contact the cooperative's office."
    ),
    "Nieprawidłowy identyfikator lub hasło. Następna próba możliwa za {seconds} s.": (
        "Wrong user ID or password. You can try again in {seconds} s."
    ),
    "Podaj identyfikator i hasło.": "Enter your user ID and password.",
    "Brak aktualnego tytułu prawnego do lokalu.": "No current legal title to a premises.",
    "Konto jest nieaktywne, ponieważ nie masz już tytułu prawnego do lokalu. Zgłoś się do biura spółdzielni.": (
        "The account is inactive because you no longer hold a legal title to a premises. Please contact the "
        "cooperative's office."
    ),
    "Zmiana hasła wymaga zalogowania.": "You must be signed in to change the password.",
    "Konto nie istnieje.": "The account does not exist.",
    "Obecne hasło jest nieprawidłowe.": "The current password is wrong.",
    "Nowe hasło musi być inne niż obecne.": "The new password must differ from the current one.",
    "Połączenie z bazą danych zostało przerwane w chwili zapisu i nie wiadomo, czy zapis się udał. Po "
    "przywróceniu połączenia sprawdź, czy dane są już zapisane, zanim zapiszesz je ponownie.": (
        "The connection to the database was lost while saving, and it is not known whether the save succeeded. "
        "Once the connection is back, check whether the data is already saved before you save it again."
    ),
    "Baza danych jest teraz zajęta zmianami innych osób i zapisu nie udało się dokończyć. Nic nie zostało "
    "zapisane — spróbuj ponownie za chwilę.": (
        "The database is busy with other people's changes and the save could not be completed. Nothing has "
        "been saved: try again in a moment."
    ),
    "Brak połączenia z bazą danych. Sprawdź sieć lub poproś administratora o sprawdzenie serwera.": (
        "No connection to the database. Check the network or ask the administrator to check the server."
    ),
    "Baza danych ({database}) nie ma aktualnej struktury. Administrator musi uruchomić: iok-desktop db upgrade": (
        "The database ({database}) does not have the current schema. An administrator must run: iok-desktop db upgrade"
    ),
    # --- services: contacts, context, csv_files ----------------------------------------------------
    "Możesz oglądać i zmieniać tylko własne dane kontaktowe.": "You can view and change only your own contact details.",
    "Nie ma takiej osoby.": "There is no such person.",
    "Naraz można oznaczyć najwyżej {limit} zmian. Zaznacz mniej wierszy.": (
        "At most {limit} changes can be marked at once. Select fewer rows."
    ),
    "Ta czynność jest dostępna tylko dla pracowników spółdzielni.": "Only the cooperative's staff can do this.",
    "Ta czynność jest dostępna tylko dla administratora.": "Only an administrator can do this.",
    "To nie jest plik tekstowy CSV (zawiera znaki binarne).": (
        "This is not a CSV text file (it contains binary characters)."
    ),
    "Plik jest zapisany w kodowaniu UTF-16. Zapisz go jako „CSV UTF-8” lub „CSV (rozdzielany średnikami)” i "
    "zaimportuj ponownie.": (
        "The file is saved in the UTF-16 encoding. Save it as “CSV UTF-8” or “CSV (semicolon delimited)” and "
        "import it again."
    ),
    "{name} jest folderem, nie plikiem.": "{name} is a folder, not a file.",
    "Brak uprawnień do odczytu pliku {name}.": "No permission to read the file {name}.",
    "Nie można odczytać pliku {name} (błąd systemu nr {errno}).": "Cannot read the file {name} (system error {errno}).",
    "Nie można odczytać pliku: nieznane kodowanie znaków. Zapisz go jako „CSV UTF-8” lub w kodowaniu Windows-1250.": (
        "Cannot read the file: unknown character encoding. Save it as “CSV UTF-8” or in the Windows-1250 encoding."
    ),
    "Kolumny muszą być rozdzielone średnikiem (;).": "Columns must be separated by a semicolon (;).",
    "Plik {name} jest pusty.": "The file {name} is empty.",
    "Plik {name} zawiera pole dłuższe niż {limit} znaków — to nie jest plik CSV z programu księgowego ani z "
    "odczytami.": (
        "The file {name} contains a field longer than {limit} characters: it is not a CSV file from the "
        "accounting program nor one of readings."
    ),
    "Nie można odczytać pliku {name}.": "Cannot read the file {name}.",
    "Zbyt wiele nieudanych prób logowania w tym kiosku. Spróbuj ponownie za {minutes} min albo zapytaj w biurze "
    "spółdzielni.": (
        "Too many failed sign-in attempts at this kiosk. Try again in {minutes} min or ask at the cooperative's office."
    ),
    # --- services: ledger, ledger_import -----------------------------------------------------------
    "Data początkowa okresu nie może być późniejsza niż końcowa.": "The start date cannot be later than the end date.",
    "Podaj tytuł wpisu.": "Enter the title of the entry.",
    "Tytuł wpisu może mieć najwyżej {limit} znaków.": "The title of an entry may have at most {limit} characters.",
    "Numer dokumentu może mieć najwyżej {limit} znaków.": "A document number may have at most {limit} characters.",
    "Data księgowania może być najpóźniej {days} dni od dziś ({latest}). Sprawdź datę.": (
        "The booking date can be at most {days} days from today ({latest}). Check the date."
    ),
    "Kwota musi mieć najwyżej dwa miejsca po przecinku.": "The amount may have at most two decimal places.",
    "Dokument o numerze {document} jest już zaksięgowany. Sprawdź numer dokumentu — tego samego dokumentu nie "
    "można zaksięgować dwa razy.": (
        "Document number {document} is already posted. Check the document number: the same document cannot "
        "be posted twice."
    ),
    "Kwota wpłaty musi być większa od zera. Zwrot nadpłaty zaksięguj jako korektę.": (
        "A payment must be greater than zero. Post a refund of an overpayment as a correction."
    ),
    "Kwota korekty nie może być zerowa: wpisz kwotę dodatnią (zwiększa należność) lub ujemną (zmniejsza należność).": (
        "A correction cannot be zero: enter a positive amount (raises what is owed) or a negative one (lowers "
        "what is owed)."
    ),
    "Korygowany wpis nie istnieje w kartotece tego lokalu. Wybierz wpis z tej kartoteki.": (
        "The entry being corrected is not in this premises' ledger. Choose an entry from this ledger."
    ),
    "Kwota naliczenia musi być większa od zera. Obniżkę zaksięguj jako korektę.": (
        "A charge must be greater than zero. Post a reduction as a correction."
    ),
    "Nazwa źródła może mieć najwyżej {limit} znaków.": "The name of the source may have at most {limit} characters.",
    "Pierwszy wiersz pliku musi być nagłówkiem z nazwami kolumn. Brakuje: {missing}. Znaleziono: „{header}”.{hint}": (
        "The first line of the file must be a header with the column names. Missing: {missing}. "
        "Found: “{header}”.{hint}"
    ),
    "Data księgowania {date} nie istnieje w kalendarzu.": "The booking date {date} does not exist in the calendar.",
    "Termin płatności {date} nie istnieje w kalendarzu.": "The due date {date} does not exist in the calendar.",
    "{column} „{text}” — podaj datę w postaci DD.MM.RRRR lub RRRR-MM-DD.": (
        "{column} “{text}”: give the date as DD.MM.YYYY or YYYY-MM-DD."
    ),
    "{problem} W pliku: „{text}”.": "{problem} In the file: “{text}”.",
    "Kwota wpłaty musi być większa od zera (wpłata zmniejsza należność). Zwrot nadpłaty zaksięguj jako korektę.": (
        "A payment must be greater than zero (a payment lowers what is owed). Post a refund of an overpayment "
        "as a correction."
    ),
    "Kwota korekty nie może być zerowa.": "A correction cannot be zero.",
    "Za mało kolumn ({count} zamiast {needed}) — czy separatorem jest średnik?": (
        "Too few columns ({count} instead of {needed}). Is the separator a semicolon?"
    ),
    "Brak numeru lokalu.": "The premises number is missing.",
    "(pusty)": "(empty)",
    "Nieznany rodzaj zapisu „{kind}” — użyj: naliczenie, wpłata lub korekta.": (
        "Unknown kind of entry “{kind}”: use naliczenie (charge), wpłata (payment) or korekta (correction)."
    ),
    "Nieznany rodzaj zapisu (pusty) — użyj: naliczenie, wpłata lub korekta.": (
        "The kind of entry is empty: use naliczenie (charge), wpłata (payment) or korekta (correction)."
    ),
    "Brak numeru dokumentu — bez niego ponowny import zaksięgowałby wiersz drugi raz.": (
        "The document number is missing: without it, importing again would post the row a second time."
    ),
    "Brak daty księgowania.": "The booking date is missing.",
    "Data księgowania": "Booking date",
    "Termin płatności": "Due date",
    "Brak terminu płatności naliczenia.": "The due date of the charge is missing.",
    "Brak tytułu wpisu.": "The title of the entry is missing.",
    "Brak kwoty.": "The amount is missing.",
    "lokal {premises}, {kind} {amount}, data księgowania {date}": "premises {premises}, {kind} {amount}, booked {date}",
    "Wiersz niekompletny.": "Incomplete row.",
    "Nie ma w ewidencji lokalu o numerze {premises}.": (
        "There is no premises with the number {premises} in the register."
    ),
    "Dokument {document} jest już zaksięgowany z innymi danymi ({posted}) — sprawdź numer dokumentu w programie "
    "księgowym.": (
        "Document {document} is already posted with different data ({posted}). Check the document number in "
        "the accounting program."
    ),
    # --- services: meters, reading_export, reading_import ------------------------------------------
    "Ten licznik został już zdjęty {date}.": "This meter was already removed on {date}.",
    "Podaj numer fabryczny nowego licznika.": "Enter the serial number of the new meter.",
    "Licznik {kind} o numerze {serial} już jest w ewidencji.": (
        "A {kind} meter with the serial number {serial} is already in the register."
    ),
    "Liczba miejsc po przecinku: od 0 do 3.": "Decimal places: from 0 to 3.",
    "Data następnej legalizacji musi być późniejsza niż data wymiany.": (
        "The next verification date must be later than the replacement date."
    ),
    "odczyt końcowy przy wymianie licznika": "final reading at meter replacement",
    "odczyt początkowy nowego licznika": "initial reading of the new meter",
    "Data końcowa jest wcześniejsza niż początkowa.": "The end date is earlier than the start date.",
    "Okres eksportu może obejmować najwyżej 3 lata.": "An export can cover at most 3 years.",
    "Nie można zapisać pliku {name}: {error}.": "Cannot save the file {name}: {error}.",
    "niższy niż ostatni zaakceptowany — wprowadź ręcznie po sprawdzeniu": (
        "lower than the last accepted one: enter it by hand after checking"
    ),
    "Pierwszy wiersz pliku musi być nagłówkiem z kolumnami numer_licznika;rodzaj;data;stan (rodzaj można "
    "pominąć). Znaleziono: „{header}”.{hint}": (
        "The first line of the file must be a header with the columns numer_licznika;rodzaj;data;stan "
        "(rodzaj may be left out). Found: “{header}”.{hint}"
    ),
    "Za mało kolumn ({count}) — czy separatorem jest średnik?": (
        "Too few columns ({count}). Is the separator a semicolon?"
    ),
    "Brak numeru licznika.": "The meter serial number is missing.",
    "Nieznany rodzaj licznika „{kind}” — użyj ZW, CW, CO, GAZ lub EE.": (
        "Unknown meter kind “{kind}”: use ZW, CW, CO, GAZ or EE."
    ),
    "Brak daty odczytu.": "The reading date is missing.",
    "Nie ma w ewidencji licznika o numerze {serial}.": (
        "There is no meter with the serial number {serial} in the register."
    ),
    "Numer {serial} mają liczniki różnych rodzajów ({kinds}) — podaj rodzaj w kolumnie rodzaj.": (
        "Meters of different kinds ({kinds}) have the number {serial}: give the kind in the column rodzaj."
    ),
    "Na dzień {date} jest już zaakceptowany odczyt ({values}) — jeśli to korekta, wprowadź ją ręcznie po "
    "sprawdzeniu.": (
        "There is already an accepted reading on {date} ({values}). If this is a correction, enter it by hand "
        "after checking."
    ),
    "{problem} Wprowadź ten odczyt ręcznie po sprawdzeniu.": "{problem} Enter this reading by hand after checking.",
    "Stan niższy niż ostatni zaakceptowany — wprowadź ręcznie po sprawdzeniu. Ostatni zaakceptowany: {last} z dnia "
    "{date}, w pliku: {value}.": (
        "The reading is lower than the last accepted one: enter it by hand after checking. Last accepted: "
        "{last} on {date}; in the file: {value}."
    ),
    "Stan niższy niż stan początkowy licznika — wprowadź ręcznie po sprawdzeniu. Stan początkowy: {initial} z dnia "
    "{date}, w pliku: {value}.": (
        "The reading is lower than the meter's initial reading: enter it by hand after checking. Initial "
        "reading: {initial} on {date}; in the file: {value}."
    ),
    "import z pliku {file}": "imported from the file {file}",
    # --- services: readings ------------------------------------------------------------------------
    "Nieznana kolumna sortowania.": "Unknown sort column.",
    "Tego odczytu już nie ma — mieszkaniec mógł go usunąć.": (
        "This reading no longer exists: the resident may have deleted it."
    ),
    "Zaakceptowano już nowszy odczyt tego licznika ({date}) — ten należy odrzucić.": (
        "A later reading of this meter has already been accepted ({date}): this one should be rejected."
    ),
    "Podaj powód odrzucenia — mieszkaniec go zobaczy.": "Enter the reason for rejecting: the resident will see it.",
    "Stan niższy niż poprzedni odczyt ({previous} z dnia {date}).": (
        "The reading is lower than the previous one ({previous} on {date})."
    ),
    "Czy licznik wymieniono albo poprzedni odczyt był błędny?": (
        "Has the meter been replaced, or was the previous reading wrong?"
    ),
    "Brak odczytu w poprzednim okresie odczytowym ({opens}–{closes}); ostatni z dnia {date}.": (
        "No reading in the previous reading period ({opens}–{closes}); the last one is from {date}."
    ),
    "Data odczytu nie może być w przyszłości.": "The reading date cannot be in the future.",
    "Data odczytu jest wcześniejsza niż montaż licznika ({date}).": (
        "The reading date is earlier than the meter's installation ({date})."
    ),
    "Licznik został zdjęty {date} — nie można zgłosić późniejszego odczytu.": (
        "The meter was removed on {date}: a later reading cannot be submitted."
    ),
    "Licznik {serial} został zdjęty {date} — nie przyjmuje odczytów.": (
        "Meter {serial} was removed on {date}: it takes no readings."
    ),
    "Licznik {serial} jest odczytywany zdalnie — nie trzeba zgłaszać jego odczytu.": (
        "Meter {serial} is read remotely: there is no need to submit its reading."
    ),
    "Licznik {serial} jest po terminie legalizacji ({date}). Do czasu wymiany zużycie rozliczane jest ryczałtem — "
    "skontaktuj się z administracją.": (
        "Meter {serial} is past its verification date ({date}). Until it is replaced, consumption is billed "
        "at a flat rate: please contact the management office."
    ),
    "Odczyty można zgłaszać tylko w okresie odczytowym. Najbliższy: od {opens} do {closes}.": (
        "Readings can be submitted only during a reading period. The next one: from {opens} to {closes}."
    ),
    "Data odczytu musi przypadać w bieżącym okresie odczytowym (od {opens}).": (
        "The reading date must fall within the current reading period (from {opens})."
    ),
    "Podany stan ({value}) jest niższy niż stan początkowy licznika ({initial}). Sprawdź liczbę.": (
        "The reading entered ({value}) is lower than the meter's initial reading ({initial}). Check the number."
    ),
    "Data odczytu jest wcześniejsza niż ostatni zaakceptowany odczyt ({date}).": (
        "The reading date is earlier than the last accepted reading ({date})."
    ),
    "Na dzień {date} jest już zaakceptowany odczyt ({value}).": (
        "There is already an accepted reading on {date} ({value})."
    ),
    "Podany stan ({value}) jest niższy niż ostatni zaakceptowany odczyt ({last} z dnia {date}). Sprawdź liczbę — "
    "jeśli licznik wymieniono, zgłoś to w administracji.": (
        "The reading entered ({value}) is lower than the last accepted reading ({last} on {date}). Check the "
        "number; if the meter has been replaced, report it to the management office."
    ),
    "Na dzień {date} zgłoszono już odczyt {value} {unit} (oczekujący na akceptację) — popraw go zamiast zgłaszać "
    "nowy.": (
        "A reading of {value} {unit} has already been submitted for {date} (awaiting approval). Correct it "
        "instead of submitting a new one."
    ),
    "Tego odczytu już nie ma — mógł zostać usunięty.": "This reading no longer exists: it may have been deleted.",
    "Możesz zmieniać tylko odczyty zgłoszone przez siebie.": "You can change only readings you submitted yourself.",
    "Ten odczyt zaakceptował już {who} ({when}) — nie można go zmienić.": (
        "{who} has already accepted this reading ({when}): it cannot be changed."
    ),
    "Ten odczyt odrzucił już {who} ({when}) — nie można go zmienić.": (
        "{who} has already rejected this reading ({when}): it cannot be changed."
    ),
    "Ten odczyt został w międzyczasie zmieniony. Wczytaj go ponownie.": (
        "This reading has been changed in the meantime. Load it again."
    ),
    "Taki sam odczyt (licznik, data i stan) już istnieje.": "The same reading (meter, date and value) already exists.",
    "przez IOK": "via IOK",
    "w kiosku": "at the kiosk",
    "przez pracownika": "by a clerk",
    "z importu": "by import",
    "Tego odczytu już nie ma.": "This reading no longer exists.",
    "zgłoszony {how}": "submitted {how}",
    "poprawiony przed akceptacją": "corrected before approval",
    "odrzucony: {reason}": "rejected: {reason}",
    # --- services: session_events, settings, staff, statements, worklists --------------------------
    "Sesja kiosku dotyczy zalogowanego mieszkańca.": "A kiosk session belongs to a signed-in resident.",
    "Ustawienia zmienił w międzyczasie ktoś inny. Wczytaj je ponownie.": (
        "Someone else has changed the settings in the meantime. Load them again."
    ),
    "Podaj nazwę spółdzielni.": "Enter the name of the cooperative.",
    "Krotność średniego zużycia musi być między 1,5 a 20.": (
        "The multiple of average consumption must be between 1.5 and 20."
    ),
    "Spowalnianie musi zaczynać się nie później niż blokada (1–100 prób).": (
        "Slowing down must start no later than locking (1–100 attempts)."
    ),
    "Czas blokady: od 0 (do odblokowania) do 10080 minut.": "Lockout time: from 0 (until unlocked) to 10080 minutes.",
    "Czas bezczynności kiosku: od 20 do 3600 sekund.": "Kiosk idle time: from 20 to 3600 seconds.",
    "Nie ma takiego budynku.": "There is no such building.",
    "Identyfikator „{login}” jest już zajęty.": "The user ID “{login}” is already taken.",
    "Nie ma takiego pracownika.": "There is no such staff member.",
    "To jedyny administrator — najpierw nadaj uprawnienia administratora komuś innemu.": (
        "This is the only administrator: first give administrator rights to someone else."
    ),
    "Nie możesz wyłączyć własnego konta.": "You cannot deactivate your own account.",
    "Nie można wyłączyć jedynego administratora.": "The only administrator cannot be deactivated.",
    "Liczba kopii: od 1 do {limit}.": "Number of copies: from 1 to {limit}.",
    "Nie ma budynku o kodzie {code}.": "There is no building with the code {code}.",
    "Nie ma osiedla o kodzie {code}.": "There is no estate with the code {code}.",
    "Podaj liczbę dni od 0 do {limit}.": "Enter a number of days from 0 to {limit}.",
}

ENUM_LABELS: dict[type[StrEnum], dict[Any, str]] = {
    PremisesKind: {
        PremisesKind.FLAT: "flat",
        PremisesKind.COMMERCIAL: "commercial premises",
        PremisesKind.GARAGE: "garage",
    },
    TitleKind: {
        TitleKind.COOPERATIVE_OWNERSHIP: "cooperative ownership right to the premises",
        TitleKind.SEPARATE_OWNERSHIP: "separate ownership of the premises",
        TitleKind.TENANCY_RIGHT: "cooperative tenancy right to the premises",
        TitleKind.LEASE: "lease",
    },
    ApplicationStatus: {
        ApplicationStatus.SUBMITTED: "submitted",
        ApplicationStatus.APPROVED: "approved",
        ApplicationStatus.REFUSED: "refused",
    },
    AccountStatus: {
        AccountStatus.ACTIVE: "active",
        AccountStatus.LOCKED: "locked",
        AccountStatus.DEACTIVATED: "deactivated",
    },
    StaffRole: {
        StaffRole.ADMIN: "administrator",
        StaffRole.CLERK: "clerk",
    },
    MeterKind: {
        MeterKind.COLD_WATER: "cold water",
        MeterKind.HOT_WATER: "hot water",
        MeterKind.HEAT: "heat",
        MeterKind.GAS: "gas",
        MeterKind.ELECTRICITY: "electricity",
    },
    ReadingStatus: {
        ReadingStatus.PENDING: "awaiting approval",
        ReadingStatus.ACCEPTED: "accepted",
        ReadingStatus.REJECTED: "rejected",
    },
    ReadingSource: {
        ReadingSource.WEB: "IOK (internet)",
        ReadingSource.KIOSK: "kiosk",
        ReadingSource.CLERK: "clerk",
        ReadingSource.IMPORT: "import",
    },
    WindowFrequency: {
        WindowFrequency.MONTHLY: "monthly",
        WindowFrequency.QUARTERLY: "quarterly",
        WindowFrequency.HALF_YEARLY: "every six months",
        WindowFrequency.YEARLY: "once a year",
    },
    LedgerKind: {
        LedgerKind.CHARGE: "charge",
        LedgerKind.PAYMENT: "payment",
        LedgerKind.CORRECTION: "correction",
    },
    AnnouncementKind: {
        AnnouncementKind.NORMAL: "normal",
        AnnouncementKind.URGENT: "urgent",
    },
    Audience: {
        Audience.EVERYONE: "everyone",
        Audience.BUILDING: "building",
        Audience.PREMISES: "premises",
    },
    ContactField: {
        ContactField.LANDLINE: "landline phone",
        ContactField.MOBILE: "mobile phone",
        ContactField.EMAIL: "e-mail address",
    },
    ActorKind: {
        ActorKind.STAFF: "staff",
        ActorKind.RESIDENT: "resident",
        ActorKind.SYSTEM: "system",
    },
}
