<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="pl_PL">
<context>
    <name>AdminPage</name>
    <message>
        <source>Enter the administrator's full name.</source>
        <translation>Wpisz imię i nazwisko administratora.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Hasła w obu polach się różnią.</translation>
    </message>
</context>
<context>
    <name>ClerkApp</name>
    <message>
        <source>Demo cooperative loaded</source>
        <translation>Wczytano spółdzielnię demonstracyjną</translation>
    </message>
    <message>
        <source>Demo staff accounts (for trying out only):</source>
        <translation>Konta pracowników demonstracyjnych (tylko do wypróbowania):</translation>
    </message>
</context>
<context>
    <name>ErrorPresenter</name>
    <message>
        <source>No connection</source>
        <translation>Brak połączenia</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>Zmienione przez kogoś innego</translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation>Nie można tego zrobić</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Nieoczekiwany błąd</translation>
    </message>
    <message>
        <source>Something went wrong in IOK Desktop. Your data is safe; please report this to the administrator.</source>
        <translation>W IOK Desktop wystąpił błąd. Dane są bezpieczne; zgłoś to administratorowi.</translation>
    </message>
</context>
<context>
    <name>FirstRunAdminPage</name>
    <message>
        <source>The first administrator</source>
        <translation>Pierwszy administrator</translation>
    </message>
    <message>
        <source>This account manages staff and settings. You will sign in with it in a moment.</source>
        <translation>To konto zarządza pracownikami i ustawieniami. Za chwilę zalogujesz się na nie.</translation>
    </message>
    <message>
        <source>Full &amp;name:</source>
        <translation>&amp;Imię i nazwisko:</translation>
    </message>
    <message>
        <source>&amp;User ID:</source>
        <translation>&amp;Identyfikator:</translation>
    </message>
    <message>
        <source>e.g. akowalska</source>
        <translation>np. akowalska</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Hasło:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>&amp;Powtórz hasło:</translation>
    </message>
    <message>
        <source>The password must have</source>
        <translation>Hasło musi mieć</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>IOK Desktop — first start</source>
        <translation>IOK Desktop — pierwsze uruchomienie</translation>
    </message>
    <message>
        <source>Welcome to IOK Desktop</source>
        <translation>Witamy w IOK Desktop</translation>
    </message>
    <message>
        <source>This database has no staff accounts yet. Create the first administrator; they can then add clerks and fill in the cooperative's settings.</source>
        <translation>W tej bazie nie ma jeszcze kont pracowników. Utwórz pierwszego administratora — doda on pozostałych pracowników i uzupełni ustawienia spółdzielni.</translation>
    </message>
    <message>
        <source>Demo cooperative</source>
        <translation>Spółdzielnia demonstracyjna</translation>
    </message>
    <message>
        <source>Load the demo cooperative (600 premises, 3 years of history)</source>
        <translation>Wczytaj spółdzielnię demonstracyjną (600 lokali, historia z 3 lat)</translation>
    </message>
    <message>
        <source>For trying IOK Desktop out. Do not load it into the cooperative's real database.</source>
        <translation>Do wypróbowania IOK Desktop. Nie wczytuj jej do prawdziwej bazy spółdzielni.</translation>
    </message>
    <message>
        <source>Creating… (the demo takes a few seconds)</source>
        <translation>Tworzę… (dane demonstracyjne zajmą kilka sekund)</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>IOK Desktop — sign in</source>
        <translation>IOK Desktop — logowanie</translation>
    </message>
    <message>
        <source>IOK Desktop</source>
        <translation>IOK Desktop</translation>
    </message>
    <message>
        <source>Sign in with your staff user ID and password.</source>
        <translation>Zaloguj się identyfikatorem i hasłem pracownika.</translation>
    </message>
    <message>
        <source>&amp;User ID:</source>
        <translation>&amp;Identyfikator:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Hasło:</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Zaloguj</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Baza danych: %1</translation>
    </message>
    <message>
        <source>Enter your user ID and password.</source>
        <translation>Podaj identyfikator i hasło.</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Kiosk mode is not available in this version yet.</source>
        <translation>Tryb kiosku nie jest jeszcze dostępny w tej wersji.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>IOK Desktop — %1</source>
        <translation>IOK Desktop — %1</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Ponów</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Wyloguj</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Konto</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Baza danych: %1</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Reading queue</source>
        <translation>Kolejka odczytów</translation>
    </message>
    <message>
        <source>Premises and residents</source>
        <translation>Lokale i mieszkańcy</translation>
    </message>
    <message>
        <source>IOK accounts</source>
        <translation>Konta IOK</translation>
    </message>
    <message>
        <source>Financial ledger</source>
        <translation>Kartoteka finansowa</translation>
    </message>
    <message>
        <source>Meters</source>
        <translation>Liczniki</translation>
    </message>
    <message>
        <source>Announcements</source>
        <translation>Ogłoszenia</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>Dziennik zdarzeń</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Administracja</translation>
    </message>
</context>
<context>
    <name>PasswordChangeDialog</name>
    <message>
        <source>Set your own password</source>
        <translation>Ustaw własne hasło</translation>
    </message>
    <message>
        <source>Before you continue, replace the one-time password with your own.</source>
        <translation>Zanim przejdziesz dalej, zamień hasło jednorazowe na własne.</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>&amp;Obecne hasło:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Nowe hasło:</translation>
    </message>
    <message>
        <source>&amp;Repeat new password:</source>
        <translation>&amp;Powtórz nowe hasło:</translation>
    </message>
    <message>
        <source>The new password must have</source>
        <translation>Nowe hasło musi mieć</translation>
    </message>
    <message>
        <source>Set password</source>
        <translation>Ustaw hasło</translation>
    </message>
</context>
<context>
    <name>PasswordRules</name>
    <message>
        <source>at least 8 characters</source>
        <translation>co najmniej 8 znaków</translation>
    </message>
    <message>
        <source>a lower-case letter</source>
        <translation>małą literę</translation>
    </message>
    <message>
        <source>an upper-case letter</source>
        <translation>dużą literę</translation>
    </message>
    <message>
        <source>a digit</source>
        <translation>cyfrę</translation>
    </message>
    <message>
        <source>not your user ID inside it</source>
        <translation>bez identyfikatora użytkownika w środku</translation>
    </message>
    <message>
        <source>the same text in both fields</source>
        <translation>tę samą treść w obu polach</translation>
    </message>
</context>
<context>
    <name>PremisesSearch</name>
    <message>
        <source>Surname, address (Zgoda 8/12), premises code or IOK login</source>
        <translation>Nazwisko, adres (Zgoda 8/12), numer lokalu lub login IOK</translation>
    </message>
    <message>
        <source>no current holder</source>
        <translation>brak aktualnego posiadacza</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>Nic nie znaleziono.</translation>
    </message>
</context>
</TS>