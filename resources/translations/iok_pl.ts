<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="pl_PL">
<context>
    <name>AccountsApplicationDialog</name>
    <message>
        <source>Application for an IOK account</source>
        <translation>Wniosek o konto IOK</translation>
    </message>
    <message>
        <source>Record the application as filed on paper. Find the premises, then choose who applied: the account can be approved only for a person who holds a current legal title to it.</source>
        <translation>Wpisz wniosek tak, jak złożono go na papierze. Znajdź lokal, a potem wybierz, kto złożył wniosek: konto można zatwierdzić tylko osobie, która ma aktualny tytuł prawny do lokalu.</translation>
    </message>
    <message>
        <source>&amp;Filed on:</source>
        <translation>&amp;Data złożenia:</translation>
    </message>
    <message>
        <source>&amp;Where filed:</source>
        <translation>&amp;Miejsce złożenia:</translation>
    </message>
    <message>
        <source>&amp;Premises:</source>
        <translation>&amp;Lokal:</translation>
    </message>
    <message>
        <source>&amp;Applicant:</source>
        <translation>&amp;Wnioskodawca:</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <source>IOK accounts</source>
        <translation>Konta IOK</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konta</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>Wnioski</translation>
    </message>
</context>
<context>
    <name>AccountsView</name>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Pokaż:</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>Wszystkie konta</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktywne</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Zablokowane</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Wyłączone</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Nowe hasło jednorazowe…</translation>
    </message>
    <message>
        <source>Lock…</source>
        <translation>Zablokuj…</translation>
    </message>
    <message>
        <source>Unlock…</source>
        <translation>Odblokuj…</translation>
    </message>
    <message>
        <source>Deactivate…</source>
        <translation>Wyłącz…</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>Identyfikator użytkownika</translation>
    </message>
    <message>
        <source>Account holder</source>
        <translation>Właściciel konta</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stan</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Powód</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Hasło</translation>
    </message>
    <message>
        <source>Failed logins</source>
        <translation>Nieudane logowania</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Założone</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>Ostatnie logowanie</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nigdy</translation>
    </message>
    <message>
        <source>one-time, not changed yet</source>
        <translation>jednorazowe, jeszcze niezmienione</translation>
    </message>
    <message>
        <source>own</source>
        <translation>własne</translation>
    </message>
    <message>
        <source>%1, locked until %2</source>
        <translation>%1, zablokowane do %2</translation>
    </message>
    <message>
        <source>Give %1 (%2) a new one-time password? The current password stops working at once, and a new handover slip is printed.</source>
        <translation>Nadać %1 (%2) nowe hasło jednorazowe? Obecne hasło od razu przestanie działać; wydrukujesz nowe potwierdzenie wydania.</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Nowe hasło jednorazowe</translation>
    </message>
    <message>
        <source>New one-time password for %1. The old password no longer works.</source>
        <translation>Nowe hasło jednorazowe dla %1. Stare hasło już nie działa.</translation>
    </message>
    <message>
        <source>Lock the account</source>
        <translation>Zablokuj konto</translation>
    </message>
    <message>
        <source>Why is the account %1 being locked? (kept in the event log)</source>
        <translation>Dlaczego konto %1 jest blokowane? (zapisywane w dzienniku zdarzeń)</translation>
    </message>
    <message>
        <source>Account %1 is locked.</source>
        <translation>Konto %1 jest zablokowane.</translation>
    </message>
    <message>
        <source>Unlock the account</source>
        <translation>Odblokuj konto</translation>
    </message>
    <message>
        <source>Why is the account %1 being unlocked? (kept in the event log)</source>
        <translation>Dlaczego konto %1 jest odblokowywane? (zapisywane w dzienniku zdarzeń)</translation>
    </message>
    <message>
        <source>Account %1 is active again.</source>
        <translation>Konto %1 jest znowu aktywne.</translation>
    </message>
    <message>
        <source>Deactivate the account</source>
        <translation>Wyłącz konto</translation>
    </message>
    <message>
        <source>Why is the account %1 being deactivated? The login stops working for good; a new application brings it back. (kept in the event log)</source>
        <translation>Dlaczego konto %1 jest wyłączane? Identyfikator przestanie działać na stałe; przywróci go nowy wniosek. (zapisywane w dzienniku zdarzeń)</translation>
    </message>
    <message>
        <source>Account %1 is deactivated.</source>
        <translation>Konto %1 jest wyłączone.</translation>
    </message>
</context>
<context>
    <name>AddStaffDialog</name>
    <message>
        <source>Clerk</source>
        <translation>Pracownik</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Dodaj</translation>
    </message>
</context>
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
    <name>AdminSettingsForm</name>
    <message>
        <source>The cooperative (printed on statements, shown in IOK)</source>
        <translation>Spółdzielnia (na wydrukach i w IOK)</translation>
    </message>
    <message>
        <source>Cooperative &amp;name:</source>
        <translation>&amp;Nazwa spółdzielni:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adres:</translation>
    </message>
    <message>
        <source>e.g. ul. Zgoda 8, 70-001 Szczecin</source>
        <translation>np. ul. Zgoda 8, 70-001 Szczecin</translation>
    </message>
    <message>
        <source>&amp;Bank account (NRB):</source>
        <translation>Numer &amp;rachunku (NRB):</translation>
    </message>
    <message>
        <source>26 digits, spaces allowed</source>
        <translation>26 cyfr, spacje dozwolone</translation>
    </message>
    <message>
        <source>&amp;IOK web address:</source>
        <translation>Adres &amp;IOK w internecie:</translation>
    </message>
    <message>
        <source>e.g. https://iok.example.pl</source>
        <translation>np. https://iok.przyklad.pl</translation>
    </message>
    <message>
        <source>Meter readings</source>
        <translation>Odczyty liczników</translation>
    </message>
    <message>
        <source>Flag a reading above:</source>
        <translation>Oznaczaj odczyt powyżej:</translation>
    </message>
    <message>
        <source>× the 12-month average consumption</source>
        <translation>× średnie zużycie z 12 miesięcy</translation>
    </message>
    <message>
        <source>Sign-in protection and the kiosk</source>
        <translation>Ochrona logowania i kiosk</translation>
    </message>
    <message>
        <source>Slo&amp;w down sign-in after:</source>
        <translation>Spowalniaj &amp;logowanie po:</translation>
    </message>
    <message>
        <source> failed attempts</source>
        <translation> nieudanych próbach</translation>
    </message>
    <message>
        <source>&amp;Lock the account after:</source>
        <translation>&amp;Blokuj konto po:</translation>
    </message>
    <message>
        <source>Lock &amp;for:</source>
        <translation>Blokada &amp;trwa:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>until the office unlocks it</source>
        <translation>do odblokowania przez biuro</translation>
    </message>
    <message>
        <source>0 minutes: the account stays locked until the office unlocks it.</source>
        <translation>0 minut: konto pozostaje zablokowane, dopóki biuro go nie odblokuje.</translation>
    </message>
    <message>
        <source>&amp;Kiosk signs out after:</source>
        <translation>&amp;Kiosk wylogowuje po:</translation>
    </message>
    <message>
        <source> s of inactivity</source>
        <translation> s bezczynności</translation>
    </message>
    <message>
        <source>Sa&amp;ve settings</source>
        <translation>Zapi&amp;sz ustawienia</translation>
    </message>
    <message>
        <source>&amp;Undo changes</source>
        <translation>&amp;Cofnij zmiany</translation>
    </message>
</context>
<context>
    <name>AdminStaffDialog</name>
    <message>
        <source>Add a staff user</source>
        <translation>Dodaj pracownika</translation>
    </message>
    <message>
        <source>IOK Desktop makes a one-time password; the new user sets their own at the first sign-in.</source>
        <translation>IOK Desktop utworzy hasło jednorazowe; nowy użytkownik ustawi własne przy pierwszym logowaniu.</translation>
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
        <source>Full &amp;name:</source>
        <translation>Imię i &amp;nazwisko:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rola:</translation>
    </message>
</context>
<context>
    <name>AdminWindowsForm</name>
    <message>
        <source>The cooperative's default</source>
        <translation>Domyślne dla spółdzielni</translation>
    </message>
    <message>
        <source>R&amp;ead:</source>
        <translation>Odczyt&amp;y:</translation>
    </message>
    <message>
        <source>from</source>
        <translation>od</translation>
    </message>
    <message>
        <source>days before to</source>
        <translation>dni przed do</translation>
    </message>
    <message>
        <source>days after each period end</source>
        <translation>dni po końcu każdego okresu</translation>
    </message>
    <message>
        <source>Sa&amp;ve the default</source>
        <translation>Zapi&amp;sz domyślne</translation>
    </message>
    <message>
        <source>Buildings with their own window</source>
        <translation>Budynki z własnym oknem odczytów</translation>
    </message>
    <message>
        <source>&amp;Building:</source>
        <translation>&amp;Budynek:</translation>
    </message>
    <message>
        <source>Rea&amp;d:</source>
        <translation>O&amp;dczyty:</translation>
    </message>
    <message>
        <source>Se&amp;t for this building</source>
        <translation>Us&amp;taw dla budynku</translation>
    </message>
    <message>
        <source>&amp;Use the default again…</source>
        <translation>Przywróć do&amp;myślne…</translation>
    </message>
</context>
<context>
    <name>AdministrationPage</name>
    <message>
        <source>&amp;Staff users</source>
        <translation>&amp;Pracownicy</translation>
    </message>
    <message>
        <source>&amp;Cooperative settings</source>
        <translation>&amp;Ustawienia spółdzielni</translation>
    </message>
    <message>
        <source>&amp;Reading windows</source>
        <translation>&amp;Okna odczytów</translation>
    </message>
</context>
<context>
    <name>AnnouncementEditor</name>
    <message>
        <source>Type part of the address or code</source>
        <translation>Wpisz fragment adresu lub kod</translation>
    </message>
    <message>
        <source>New announcement</source>
        <translation>Nowe ogłoszenie</translation>
    </message>
    <message>
        <source>Announcement</source>
        <translation>Ogłoszenie</translation>
    </message>
    <message>
        <source>No premises chosen: search above, then press Enter on the right one.</source>
        <translation>Nie wybrano lokalu: wyszukaj powyżej i naciśnij Enter na właściwym.</translation>
    </message>
    <message>
        <source>Chosen: %1</source>
        <translation>Wybrany: %1</translation>
    </message>
    <message>
        <source>Saved as a draft.</source>
        <translation>Zapisano jako szkic.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Zapisano.</translation>
    </message>
    <message>
        <source>(no title)</source>
        <translation>(bez tytułu)</translation>
    </message>
    <message>
        <source>Publish “%1”? Residents will see it at once.</source>
        <translation>Opublikować „%1”? Mieszkańcy zobaczą je od razu.</translation>
    </message>
    <message>
        <source>Publish “%1”? Residents will see it from %2.</source>
        <translation>Opublikować „%1”? Mieszkańcy zobaczą je od %2.</translation>
    </message>
    <message>
        <source>Publish the announcement</source>
        <translation>Publikacja ogłoszenia</translation>
    </message>
    <message>
        <source>Published.</source>
        <translation>Opublikowano.</translation>
    </message>
    <message>
        <source>End “%1” now? Residents will no longer see it.</source>
        <translation>Zakończyć „%1” teraz? Mieszkańcy przestaną je widzieć.</translation>
    </message>
    <message>
        <source>End the announcement</source>
        <translation>Zakończenie ogłoszenia</translation>
    </message>
    <message>
        <source>Ended: residents no longer see it.</source>
        <translation>Zakończono: mieszkańcy już go nie widzą.</translation>
    </message>
    <message>
        <source>Reloaded: this is the announcement as it is saved now.</source>
        <translation>Wczytano ponownie: tak ogłoszenie jest teraz zapisane.</translation>
    </message>
    <message>
        <source>&amp;Save draft</source>
        <translation>&amp;Zapisz szkic</translation>
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation>&amp;Zapisz zmiany</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Tytuł:</translation>
    </message>
    <message>
        <source>e.g. Water supply interruption on 2 December</source>
        <translation>np. Przerwa w dostawie wody 2 grudnia</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Rodzaj:</translation>
    </message>
    <message>
        <source>N&amp;ormal</source>
        <translation>Zwykł&amp;e</translation>
    </message>
    <message>
        <source>&amp;Urgent (top of the list, in red)</source>
        <translation>&amp;Pilne (na górze listy, na czerwono)</translation>
    </message>
    <message>
        <source>&amp;Publish from:</source>
        <translation>Publikuj &amp;od:</translation>
    </message>
    <message>
        <source>Office time. A moment in the past means at once.</source>
        <translation>Czas biura. Data w przeszłości oznacza publikację od razu.</translation>
    </message>
    <message>
        <source>&amp;Valid until:</source>
        <translation>&amp;Ważne do:</translation>
    </message>
    <message>
        <source>Unticked: until someone ends it.</source>
        <translation>Bez zaznaczenia: do czasu, aż ktoś je zakończy.</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>Dla:</translation>
    </message>
    <message>
        <source>&amp;Everyone</source>
        <translation>Wszy&amp;scy</translation>
    </message>
    <message>
        <source>One &amp;building</source>
        <translation>Jeden &amp;budynek</translation>
    </message>
    <message>
        <source>One p&amp;remises</source>
        <translation>Jeden &amp;lokal</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>T&amp;reść:</translation>
    </message>
    <message>
        <source>What residents should know. An empty line starts a new paragraph.</source>
        <translation>Co mieszkańcy powinni wiedzieć. Pusta linia zaczyna nowy akapit.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Zapisz</translation>
    </message>
    <message>
        <source>Publ&amp;ish…</source>
        <translation>Opubli&amp;kuj…</translation>
    </message>
    <message>
        <source>En&amp;d now…</source>
        <translation>Zakoń&amp;cz teraz…</translation>
    </message>
    <message>
        <source>Previe&amp;w…</source>
        <translation>Podglą&amp;d…</translation>
    </message>
    <message>
        <source>The announcement as a resident will see it in IOK and at the kiosk</source>
        <translation>Ogłoszenie tak, jak zobaczy je mieszkaniec w IOK i w kiosku</translation>
    </message>
</context>
<context>
    <name>AnnouncementList</name>
    <message>
        <source>URGENT: %1</source>
        <translation>PILNE: %1</translation>
    </message>
    <message>
        <source>building %1</source>
        <translation>budynek %1</translation>
    </message>
    <message>
        <source>premises %1</source>
        <translation>lokal %1</translation>
    </message>
    <message>
        <source>everyone</source>
        <translation>wszyscy</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tytuł</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stan</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Dla</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Od</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Do</translation>
    </message>
</context>
<context>
    <name>AnnouncementPreview</name>
    <message>
        <source>Preview — as a resident will see it</source>
        <translation>Podgląd — tak zobaczy to mieszkaniec</translation>
    </message>
    <message>
        <source>This is how residents will see the announcement in IOK and at the kiosk.</source>
        <translation>Tak mieszkańcy zobaczą ogłoszenie w IOK i w kiosku.</translation>
    </message>
</context>
<context>
    <name>AnnouncementsPage</name>
    <message>
        <source>S&amp;how:</source>
        <translation>Pok&amp;aż:</translation>
    </message>
    <message>
        <source>All announcements</source>
        <translation>Wszystkie ogłoszenia</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Szkice</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Zaplanowane</translation>
    </message>
    <message>
        <source>Published (residents see them)</source>
        <translation>Opublikowane (widoczne dla mieszkańców)</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Wygasłe</translation>
    </message>
    <message>
        <source>&amp;New announcement</source>
        <translation>&amp;Nowe ogłoszenie</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wczytywanie…</translation>
    </message>
    <message>
        <source>No announcements here.</source>
        <translation>Brak ogłoszeń.</translation>
    </message>
    <message>
        <source>Shown: %1</source>
        <translation>Pokazano: %1</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Niezapisane zmiany</translation>
    </message>
    <message>
        <source>The announcement you are editing has unsaved changes. Discard them?</source>
        <translation>Edytowane ogłoszenie ma niezapisane zmiany. Odrzucić je?</translation>
    </message>
</context>
<context>
    <name>ApplicationDialog</name>
    <message>
        <source>No premises chosen yet.</source>
        <translation>Nie wybrano jeszcze lokalu.</translation>
    </message>
    <message>
        <source>Record application</source>
        <translation>Zapisz wniosek</translation>
    </message>
    <message>
        <source>Chosen: %1</source>
        <translation>Wybrany: %1</translation>
    </message>
    <message>
        <source>Nobody has ever held a legal title to this premises.</source>
        <translation>Nikt nigdy nie miał tytułu prawnego do tego lokalu.</translation>
    </message>
    <message>
        <source>Kind of legal title: %1</source>
        <translation>Rodzaj tytułu prawnego: %1</translation>
    </message>
    <message>
        <source>current legal title</source>
        <translation>aktualny tytuł prawny</translation>
    </message>
    <message>
        <source>legal title ended %1</source>
        <translation>tytuł prawny wygasł %1</translation>
    </message>
    <message>
        <source>legal title from %1</source>
        <translation>tytuł prawny od %1</translation>
    </message>
    <message>
        <source>Find the premises and choose it from the list.</source>
        <translation>Znajdź lokal i wybierz go z listy.</translation>
    </message>
    <message>
        <source>Choose who filed the application.</source>
        <translation>Wybierz, kto złożył wniosek.</translation>
    </message>
</context>
<context>
    <name>ApplicationsView</name>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Pokaż:</translation>
    </message>
    <message>
        <source>All applications</source>
        <translation>Wszystkie wnioski</translation>
    </message>
    <message>
        <source>Waiting for a decision</source>
        <translation>Czekające na decyzję</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Zatwierdzone</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Odrzucone</translation>
    </message>
    <message>
        <source>Record an application…</source>
        <translation>Przyjmij wniosek…</translation>
    </message>
    <message>
        <source>Refuse…</source>
        <translation>Odrzuć…</translation>
    </message>
    <message>
        <source>Approve and create the account</source>
        <translation>Zatwierdź i załóż konto</translation>
    </message>
    <message>
        <source>Filed on</source>
        <translation>Data złożenia</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Wnioskodawca</translation>
    </message>
    <message>
        <source>Premises</source>
        <translation>Lokal</translation>
    </message>
    <message>
        <source>Where filed</source>
        <translation>Miejsce złożenia</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stan</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Data decyzji</translation>
    </message>
    <message>
        <source>Reason of refusal</source>
        <translation>Powód odrzucenia</translation>
    </message>
    <message>
        <source>Account %1 created for %2.</source>
        <translation>Założono konto %1 dla: %2.</translation>
    </message>
    <message>
        <source>Refuse the application</source>
        <translation>Odrzuć wniosek</translation>
    </message>
    <message>
        <source>Why is the application of %1 refused? (the applicant is told this reason)</source>
        <translation>Dlaczego wniosek %1 jest odrzucany? (wnioskodawca pozna ten powód)</translation>
    </message>
    <message>
        <source>The application of %1 is refused.</source>
        <translation>Wniosek %1 został odrzucony.</translation>
    </message>
</context>
<context>
    <name>AuditActions</name>
    <message>
        <source>reading submitted</source>
        <translation>zgłoszenie odczytu</translation>
    </message>
    <message>
        <source>reading corrected</source>
        <translation>poprawienie odczytu</translation>
    </message>
    <message>
        <source>reading deleted</source>
        <translation>usunięcie odczytu</translation>
    </message>
    <message>
        <source>reading approved</source>
        <translation>zatwierdzenie odczytu</translation>
    </message>
    <message>
        <source>reading rejected</source>
        <translation>odrzucenie odczytu</translation>
    </message>
    <message>
        <source>readings imported from a file</source>
        <translation>import odczytów z pliku</translation>
    </message>
    <message>
        <source>readings exported to a file</source>
        <translation>eksport odczytów do pliku</translation>
    </message>
    <message>
        <source>meter replaced</source>
        <translation>wymiana licznika</translation>
    </message>
    <message>
        <source>charge posted</source>
        <translation>zaksięgowanie naliczenia</translation>
    </message>
    <message>
        <source>payment posted</source>
        <translation>zaksięgowanie wpłaty</translation>
    </message>
    <message>
        <source>correction posted</source>
        <translation>zaksięgowanie korekty</translation>
    </message>
    <message>
        <source>ledger imported from the accounting system</source>
        <translation>import kartoteki z systemu księgowego</translation>
    </message>
    <message>
        <source>ledger statement printed</source>
        <translation>wydruk zestawienia kartoteki</translation>
    </message>
    <message>
        <source>ledger statement saved as PDF</source>
        <translation>zapis zestawienia kartoteki do PDF</translation>
    </message>
    <message>
        <source>announcement written</source>
        <translation>utworzenie ogłoszenia</translation>
    </message>
    <message>
        <source>announcement changed</source>
        <translation>zmiana ogłoszenia</translation>
    </message>
    <message>
        <source>announcement published</source>
        <translation>publikacja ogłoszenia</translation>
    </message>
    <message>
        <source>announcement ended</source>
        <translation>zakończenie ogłoszenia</translation>
    </message>
    <message>
        <source>announcement read by a resident</source>
        <translation>odczytanie ogłoszenia przez mieszkańca</translation>
    </message>
    <message>
        <source>IOK account application recorded</source>
        <translation>przyjęcie wniosku o konto IOK</translation>
    </message>
    <message>
        <source>IOK account application refused</source>
        <translation>odrzucenie wniosku o konto IOK</translation>
    </message>
    <message>
        <source>IOK account created</source>
        <translation>założenie konta IOK</translation>
    </message>
    <message>
        <source>IOK account given back</source>
        <translation>przywrócenie konta IOK</translation>
    </message>
    <message>
        <source>IOK account: new one-time password</source>
        <translation>nowe hasło jednorazowe do konta IOK</translation>
    </message>
    <message>
        <source>IOK account locked by the office</source>
        <translation>zablokowanie konta IOK przez biuro</translation>
    </message>
    <message>
        <source>IOK account unlocked</source>
        <translation>odblokowanie konta IOK</translation>
    </message>
    <message>
        <source>IOK account deactivated</source>
        <translation>wyłączenie konta IOK</translation>
    </message>
    <message>
        <source>IOK account blocked: no current legal title</source>
        <translation>blokada konta IOK: brak aktualnego tytułu prawnego</translation>
    </message>
    <message>
        <source>contact details changed</source>
        <translation>zmiana danych kontaktowych</translation>
    </message>
    <message>
        <source>contact changes marked as seen</source>
        <translation>oznaczenie zmian danych kontaktowych jako przejrzanych</translation>
    </message>
    <message>
        <source>sign-in</source>
        <translation>logowanie</translation>
    </message>
    <message>
        <source>failed sign-in</source>
        <translation>nieudane logowanie</translation>
    </message>
    <message>
        <source>account locked after failed sign-ins</source>
        <translation>blokada konta po nieudanych logowaniach</translation>
    </message>
    <message>
        <source>password changed</source>
        <translation>zmiana hasła</translation>
    </message>
    <message>
        <source>kiosk session started</source>
        <translation>rozpoczęcie sesji w kiosku</translation>
    </message>
    <message>
        <source>kiosk session ended</source>
        <translation>zakończenie sesji w kiosku</translation>
    </message>
    <message>
        <source>kiosk signed out after inactivity</source>
        <translation>wylogowanie z kiosku po bezczynności</translation>
    </message>
    <message>
        <source>staff user added</source>
        <translation>dodanie pracownika</translation>
    </message>
    <message>
        <source>staff user: new one-time password</source>
        <translation>nowe hasło jednorazowe pracownika</translation>
    </message>
    <message>
        <source>staff user's role changed</source>
        <translation>zmiana roli pracownika</translation>
    </message>
    <message>
        <source>staff user activated</source>
        <translation>włączenie konta pracownika</translation>
    </message>
    <message>
        <source>staff user deactivated</source>
        <translation>wyłączenie konta pracownika</translation>
    </message>
    <message>
        <source>staff user unlocked</source>
        <translation>odblokowanie konta pracownika</translation>
    </message>
    <message>
        <source>cooperative settings changed</source>
        <translation>zmiana ustawień spółdzielni</translation>
    </message>
    <message>
        <source>reading window set</source>
        <translation>ustawienie okna odczytów</translation>
    </message>
    <message>
        <source>building's own reading window removed</source>
        <translation>usunięcie własnego okna odczytów budynku</translation>
    </message>
    <message>
        <source>demo data loaded</source>
        <translation>wczytanie danych demonstracyjnych</translation>
    </message>
    <message>
        <source>database backed up</source>
        <translation>kopia zapasowa bazy</translation>
    </message>
    <message>
        <source>database restored from a backup</source>
        <translation>odtworzenie bazy z kopii zapasowej</translation>
    </message>
</context>
<context>
    <name>AuditDetails</name>
    <message>
        <source>Title</source>
        <translation>Tytuł</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Treść</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Rodzaj</translation>
    </message>
    <message>
        <source>Publish from</source>
        <translation>Publikacja od</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Ważne do</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Szkic</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Dla</translation>
    </message>
    <message>
        <source>Building (no.)</source>
        <translation>Budynek (nr)</translation>
    </message>
    <message>
        <source>Premises (no.)</source>
        <translation>Lokal (nr)</translation>
    </message>
    <message>
        <source>Person (no.)</source>
        <translation>Osoba (nr)</translation>
    </message>
    <message>
        <source>Meter (no.)</source>
        <translation>Licznik (nr)</translation>
    </message>
    <message>
        <source>Application (no.)</source>
        <translation>Wniosek (nr)</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>Identyfikator</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Imię i nazwisko</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rola</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stan</translation>
    </message>
    <message>
        <source>Previous status</source>
        <translation>Poprzedni stan</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Odczyt</translation>
    </message>
    <message>
        <source>Reading date</source>
        <translation>Data odczytu</translation>
    </message>
    <message>
        <source>Submitted through</source>
        <translation>Zgłoszony przez</translation>
    </message>
    <message>
        <source>Flagged because</source>
        <translation>Oznaczony, bo</translation>
    </message>
    <message>
        <source>Warnings confirmed</source>
        <translation>Potwierdzone ostrzeżenia</translation>
    </message>
    <message>
        <source>Submitted at</source>
        <translation>Zgłoszony</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Usunięto</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Powód</translation>
    </message>
    <message>
        <source>Failed attempts in a row</source>
        <translation>Nieudane próby z rzędu</translation>
    </message>
    <message>
        <source>Locked for (minutes)</source>
        <translation>Blokada na (minut)</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>Zablokowane do</translation>
    </message>
    <message>
        <source>Unknown user ID</source>
        <translation>Nieznany identyfikator</translation>
    </message>
    <message>
        <source>Cooperative name</source>
        <translation>Nazwa spółdzielni</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <source>Bank account</source>
        <translation>Numer rachunku</translation>
    </message>
    <message>
        <source>IOK web address</source>
        <translation>Adres IOK w internecie</translation>
    </message>
    <message>
        <source>Anomaly: multiple of the average</source>
        <translation>Anomalia: krotność średniej</translation>
    </message>
    <message>
        <source>Slow down after failures</source>
        <translation>Spowalnianie po nieudanych próbach</translation>
    </message>
    <message>
        <source>Lock after failures</source>
        <translation>Blokada po nieudanych próbach</translation>
    </message>
    <message>
        <source>Lock for (minutes)</source>
        <translation>Czas blokady (minuty)</translation>
    </message>
    <message>
        <source>Kiosk idle sign-out (seconds)</source>
        <translation>Wylogowanie z kiosku po bezczynności (sekundy)</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Wersja</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>Częstotliwość</translation>
    </message>
    <message>
        <source>Days before the period end</source>
        <translation>Dni przed końcem okresu</translation>
    </message>
    <message>
        <source>Days after the period end</source>
        <translation>Dni po końcu okresu</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Kwota</translation>
    </message>
    <message>
        <source>Booking date</source>
        <translation>Data księgowania</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Termin płatności</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Corrects entry (no.)</source>
        <translation>Korygowany zapis (nr)</translation>
    </message>
    <message>
        <source>Read at</source>
        <translation>Przeczytano</translation>
    </message>
    <message>
        <source>Seen at</source>
        <translation>Przejrzano</translation>
    </message>
    <message>
        <source>Changes (no.)</source>
        <translation>Zmiany (nr)</translation>
    </message>
    <message>
        <source>Filed on</source>
        <translation>Data złożenia</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Biuro</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Od</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Do</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>Wersja</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Liczba kopii</translation>
    </message>
    <message>
        <source>Charges</source>
        <translation>Naliczenia</translation>
    </message>
    <message>
        <source>Charges in total</source>
        <translation>Naliczenia razem</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Wpłaty</translation>
    </message>
    <message>
        <source>Payments in total</source>
        <translation>Wpłaty razem</translation>
    </message>
    <message>
        <source>Corrections</source>
        <translation>Korekty</translation>
    </message>
    <message>
        <source>Corrections in total</source>
        <translation>Korekty razem</translation>
    </message>
    <message>
        <source>Old meter (no.)</source>
        <translation>Stary licznik (nr)</translation>
    </message>
    <message>
        <source>Old meter's serial number</source>
        <translation>Numer fabryczny starego licznika</translation>
    </message>
    <message>
        <source>New meter's serial number</source>
        <translation>Numer fabryczny nowego licznika</translation>
    </message>
    <message>
        <source>Final reading of the old meter</source>
        <translation>Odczyt końcowy starego licznika</translation>
    </message>
    <message>
        <source>Initial reading of the new meter</source>
        <translation>Stan początkowy nowego licznika</translation>
    </message>
    <message>
        <source>Pending readings rejected</source>
        <translation>Odrzucone oczekujące odczyty</translation>
    </message>
    <message>
        <source>Landline</source>
        <translation>Telefon stacjonarny</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Telefon komórkowy</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>Adres e-mail</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Plik</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>Kodowanie</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Wiersze</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Dodane</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Bez zmian</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Odrzucone</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Anulowano</translation>
    </message>
    <message>
        <source>Kiosk exit</source>
        <translation>Wyjście z kiosku</translation>
    </message>
    <message>
        <source>Signed in through</source>
        <translation>Zalogowano przez</translation>
    </message>
    <message>
        <source>Number of premises</source>
        <translation>Liczba lokali</translation>
    </message>
    <message>
        <source>Years of history</source>
        <translation>Lata historii</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Ziarno losowania</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>Stan na dzień</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Baza danych</translation>
    </message>
    <message>
        <source>Schema version</source>
        <translation>Wersja struktury bazy</translation>
    </message>
    <message>
        <source>Size (bytes)</source>
        <translation>Rozmiar (bajty)</translation>
    </message>
    <message>
        <source>Contents replaced</source>
        <translation>Zawartość zastąpiona</translation>
    </message>
    <message>
        <source>announcement</source>
        <translation>ogłoszenie</translation>
    </message>
    <message>
        <source>reading</source>
        <translation>odczyt</translation>
    </message>
    <message>
        <source>meter</source>
        <translation>licznik</translation>
    </message>
    <message>
        <source>staff user</source>
        <translation>pracownik</translation>
    </message>
    <message>
        <source>IOK account</source>
        <translation>konto IOK</translation>
    </message>
    <message>
        <source>IOK account application</source>
        <translation>wniosek o konto IOK</translation>
    </message>
    <message>
        <source>ledger entry</source>
        <translation>zapis w kartotece</translation>
    </message>
    <message>
        <source>person</source>
        <translation>osoba</translation>
    </message>
    <message>
        <source>premises</source>
        <translation>lokal</translation>
    </message>
    <message>
        <source>cooperative settings</source>
        <translation>ustawienia spółdzielni</translation>
    </message>
    <message>
        <source>reading window</source>
        <translation>okno odczytów</translation>
    </message>
    <message>
        <source>contact change</source>
        <translation>zmiana danych kontaktowych</translation>
    </message>
    <message>
        <source>%1 no. %2</source>
        <translation>%1 nr %2</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>tak</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>with personal data</source>
        <translation>z danymi osobowymi</translation>
    </message>
    <message>
        <source>without personal data</source>
        <translation>bez danych osobowych</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Kiedy</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Kto</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Co</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Rekord</translation>
    </message>
    <message>
        <source>Premises</source>
        <translation>Lokal</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Stanowisko</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Przed</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Po</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Pole</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Wartości</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Szczegóły</translation>
    </message>
    <message>
        <source>No further details were recorded.</source>
        <translation>Nie zapisano dalszych szczegółów.</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>When</source>
        <translation>Kiedy</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Kto</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Co</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Rekord</translation>
    </message>
    <message>
        <source>Premises</source>
        <translation>Lokal</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Stanowisko</translation>
    </message>
</context>
<context>
    <name>AuditLogPage</name>
    <message>
        <source>&amp;User ID:</source>
        <translation>&amp;Identyfikator:</translation>
    </message>
    <message>
        <source>exact, e.g. akowalska</source>
        <translation>dokładnie, np. akowalska</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>&amp;Czynność:</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Wszystkie czynności</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Od:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Do:</translation>
    </message>
    <message>
        <source>DD.MM.YYYY</source>
        <translation>DD.MM.RRRR</translation>
    </message>
    <message>
        <source>Premises:</source>
        <translation>Lokal:</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Wybierz…</translation>
    </message>
    <message>
        <source>Any premises</source>
        <translation>Dowolny lokal</translation>
    </message>
    <message>
        <source>C&amp;lear filters</source>
        <translation>Wyczyść &amp;filtry</translation>
    </message>
    <message>
        <source>The start date is after the end date.</source>
        <translation>Data początkowa jest późniejsza niż końcowa.</translation>
    </message>
    <message>
        <source>any</source>
        <translation>dowolny</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wczytywanie…</translation>
    </message>
    <message>
        <source>No entries match the filters.</source>
        <translation>Brak wpisów spełniających warunki.</translation>
    </message>
    <message>
        <source>Shown: %1 newest entries; scroll down for older ones.</source>
        <translation>Pokazano: %1 najnowszych wpisów; przewiń w dół, aby zobaczyć starsze.</translation>
    </message>
    <message>
        <source>Shown: %1 (all that match).</source>
        <translation>Pokazano: %1 (wszystkie pasujące).</translation>
    </message>
    <message>
        <source>Choose an entry to see who did what, and the values before and after.</source>
        <translation>Wybierz wpis, aby zobaczyć, kto co zrobił, oraz wartości przed zmianą i po niej.</translation>
    </message>
</context>
<context>
    <name>AuditTables</name>
    <message>
        <source>cooperative</source>
        <translation>spółdzielnia</translation>
    </message>
    <message>
        <source>staff users</source>
        <translation>pracownicy</translation>
    </message>
    <message>
        <source>estates</source>
        <translation>osiedla</translation>
    </message>
    <message>
        <source>buildings</source>
        <translation>budynki</translation>
    </message>
    <message>
        <source>reading windows</source>
        <translation>okna odczytów</translation>
    </message>
    <message>
        <source>persons</source>
        <translation>osoby</translation>
    </message>
    <message>
        <source>premises</source>
        <translation>lokale</translation>
    </message>
    <message>
        <source>IOK accounts</source>
        <translation>konta IOK</translation>
    </message>
    <message>
        <source>legal titles</source>
        <translation>tytuły prawne</translation>
    </message>
    <message>
        <source>meters</source>
        <translation>liczniki</translation>
    </message>
    <message>
        <source>meter readings</source>
        <translation>odczyty liczników</translation>
    </message>
    <message>
        <source>ledger entries</source>
        <translation>zapisy w kartotece</translation>
    </message>
    <message>
        <source>contact changes</source>
        <translation>zmiany danych kontaktowych</translation>
    </message>
    <message>
        <source>announcements</source>
        <translation>ogłoszenia</translation>
    </message>
    <message>
        <source>announcements read</source>
        <translation>odczytania ogłoszeń</translation>
    </message>
    <message>
        <source>IOK account applications</source>
        <translation>wnioski o konto IOK</translation>
    </message>
    <message>
        <source>event log entries</source>
        <translation>wpisy dziennika zdarzeń</translation>
    </message>
</context>
<context>
    <name>BatchStatementsDialog</name>
    <message>
        <source>The PDF file to write</source>
        <translation>Plik PDF do zapisania</translation>
    </message>
    <message>
        <source>The folder for the files</source>
        <translation>Folder na pliki</translation>
    </message>
    <message>
        <source>Save the statements as</source>
        <translation>Zapisz zestawienia jako</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Dokumenty PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Folder for the statements</source>
        <translation>Folder na zestawienia</translation>
    </message>
    <message>
        <source>Choose the PDF file to write.</source>
        <translation>Wskaż plik PDF do zapisania.</translation>
    </message>
    <message>
        <source>Choose the folder for the files.</source>
        <translation>Wskaż folder na pliki.</translation>
    </message>
    <message>
        <source>This is a folder: give the name of the PDF file.</source>
        <translation>To jest folder: podaj nazwę pliku PDF.</translation>
    </message>
    <message>
        <source>This is a file: choose a folder for the files.</source>
        <translation>To jest plik: wskaż folder na pliki.</translation>
    </message>
    <message>
        <source>The start of the period must not be later than its end.</source>
        <translation>Data początkowa okresu nie może być późniejsza niż końcowa.</translation>
    </message>
    <message>
        <source>Choose the building.</source>
        <translation>Wybierz budynek.</translation>
    </message>
    <message>
        <source>Type the estate's code.</source>
        <translation>Wpisz kod osiedla.</translation>
    </message>
    <message>
        <source>Choosing the premises…</source>
        <translation>Wybieram lokale…</translation>
    </message>
    <message>
        <source>No premises match: no statements were made.</source>
        <translation>Żaden lokal nie spełnia warunków: nie utworzono zestawień.</translation>
    </message>
    <message>
        <source>Making %1 statements…</source>
        <translation>Tworzę zestawienia (%1)…</translation>
    </message>
    <message>
        <source>Cancelling after the statements being drawn now…</source>
        <translation>Przerywam po zestawieniach, które są właśnie tworzone…</translation>
    </message>
    <message>
        <source>Cancelled: no file was written.</source>
        <translation>Przerwano: nie zapisano pliku.</translation>
    </message>
    <message>
        <source>Cancelled: %1 of %2 statements saved in %3.</source>
        <translation>Przerwano: zapisano %1 z %2 zestawień w %3.</translation>
    </message>
    <message>
        <source>Saved %1 statements (%2 pages) in %3.</source>
        <translation>Zapisano zestawienia: %1 (stron: %2) w %3.</translation>
    </message>
</context>
<context>
    <name>ClerkApp</name>
    <message>
        <source>The database cannot be opened. Check that the database server is running and that its address is right.

Details: %1</source>
        <translation>Nie można otworzyć bazy danych. Sprawdź, czy serwer bazy danych działa i czy jego adres jest poprawny.

Szczegóły: %1</translation>
    </message>
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
    <name>ContactDialog</name>
    <message>
        <source>Contact data — %1</source>
        <translation>Dane kontaktowe — %1</translation>
    </message>
    <message>
        <source>Save contact data</source>
        <translation>Zapisz dane kontaktowe</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <source>Post correction</source>
        <translation>Zaksięguj korektę</translation>
    </message>
    <message>
        <source>No entry selected (select a row in the table first)</source>
        <translation>Nie wybrano wpisu (najpierw zaznacz wiersz w tabeli)</translation>
    </message>
</context>
<context>
    <name>CredentialsDialog</name>
    <message>
        <source>New one-time password</source>
        <translation>Nowe hasło jednorazowe</translation>
    </message>
    <message>
        <source>IOK account created</source>
        <translation>Założono konto IOK</translation>
    </message>
    <message>
        <source>The one-time password is shown only now and is not stored anywhere. Print the handover slip (or save it as PDF) and give it to the resident.</source>
        <translation>Hasło jednorazowe widać tylko teraz i nie jest nigdzie zapisywane. Wydrukuj potwierdzenie wydania (albo zapisz je jako PDF) i przekaż je mieszkańcowi.</translation>
    </message>
    <message>
        <source>Account holder:</source>
        <translation>Właściciel konta:</translation>
    </message>
    <message>
        <source>Premises:</source>
        <translation>Lokale:</translation>
    </message>
    <message>
        <source>User ID:</source>
        <translation>Identyfikator użytkownika:</translation>
    </message>
    <message>
        <source>One-time password:</source>
        <translation>Hasło jednorazowe:</translation>
    </message>
    <message>
        <source>IOK address:</source>
        <translation>Adres IOK:</translation>
    </message>
    <message>
        <source>Print slip…</source>
        <translation>Drukuj potwierdzenie…</translation>
    </message>
    <message>
        <source>Save slip as PDF…</source>
        <translation>Zapisz potwierdzenie jako PDF…</translation>
    </message>
    <message>
        <source>The resident has the slip. I understand the password cannot be shown again.</source>
        <translation>Mieszkaniec ma potwierdzenie. Rozumiem, że hasła nie da się wyświetlić ponownie.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Zamknij</translation>
    </message>
    <message>
        <source>Print the handover slip</source>
        <translation>Drukowanie potwierdzenia wydania</translation>
    </message>
    <message>
        <source>Save the handover slip</source>
        <translation>Zapisywanie potwierdzenia wydania</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Dokumenty PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Printing the slip…</source>
        <translation>Drukuję potwierdzenie…</translation>
    </message>
    <message>
        <source>The slip has been sent to the printer.</source>
        <translation>Potwierdzenie wysłano do drukarki.</translation>
    </message>
    <message>
        <source>Could not write %1. Choose another folder.</source>
        <translation>Nie udało się zapisać %1. Wybierz inny folder.</translation>
    </message>
    <message>
        <source>Saved as %1. The file contains the password: delete it once the slip is printed.</source>
        <translation>Zapisano jako %1. Plik zawiera hasło: usuń go po wydrukowaniu.</translation>
    </message>
</context>
<context>
    <name>CsvImportDialog</name>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Pliki CSV (*.csv *.txt);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <source>Choose the file to import.</source>
        <translation>Wybierz plik do zaimportowania.</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>Sprawdzam plik…</translation>
    </message>
    <message>
        <source>Stopping after the current part of the file…</source>
        <translation>Zatrzymuję po bieżącej części pliku…</translation>
    </message>
    <message>
        <source>%1 of %2 rows</source>
        <translation>%1 z %2 wierszy</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importuję…</translation>
    </message>
    <message>
        <source>%1 (%2): %3 rows read.</source>
        <translation>%1 (%2): wczytano wierszy: %3.</translation>
    </message>
    <message>
        <source>The list shows the first %1.</source>
        <translation>Lista pokazuje pierwsze %1.</translation>
    </message>
    <message>
        <source>No row was rejected.</source>
        <translation>Żaden wiersz nie został odrzucony.</translation>
    </message>
    <message>
        <source>Stopped before the end of the file: importing it again adds only what is missing.</source>
        <translation>Zatrzymano przed końcem pliku: ponowny import doda tylko to, czego brakuje.</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Nic nie zaimportowano.</translation>
    </message>
    <message>
        <source>The import stopped. Parts of the file already saved stay saved; importing the same file again adds only what is missing.</source>
        <translation>Import został przerwany. Zapisane już części pliku pozostają; ponowny import tego samego pliku doda tylko to, czego brakuje.</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>&amp;History:</source>
        <translation>&amp;Historia:</translation>
    </message>
    <message>
        <source>Consumption per 30 days</source>
        <translation>Zużycie na 30 dni</translation>
    </message>
    <message>
        <source>Meter readings</source>
        <translation>Stany licznika</translation>
    </message>
    <message>
        <source>Choose a reading to see its meter's history.</source>
        <translation>Wybierz odczyt, aby zobaczyć historię licznika.</translation>
    </message>
    <message>
        <source>New reading: %1 on %2</source>
        <translation>Nowy odczyt: %1 z dnia %2</translation>
    </message>
    <message>
        <source>Previous: %1 on %2</source>
        <translation>Poprzedni: %1 z dnia %2</translation>
    </message>
    <message>
        <source>Consumption: %1 in %2 days</source>
        <translation>Zużycie: %1 (liczba dni: %2)</translation>
    </message>
    <message>
        <source>No accepted reading before this one.</source>
        <translation>Brak wcześniejszego zaakceptowanego odczytu.</translation>
    </message>
    <message>
        <source>Average: %1 per 30 days</source>
        <translation>Średnio: %1 na 30 dni</translation>
    </message>
    <message>
        <source>Submitted %1 (%2)</source>
        <translation>Zgłoszono %1 (%2)</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Notatka: %1</translation>
    </message>
</context>
<context>
    <name>ErrorPresenter</name>
    <message>
        <source>Save not confirmed</source>
        <translation>Zapis niepotwierdzony</translation>
    </message>
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
    <name>HistoryChart</name>
    <message>
        <source>Accepted</source>
        <translation>Zaakceptowane</translation>
    </message>
    <message>
        <source>This reading</source>
        <translation>Ten odczyt</translation>
    </message>
    <message>
        <source>12-month average</source>
        <translation>Średnia z 12 miesięcy</translation>
    </message>
    <message>
        <source>%1 per 30 days</source>
        <translation>%1 na 30 dni</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Welcome, %1</source>
        <translation>Witamy, %1</translation>
    </message>
    <message>
        <source>Tap the address of a premises to see its financial ledger.</source>
        <translation>Dotknij adresu lokalu, aby zobaczyć jego kartotekę finansową.</translation>
    </message>
    <message>
        <source>You hold no premises at the moment. Please ask at the office.</source>
        <translation>Nie masz teraz tytułu prawnego do żadnego lokalu. Zapytaj w biurze spółdzielni.</translation>
    </message>
    <message>
        <source>‹ My premises</source>
        <translation>‹ Moje lokale</translation>
    </message>
    <message>
        <source>Print statement</source>
        <translation>Drukuj zestawienie</translation>
    </message>
    <message>
        <source>Entries since %1. Balance before that day: %2.</source>
        <translation>Zapisy od %1. Saldo przed tym dniem: %2.</translation>
    </message>
    <message>
        <source>Premises %1</source>
        <translation>Lokal %1</translation>
    </message>
</context>
<context>
    <name>KioskAdminExitScreen</name>
    <message>
        <source>Close the kiosk (administrator)</source>
        <translation>Zamknięcie kiosku (administrator)</translation>
    </message>
    <message>
        <source>Staff login</source>
        <translation>Login pracownika</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Hasło</translation>
    </message>
    <message>
        <source>Close the kiosk</source>
        <translation>Zamknij kiosk</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Wróć</translation>
    </message>
    <message>
        <source>Only an administrator can close the kiosk.</source>
        <translation>Tylko administrator może zamknąć kiosk.</translation>
    </message>
</context>
<context>
    <name>KioskAnnouncementCard</name>
    <message>
        <source>URGENT</source>
        <translation>PILNE</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nowe</translation>
    </message>
    <message>
        <source>Read ›</source>
        <translation>Czytaj ›</translation>
    </message>
</context>
<context>
    <name>KioskAnnouncementsPage</name>
    <message>
        <source>Published %1</source>
        <translation>Opublikowano %1</translation>
    </message>
    <message>
        <source>valid until %1</source>
        <translation>ważne do %1</translation>
    </message>
    <message>
        <source>Announcements</source>
        <translation>Ogłoszenia</translation>
    </message>
    <message>
        <source>‹ Back to the list</source>
        <translation>‹ Wróć do listy</translation>
    </message>
    <message>
        <source>URGENT</source>
        <translation>PILNE</translation>
    </message>
    <message>
        <source>There are no announcements for you at the moment.</source>
        <translation>Nie ma teraz żadnych ogłoszeń dla Ciebie.</translation>
    </message>
    <message>
        <source>Unread: %1. Tap an announcement to read all of it.</source>
        <translation>Nieprzeczytane: %1. Dotknij ogłoszenia, aby przeczytać całość.</translation>
    </message>
    <message>
        <source>You have read all announcements. Tap one to read it again.</source>
        <translation>Wszystkie ogłoszenia są przeczytane. Dotknij ogłoszenia, aby przeczytać je ponownie.</translation>
    </message>
</context>
<context>
    <name>KioskContactsPage</name>
    <message>
        <source>Contact details</source>
        <translation>Dane kontaktowe</translation>
    </message>
    <message>
        <source>The above data is used by the cooperative to contact you if necessary.</source>
        <translation>Powyższe dane służą Spółdzielni do ewentualnego kontaktu z Państwem.</translation>
    </message>
    <message>
        <source>Landline phone</source>
        <translation>Telefon stacjonarny</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Telefon komórkowy</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>Adres e-mail</translation>
    </message>
    <message>
        <source>e.g. 91 123 45 67</source>
        <translation>np. 91 123 45 67</translation>
    </message>
    <message>
        <source>e.g. 601 234 567</source>
        <translation>np. 601 234 567</translation>
    </message>
    <message>
        <source>e.g. name@example.pl</source>
        <translation>np. nazwa@domena.pl</translation>
    </message>
    <message>
        <source>Change details</source>
        <translation>Zmień dane</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Zapisz</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>nie podano</translation>
    </message>
    <message>
        <source>Nothing has changed: your contact details are as before.</source>
        <translation>Nic się nie zmieniło: dane kontaktowe są takie jak wcześniej.</translation>
    </message>
    <message>
        <source>Saved. Your new contact details are shown below.</source>
        <translation>Zapisano. Poniżej Twoje nowe dane kontaktowe.</translation>
    </message>
</context>
<context>
    <name>KioskLedger</name>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tytuł</translation>
    </message>
    <message>
        <source>Charge</source>
        <translation>Obciążenie</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Wpłata</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
</context>
<context>
    <name>KioskLoginScreen</name>
    <message>
        <source>Resident sign-in</source>
        <translation>Logowanie mieszkańca</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>Identyfikator</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Hasło</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Zaloguj</translation>
    </message>
    <message>
        <source>Enter your user ID and password.</source>
        <translation>Wpisz identyfikator i hasło.</translation>
    </message>
</context>
<context>
    <name>KioskOutageScreen</name>
    <message>
        <source>Out of service — please contact the office</source>
        <translation>Nieczynne — prosimy o kontakt z biurem</translation>
    </message>
    <message>
        <source>The kiosk will start working again by itself as soon as possible.</source>
        <translation>Kiosk sam wznowi działanie, gdy tylko będzie to możliwe.</translation>
    </message>
</context>
<context>
    <name>KioskPages</name>
    <message>
        <source>Home</source>
        <translation>Strona główna</translation>
    </message>
    <message>
        <source>Contact details</source>
        <translation>Dane kontaktowe</translation>
    </message>
    <message>
        <source>Meter readings</source>
        <translation>Odczyty liczników</translation>
    </message>
    <message>
        <source>Announcements</source>
        <translation>Ogłoszenia</translation>
    </message>
</context>
<context>
    <name>KioskPasswordScreen</name>
    <message>
        <source>Set your own password</source>
        <translation>Ustaw własne hasło</translation>
    </message>
    <message>
        <source>Before you continue, choose a new password. It must have:</source>
        <translation>Zanim przejdziesz dalej, wymyśl nowe hasło. Musi zawierać:</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Nowe hasło</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>Powtórz nowe hasło</translation>
    </message>
    <message>
        <source>Set password</source>
        <translation>Ustaw hasło</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
</context>
<context>
    <name>KioskScrollButtons</name>
    <message>
        <source>Scroll up</source>
        <translation>Przewiń w górę</translation>
    </message>
    <message>
        <source>Scroll down</source>
        <translation>Przewiń w dół</translation>
    </message>
</context>
<context>
    <name>KioskShell</name>
    <message>
        <source>Log out</source>
        <translation>Wyloguj</translation>
    </message>
    <message>
        <source>I am still here</source>
        <translation>Jestem tutaj</translation>
    </message>
    <message>
        <source>No activity: you will be logged out in %1 s. Touch the screen to stay.</source>
        <translation>Brak aktywności: wylogowanie za %1 s. Dotknij ekranu, aby zostać.</translation>
    </message>
</context>
<context>
    <name>LedgerBatchDialog</name>
    <message>
        <source>Batch statements</source>
        <translation>Zestawienia zbiorcze</translation>
    </message>
    <message>
        <source>Statements of many premises for one period, saved as PDF: one combined file, or one file per premises named by its number. Every statement saved is recorded in the event log.</source>
        <translation>Zestawienia wielu lokali za jeden okres, zapisane jako PDF: jeden wspólny plik albo plik na każdy lokal, nazwany jego numerem. Każde zapisane zestawienie trafia do dziennika zdarzeń.</translation>
    </message>
    <message>
        <source>Premises:</source>
        <translation>Lokale:</translation>
    </message>
    <message>
        <source>&amp;All premises</source>
        <translation>&amp;Wszystkie lokale</translation>
    </message>
    <message>
        <source>One &amp;building:</source>
        <translation>Jeden &amp;budynek:</translation>
    </message>
    <message>
        <source>One &amp;estate (code):</source>
        <translation>Jedno o&amp;siedle (kod):</translation>
    </message>
    <message>
        <source>e.g. OS-01</source>
        <translation>np. OS-01</translation>
    </message>
    <message>
        <source>Only premises in a&amp;rrears (an amount due at the end of the period)</source>
        <translation>Tylko lokale z &amp;zaległością (kwota do zapłaty na koniec okresu)</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Okres:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>O&amp;d:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>D&amp;o:</translation>
    </message>
    <message>
        <source>Variant:</source>
        <translation>Wariant:</translation>
    </message>
    <message>
        <source>Without &amp;personal data (for the archive)</source>
        <translation>Bez danych osobowych (do &amp;archiwum)</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>Zapisz jako:</translation>
    </message>
    <message>
        <source>One file &amp;per premises, into a folder</source>
        <translation>Osobny &amp;plik dla każdego lokalu, w folderze</translation>
    </message>
    <message>
        <source>One &amp;combined PDF file</source>
        <translation>&amp;Jeden wspólny plik PDF</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>Prze&amp;glądaj…</translation>
    </message>
    <message>
        <source>&amp;Create statements</source>
        <translation>&amp;Utwórz zestawienia</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Zamknij</translation>
    </message>
</context>
<context>
    <name>LedgerCorrectionDialog</name>
    <message>
        <source>Post a correction</source>
        <translation>Korekta w kartotece</translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation>&amp;Kwota:</translation>
    </message>
    <message>
        <source>e.g. -50,00</source>
        <translation>np. -50,00</translation>
    </message>
    <message>
        <source>Above zero raises what is owed; below zero (e.g. -50,00) lowers it.</source>
        <translation>Kwota dodatnia zwiększa należność, ujemna (np. -50,00) ją zmniejsza.</translation>
    </message>
    <message>
        <source>&amp;Booking date:</source>
        <translation>Data &amp;księgowania:</translation>
    </message>
    <message>
        <source>D&amp;ue date:</source>
        <translation>Te&amp;rmin płatności:</translation>
    </message>
    <message>
        <source>Without a due date the correction counts from its booking date.</source>
        <translation>Bez terminu płatności korekta liczy się od daty księgowania.</translation>
    </message>
    <message>
        <source>Corrects:</source>
        <translation>Koryguje:</translation>
    </message>
    <message>
        <source>No entry selected</source>
        <translation>Nie wybrano wpisu</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Tytuł:</translation>
    </message>
    <message>
        <source>The title the resident will read on the statement; choose one or type your own.</source>
        <translation>Tytuł, który mieszkaniec przeczyta w zestawieniu; wybierz z listy lub wpisz własny.</translation>
    </message>
    <message>
        <source>&amp;Document no.:</source>
        <translation>Nr &amp;dokumentu:</translation>
    </message>
    <message>
        <source>optional, e.g. KOR/15/2026</source>
        <translation>nieobowiązkowy, np. KOR/15/2026</translation>
    </message>
    <message>
        <source>A posted correction cannot be changed or deleted either: a wrong one is put right with another correction.</source>
        <translation>Zaksięgowanej korekty także nie można zmienić ani usunąć: błędną prostuje się kolejną korektą.</translation>
    </message>
</context>
<context>
    <name>LedgerImportColumns</name>
    <message>
        <source>Line</source>
        <translation>Wiersz</translation>
    </message>
    <message>
        <source>Premises</source>
        <translation>Lokal</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Why it was not posted</source>
        <translation>Dlaczego nie zaksięgowano</translation>
    </message>
</context>
<context>
    <name>LedgerImportDialog</name>
    <message>
        <source>Import the ledger</source>
        <translation>Import kartotek</translation>
    </message>
    <message>
        <source>Posted: %1 new entries.</source>
        <translation>Zaksięgowano nowych zapisów: %1.</translation>
    </message>
    <message>
        <source>charges: %1, total %2</source>
        <translation>naliczenia: %1, razem %2</translation>
    </message>
    <message>
        <source>payments: %1, total %2</source>
        <translation>wpłaty: %1, razem %2</translation>
    </message>
    <message>
        <source>corrections: %1, net %2</source>
        <translation>korekty: %1, per saldo %2</translation>
    </message>
    <message>
        <source>Already imported before, skipped: %1 (nothing is posted twice).</source>
        <translation>Już zaimportowane wcześniej, pominięte: %1 (nic nie jest księgowane dwa razy).</translation>
    </message>
    <message>
        <source>Not posted: %1 rows — listed below; correct them in the accounting program.</source>
        <translation>Niezaksięgowane wiersze: %1 — lista poniżej; popraw je w programie księgowym.</translation>
    </message>
    <message>
        <source>Import the ledger from the accounting program</source>
        <translation>Import kartotek z programu księgowego</translation>
    </message>
    <message>
        <source>File format</source>
        <translation>Format pliku</translation>
    </message>
    <message>
        <source>A CSV file exported from the accounting program. Columns are separated by a semicolon; the first line names them (in any order):
    numer_lokalu;data_ksiegowania;termin_platnosci;rodzaj;tytul;kwota;numer_dokumentu
• numer_lokalu — the premises number used by the accounting program (the premises code);
• data_ksiegowania — the booking date, DD.MM.YYYY or YYYY-MM-DD;
• termin_platnosci — when a charge falls due (required for a charge, may be empty for a payment or a correction);
• rodzaj — naliczenie, wpłata or korekta;
• tytul — the title the resident reads on the statement;
• kwota — the amount with a decimal comma or dot (1 234,56); a charge and a payment as positive amounts, a correction with its sign;
• numer_dokumentu — the accounting program's document number.
Other columns are ignored. Encoding: UTF-8 (with or without BOM) or Windows-1250.

Rows that break a rule are not posted and are listed below with their line number. Importing the same file again posts nothing twice: rows imported before are counted as already imported.</source>
        <translation>Plik CSV wyeksportowany z programu księgowego. Kolumny rozdziela średnik; pierwszy wiersz podaje ich nazwy (w dowolnej kolejności):
    numer_lokalu;data_ksiegowania;termin_platnosci;rodzaj;tytul;kwota;numer_dokumentu
• numer_lokalu — numer lokalu w programie księgowym (kod lokalu);
• data_ksiegowania — data księgowania, DD.MM.RRRR lub RRRR-MM-DD;
• termin_platnosci — termin płatności naliczenia (wymagany dla naliczenia, przy wpłacie i korekcie może być pusty);
• rodzaj — naliczenie, wpłata lub korekta;
• tytul — tytuł, który mieszkaniec widzi na wyciągu;
• kwota — kwota z przecinkiem lub kropką dziesiętną (1 234,56); naliczenie i wpłata jako kwoty dodatnie, korekta ze znakiem;
• numer_dokumentu — numer dokumentu w programie księgowym.
Pozostałe kolumny są pomijane. Kodowanie: UTF-8 (z BOM lub bez) albo Windows-1250.

Wiersze niezgodne z zasadami nie są księgowane — poniżej widać je z numerem wiersza. Ponowny import tego samego pliku niczego nie zaksięguje drugi raz: wiersze zaimportowane wcześniej są liczone jako już zaimportowane.</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Plik:</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Wybierz…</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importuj</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Zatrzymaj</translation>
    </message>
</context>
<context>
    <name>LedgerPage</name>
    <message>
        <source>&amp;Premises:</source>
        <translation>&amp;Lokal:</translation>
    </message>
    <message>
        <source>Surname, address (Zgoda 8/12), premises code or IOK login</source>
        <translation>Nazwisko, adres (Zgoda 8/12), kod lokalu lub login IOK</translation>
    </message>
    <message>
        <source>Type to search; Enter or a double-click opens the ledger (Ctrl+F comes back here).</source>
        <translation>Wpisz, aby wyszukać; Enter lub dwuklik otwiera kartotekę (Ctrl+F wraca do wyszukiwania).</translation>
    </message>
    <message>
        <source>&amp;Import from accounting…</source>
        <translation>&amp;Import z księgowości…</translation>
    </message>
    <message>
        <source>Post charges, payments and corrections from the accounting program's CSV</source>
        <translation>Zaksięguj naliczenia, wpłaty i korekty z pliku CSV programu księgowego</translation>
    </message>
    <message>
        <source>&amp;Batch statements…</source>
        <translation>Zestawienia z&amp;biorcze…</translation>
    </message>
    <message>
        <source>Statements of a building, an estate or all premises, as PDF files</source>
        <translation>Zestawienia budynku, osiedla lub wszystkich lokali jako pliki PDF</translation>
    </message>
    <message>
        <source>Find a premises in the box above: a surname, an address such as Zgoda 8/12, a premises code or an IOK login. Press Enter or double-click a result to open its ledger.</source>
        <translation>Wyszukaj lokal w polu powyżej: nazwisko, adres (np. Zgoda 8/12), kod lokalu lub login IOK. Naciśnij Enter lub kliknij dwukrotnie wynik, aby otworzyć kartotekę.</translation>
    </message>
    <message>
        <source>Individual bank account:</source>
        <translation>Indywidualny rachunek bankowy:</translation>
    </message>
    <message>
        <source>The resident pays to this account; it identifies the premises.</source>
        <translation>Na ten rachunek mieszkaniec wpłaca należności; rachunek wskazuje lokal.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopiuj</translation>
    </message>
    <message>
        <source>Copy the account number (digits only)</source>
        <translation>Skopiuj numer rachunku (same cyfry)</translation>
    </message>
    <message>
        <source>What the resident has to pay today: charges count once they are due, payments once booked; nothing booked after today counts.</source>
        <translation>Ile mieszkaniec ma dziś do zapłaty: naliczenia liczą się od terminu płatności, wpłaty od zaksięgowania; wpisy z datą późniejszą niż dziś się nie liczą.</translation>
    </message>
    <message>
        <source>Peri&amp;od:</source>
        <translation>Okre&amp;s:</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Ostatnie 12 miesięcy</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Bieżący rok</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Cała kartoteka</translation>
    </message>
    <message>
        <source>Custom dates</source>
        <translation>Własne daty</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Od:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Do:</translation>
    </message>
    <message>
        <source>Post pa&amp;yment…</source>
        <translation>Zaksięguj &amp;wpłatę…</translation>
    </message>
    <message>
        <source>Book a payment the resident made (a new entry)</source>
        <translation>Zaksięguj wpłatę mieszkańca (nowy wpis)</translation>
    </message>
    <message>
        <source>Post co&amp;rrection…</source>
        <translation>Zaksięguj &amp;korektę…</translation>
    </message>
    <message>
        <source>Book a correction (a new entry). Select the entry it corrects first to link them. Posted entries are never changed or deleted.</source>
        <translation>Zaksięguj korektę (nowy wpis). Aby powiązać ją z korygowanym wpisem, najpierw go zaznacz. Zaksięgowanych wpisów nigdy się nie zmienia ani nie usuwa.</translation>
    </message>
    <message>
        <source>Stat&amp;ement…</source>
        <translation>&amp;Zestawienie…</translation>
    </message>
    <message>
        <source>Preview, print or save the statement of this premises for the period</source>
        <translation>Podgląd, wydruk lub zapis do PDF zestawienia tego lokalu za okres</translation>
    </message>
    <message>
        <source>Opening balance</source>
        <translation>Saldo początkowe</translation>
    </message>
    <message>
        <source>Charges in the period</source>
        <translation>Obciążenia w okresie</translation>
    </message>
    <message>
        <source>Payments in the period</source>
        <translation>Wpłaty w okresie</translation>
    </message>
    <message>
        <source>Closing balance</source>
        <translation>Saldo końcowe</translation>
    </message>
    <message>
        <source>Posted entries are never changed or deleted: a mistake is put right with a correction.</source>
        <translation>Zaksięgowanych wpisów nie można zmienić ani usunąć: pomyłkę prostuje się korektą.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wczytywanie…</translation>
    </message>
    <message>
        <source>Premises %1 · %2 · %3 m²</source>
        <translation>Lokal %1 · %2 · %3 m²</translation>
    </message>
    <message>
        <source>Holders: %1</source>
        <translation>Posiadacze: %1</translation>
    </message>
    <message>
        <source>No current holder</source>
        <translation>Brak aktualnego posiadacza</translation>
    </message>
    <message>
        <source>Account number copied.</source>
        <translation>Skopiowano numer rachunku.</translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation>Dziś, %1</translation>
    </message>
    <message>
        <source>Balance before %1</source>
        <translation>Saldo przed %1</translation>
    </message>
    <message>
        <source>Balance now (all entries)</source>
        <translation>Saldo obecne (wszystkie wpisy)</translation>
    </message>
    <message>
        <source>Balance on %1</source>
        <translation>Saldo na %1</translation>
    </message>
    <message>
        <source>%1 of %2 entries shown; scroll down for more.</source>
        <translation>Widać %1 z %2 wpisów; przewiń w dół, aby zobaczyć więcej.</translation>
    </message>
    <message>
        <source>No entries in this period.</source>
        <translation>Brak wpisów w tym okresie.</translation>
    </message>
    <message>
        <source>%1 entries.</source>
        <translation>Wpisów: %1.</translation>
    </message>
    <message>
        <source>Posted: %1 %2 on %3.</source>
        <translation>Zaksięgowano: %1 %2 z datą %3.</translation>
    </message>
    <message>
        <source>It is outside the period shown.</source>
        <translation>Wpis jest poza pokazanym okresem.</translation>
    </message>
    <message>
        <source>Post a correction of this entry…</source>
        <translation>Zaksięguj korektę tego wpisu…</translation>
    </message>
</context>
<context>
    <name>LedgerPaymentDialog</name>
    <message>
        <source>Post a payment</source>
        <translation>Wpłata do kartoteki</translation>
    </message>
    <message>
        <source>&amp;Amount paid:</source>
        <translation>&amp;Kwota wpłaty:</translation>
    </message>
    <message>
        <source>e.g. 1 234,56</source>
        <translation>np. 1 234,56</translation>
    </message>
    <message>
        <source>&amp;Booking date:</source>
        <translation>Data &amp;księgowania:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Tytuł:</translation>
    </message>
    <message>
        <source>The title the resident will read on the statement; choose one or type your own.</source>
        <translation>Tytuł, który mieszkaniec przeczyta w zestawieniu; wybierz z listy lub wpisz własny.</translation>
    </message>
    <message>
        <source>&amp;Document no.:</source>
        <translation>Nr &amp;dokumentu:</translation>
    </message>
    <message>
        <source>optional, e.g. receipt KP/112/2026</source>
        <translation>nieobowiązkowy, np. dowód wpłaty KP/112/2026</translation>
    </message>
    <message>
        <source>A posted payment cannot be changed or deleted. A mistake is put right with a correction.</source>
        <translation>Zaksięgowanej wpłaty nie można zmienić ani usunąć. Pomyłkę prostuje się korektą.</translation>
    </message>
</context>
<context>
    <name>LedgerStatementDialog</name>
    <message>
        <source>Statement</source>
        <translation>Zestawienie</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Od:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Do:</translation>
    </message>
    <message>
        <source>With the holders' &amp;names</source>
        <translation>Z &amp;nazwiskami posiadaczy</translation>
    </message>
    <message>
        <source>For the holder: the statement names the title holders.</source>
        <translation>Dla posiadacza: zestawienie podaje posiadaczy tytułu do lokalu.</translation>
    </message>
    <message>
        <source>Without &amp;personal data</source>
        <translation>&amp;Bez danych osobowych</translation>
    </message>
    <message>
        <source>For the archive or the tray: the holders' names are left out.</source>
        <translation>Do archiwum lub na tacę: bez imion i nazwisk posiadaczy.</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Dr&amp;ukuj…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>Zapisz jako &amp;PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Zamknij</translation>
    </message>
</context>
<context>
    <name>LedgerTableModel</name>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tytuł</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Rodzaj</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Termin płatności</translation>
    </message>
    <message>
        <source>Charges</source>
        <translation>Obciążenia</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Wpłaty</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>Document no.</source>
        <translation>Nr dokumentu</translation>
    </message>
    <message>
        <source>Debit (Winien): charges and corrections that raise what is owed</source>
        <translation>Winien: naliczenia i korekty zwiększające należność</translation>
    </message>
    <message>
        <source>Credit (Ma): payments and corrections that lower what is owed</source>
        <translation>Ma: wpłaty i korekty zmniejszające należność</translation>
    </message>
    <message>
        <source>Balance after the entry: above zero owed, below zero overpaid</source>
        <translation>Saldo po tym wpisie: powyżej zera do zapłaty, poniżej zera nadpłata</translation>
    </message>
    <message>
        <source>Corrects entry no. %1</source>
        <translation>Koryguje wpis nr %1</translation>
    </message>
    <message>
        <source>Corrects the entry of %1: %2 (%3)</source>
        <translation>Koryguje wpis z %1: %2 (%3)</translation>
    </message>
    <message>
        <source>Booked ahead: not counted in today's amount due yet.</source>
        <translation>Zaksięgowany z datą przyszłą: jeszcze nie wlicza się do dzisiejszej należności.</translation>
    </message>
    <message>
        <source>Not due yet: not counted in today's amount due.</source>
        <translation>Przed terminem płatności: jeszcze nie wlicza się do dzisiejszej należności.</translation>
    </message>
    <message>
        <source>Entry no. %1, source: %2</source>
        <translation>Wpis nr %1, źródło: %2</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>Desk locked</source>
        <translation>Stanowisko zablokowane</translation>
    </message>
    <message>
        <source>The desk was locked after %1 minutes without use. Enter the password of %2 to continue.</source>
        <translation>Stanowisko zostało zablokowane po %1 min bezczynności. Aby kontynuować, wpisz hasło użytkownika %2.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Odblokuj</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Wyloguj</translation>
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
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <source>Database: connecting…</source>
        <translation>Baza danych: łączenie…</translation>
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
    <message>
        <source>Trying again in %1 s</source>
        <translation>Ponowna próba za %1 s</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Łączenie…</translation>
    </message>
</context>
<context>
    <name>MeterCard</name>
    <message>
        <source>Meter no. %1</source>
        <translation>Licznik nr %1</translation>
    </message>
    <message>
        <source>Last accepted reading</source>
        <translation>Ostatni zaakceptowany odczyt</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>z dnia %1</translation>
    </message>
    <message>
        <source>No accepted reading yet</source>
        <translation>Brak zaakceptowanego odczytu</translation>
    </message>
    <message>
        <source>Report a meter reading</source>
        <translation>Zgłoś odczyt licznika</translation>
    </message>
    <message>
        <source>Readings of this meter</source>
        <translation>Odczyty tego licznika</translation>
    </message>
</context>
<context>
    <name>MetersColumns</name>
    <message>
        <source>none</source>
        <translation>brak</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>tak</translation>
    </message>
    <message>
        <source>Premises</source>
        <translation>Lokal</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <source>Meter</source>
        <translation>Licznik</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Numer fabryczny</translation>
    </message>
    <message>
        <source>Remote read</source>
        <translation>Odczyt zdalny</translation>
    </message>
    <message>
        <source>Reading window</source>
        <translation>Okres odczytowy</translation>
    </message>
    <message>
        <source>Last accepted reading</source>
        <translation>Ostatni zaakceptowany odczyt</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>po terminie</translation>
    </message>
    <message>
        <source>expiring</source>
        <translation>wkrótce</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>Zamontowany</translation>
    </message>
    <message>
        <source>Legalisation until</source>
        <translation>Legalizacja do</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Pozostało dni</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stan</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Wiersz</translation>
    </message>
    <message>
        <source>Why it was not imported</source>
        <translation>Dlaczego nie zaimportowano</translation>
    </message>
</context>
<context>
    <name>MetersExportDialog</name>
    <message>
        <source>Export readings for the settlement company</source>
        <translation>Eksport odczytów dla firmy rozliczeniowej</translation>
    </message>
    <message>
        <source>Accepted readings dated within the period (both days included), one line per reading: premises code, address, meter kind, serial number, unit, date, value, previous value, consumption and source. A CSV file for Excel: semicolons, decimal commas, UTF-8.</source>
        <translation>Zaakceptowane odczyty z datą w podanym okresie (oba dni włącznie), jeden wiersz na odczyt: kod lokalu, adres, rodzaj licznika, numer fabryczny, jednostka, data, stan, stan poprzedni, zużycie i źródło. Plik CSV dla Excela: średniki, przecinki dziesiętne, UTF-8.</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Od:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Do:</translation>
    </message>
    <message>
        <source>&amp;Save as CSV…</source>
        <translation>&amp;Zapisz jako CSV…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Zamknij</translation>
    </message>
</context>
<context>
    <name>MetersImportDialog</name>
    <message>
        <source>Import readings from a file</source>
        <translation>Import odczytów z pliku</translation>
    </message>
    <message>
        <source>File format</source>
        <translation>Format pliku</translation>
    </message>
    <message>
        <source>A CSV file from the collector or the radio-read system. Columns are separated by a semicolon; the first line names them:
    numer_licznika;rodzaj;data;stan
• numer_licznika — the meter's serial number;
• rodzaj — ZW, CW, CO, GAZ or EE (may be left out when no other kind of meter has that serial number);
• data — the reading date, DD.MM.YYYY or YYYY-MM-DD;
• stan — the value, with a decimal comma or dot (123,456).
Other columns are ignored. Encoding: UTF-8 (with or without BOM) or Windows-1250.

Each row is checked like a reading typed at the desk and accepted at once; rows that break a rule are not imported and are listed below with their line number. Importing the same file again adds nothing twice.</source>
        <translation>Plik CSV z inkasenta (kolektora) lub z systemu odczytu radiowego. Kolumny rozdziela średnik; pierwszy wiersz podaje ich nazwy:
    numer_licznika;rodzaj;data;stan
• numer_licznika — numer fabryczny licznika;
• rodzaj — ZW, CW, CO, GAZ lub EE (można pominąć, gdy żaden licznik innego rodzaju nie ma tego numeru);
• data — data odczytu, DD.MM.RRRR lub RRRR-MM-DD;
• stan — stan licznika, z przecinkiem lub kropką dziesiętną (123,456).
Pozostałe kolumny są pomijane. Kodowanie: UTF-8 (z BOM lub bez) albo Windows-1250.

Każdy wiersz jest sprawdzany jak odczyt wpisany w biurze i od razu akceptowany; wiersze niezgodne z zasadami nie są importowane — poniżej widać je z numerem wiersza. Ponowny import tego samego pliku niczego nie doda drugi raz.</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Plik:</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Wybierz…</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importuj</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Zatrzymaj</translation>
    </message>
</context>
<context>
    <name>MetersPage</name>
    <message>
        <source>Meters</source>
        <translation>Liczniki</translation>
    </message>
    <message>
        <source>&amp;Replace a meter…</source>
        <translation>&amp;Wymiana licznika…</translation>
    </message>
    <message>
        <source>&amp;Import readings…</source>
        <translation>&amp;Import odczytów…</translation>
    </message>
    <message>
        <source>&amp;Export readings…</source>
        <translation>&amp;Eksport odczytów…</translation>
    </message>
    <message>
        <source>No reading in the window</source>
        <translation>Brak odczytu w okresie</translation>
    </message>
    <message>
        <source>Legalisation</source>
        <translation>Legalizacja</translation>
    </message>
</context>
<context>
    <name>MetersReplacementDetailsPage</name>
    <message>
        <source>Readings and the new meter</source>
        <translation>Odczyty i nowy licznik</translation>
    </message>
    <message>
        <source>The old meter's final reading and the new meter are saved together, in one step.</source>
        <translation>Odczyt końcowy starego licznika i nowy licznik zapisują się razem, w jednym kroku.</translation>
    </message>
    <message>
        <source>Old meter (removed)</source>
        <translation>Stary licznik (zdjęty)</translation>
    </message>
    <message>
        <source>Replacement &amp;date:</source>
        <translation>&amp;Data wymiany:</translation>
    </message>
    <message>
        <source>DD.MM.YYYY</source>
        <translation>DD.MM.RRRR</translation>
    </message>
    <message>
        <source>&amp;Final reading:</source>
        <translation>Odczyt &amp;końcowy:</translation>
    </message>
    <message>
        <source>e.g. 814,250</source>
        <translation>np. 814,250</translation>
    </message>
    <message>
        <source>New meter (installed)</source>
        <translation>Nowy licznik (zamontowany)</translation>
    </message>
    <message>
        <source>&amp;Serial number:</source>
        <translation>&amp;Numer fabryczny:</translation>
    </message>
    <message>
        <source>&amp;Initial reading:</source>
        <translation>Odczyt &amp;początkowy:</translation>
    </message>
    <message>
        <source>Next &amp;legalisation:</source>
        <translation>Następna &amp;legalizacja:</translation>
    </message>
    <message>
        <source>DD.MM.YYYY (leave empty if none)</source>
        <translation>DD.MM.RRRR (puste, jeśli nie dotyczy)</translation>
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
    <name>NoReadingTab</name>
    <message>
        <source>Meters with no accepted or pending reading dated in their building's reading window — the window open today, or the last one if none is open. Unless a reading comes in, their premises will be billed at a flat rate.</source>
        <translation>Liczniki bez zaakceptowanego ani oczekującego odczytu z datą w okresie odczytowym ich budynku — otwartym dziś albo, gdy żaden nie jest otwarty, ostatnim. Jeśli odczyt nie wpłynie, lokal zostanie rozliczony ryczałtem.</translation>
    </message>
    <message>
        <source>Include &amp;remote-read meters</source>
        <translation>Także liczniki odczytywane &amp;zdalnie</translation>
    </message>
    <message>
        <source>A remote-read meter with no reading means the radio import is missing, not the resident.</source>
        <translation>Brak odczytu licznika zdalnego oznacza brak importu z odczytu radiowego, a nie zaniedbanie mieszkańca.</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Odśwież</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Liczę…</translation>
    </message>
    <message>
        <source>Every meter has a reading in its window.</source>
        <translation>Każdy licznik ma odczyt w swoim okresie.</translation>
    </message>
    <message>
        <source>Meters: %1, premises: %2</source>
        <translation>Liczniki: %1, lokale: %2</translation>
    </message>
    <message>
        <source>open</source>
        <translation>otwarty</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>zamknięty</translation>
    </message>
    <message>
        <source>Reading window: %1 (%2), %3 — cooperative default.</source>
        <translation>Okres odczytowy: %1 (%2), %3 — zasada domyślna spółdzielni.</translation>
    </message>
    <message>
        <source>Buildings with their own rule (%1): %2 (%3), %4.</source>
        <translation>Budynki z własną zasadą (%1): %2 (%3), %4.</translation>
    </message>
</context>
<context>
    <name>NumericKeypad</name>
    <message>
        <source>Delete</source>
        <translation>Usuń</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Wyczyść</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <source>Shift</source>
        <translation>Shift</translation>
    </message>
    <message>
        <source>Caps</source>
        <translation>DUŻE</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Spacja</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Usuń</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Gotowe</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ukryj</translation>
    </message>
</context>
<context>
    <name>OneTimePasswordDialog</name>
    <message>
        <source>One-time password</source>
        <translation>Hasło jednorazowe</translation>
    </message>
    <message>
        <source>Give this one-time password to %1 (user ID %2). It is shown only now: IOK Desktop does not keep it. At the first sign-in they must set their own password.</source>
        <translation>Przekaż to hasło jednorazowe osobie: %1 (identyfikator %2). Jest pokazywane tylko teraz: IOK Desktop go nie przechowuje. Przy pierwszym logowaniu trzeba ustawić własne hasło.</translation>
    </message>
    <message>
        <source>I have written the password down or handed it over</source>
        <translation>Hasło jest zapisane lub przekazane</translation>
    </message>
</context>
<context>
    <name>OverridesModel</name>
    <message>
        <source>Building</source>
        <translation>Budynek</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Odczyty</translation>
    </message>
    <message>
        <source>Days before</source>
        <translation>Dni przed</translation>
    </message>
    <message>
        <source>Days after</source>
        <translation>Dni po</translation>
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
    <name>PaymentDialog</name>
    <message>
        <source>Post payment</source>
        <translation>Zaksięguj wpłatę</translation>
    </message>
</context>
<context>
    <name>PdfPrint</name>
    <message>
        <source>The document to print could not be read.</source>
        <translation>Nie udało się odczytać dokumentu do wydruku.</translation>
    </message>
    <message>
        <source>The chosen page range is outside the document.</source>
        <translation>Wybrany zakres stron wykracza poza dokument.</translation>
    </message>
    <message>
        <source>The printer %1 could not start printing.</source>
        <translation>Drukarka %1 nie mogła rozpocząć drukowania.</translation>
    </message>
    <message>
        <source>The printer %1 is not available.</source>
        <translation>Drukarka %1 jest niedostępna.</translation>
    </message>
    <message>
        <source>Printing failed: %1</source>
        <translation>Drukowanie nie powiodło się: %1</translation>
    </message>
</context>
<context>
    <name>PremisesCardView</name>
    <message>
        <source>Premises code:</source>
        <translation>Kod lokalu:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Rodzaj:</translation>
    </message>
    <message>
        <source>Usable area:</source>
        <translation>Powierzchnia użytkowa:</translation>
    </message>
    <message>
        <source>Individual bank account:</source>
        <translation>Indywidualny rachunek bankowy:</translation>
    </message>
    <message>
        <source>Balance today</source>
        <translation>Saldo na dziś</translation>
    </message>
    <message>
        <source>current</source>
        <translation>aktualny</translation>
    </message>
    <message>
        <source>future</source>
        <translation>przyszły</translation>
    </message>
    <message>
        <source>past</source>
        <translation>wygasły</translation>
    </message>
    <message>
        <source>Legal titles</source>
        <translation>Tytuły prawne</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Posiadacz</translation>
    </message>
    <message>
        <source>Legal title</source>
        <translation>Tytuł prawny</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Od</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Do</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stan</translation>
    </message>
    <message>
        <source>No legal title has been recorded for this premises.</source>
        <translation>Dla tego lokalu nie zapisano żadnego tytułu prawnego.</translation>
    </message>
    <message>
        <source>Current holders: contact data and IOK account</source>
        <translation>Obecni posiadacze: dane kontaktowe i konto IOK</translation>
    </message>
    <message>
        <source>Nobody holds a current legal title to this premises.</source>
        <translation>Nikt nie ma aktualnego tytułu prawnego do tego lokalu.</translation>
    </message>
    <message>
        <source>Landline:</source>
        <translation>Telefon stacjonarny:</translation>
    </message>
    <message>
        <source>Mobile:</source>
        <translation>Telefon komórkowy:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <source>IOK account:</source>
        <translation>Konto IOK:</translation>
    </message>
    <message>
        <source>Change data…</source>
        <translation>Zmień dane…</translation>
    </message>
    <message>
        <source>History of changes</source>
        <translation>Historia zmian</translation>
    </message>
    <message>
        <source>No changes recorded.</source>
        <translation>Nie zapisano żadnych zmian.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Kiedy</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Pole</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>Poprzednia wartość</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Nowa wartość</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>Kto zmienił</translation>
    </message>
    <message>
        <source>no IOK account</source>
        <translation>brak konta IOK</translation>
    </message>
    <message>
        <source>(see the IOK accounts screen)</source>
        <translation>(zobacz ekran Konta IOK)</translation>
    </message>
    <message>
        <source>Meters</source>
        <translation>Liczniki</translation>
    </message>
    <message>
        <source>Meter</source>
        <translation>Licznik</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Numer fabryczny</translation>
    </message>
    <message>
        <source>Last accepted reading</source>
        <translation>Ostatni zaakceptowany odczyt</translation>
    </message>
    <message>
        <source>Read on</source>
        <translation>Data odczytu</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>Zamontowany</translation>
    </message>
    <message>
        <source>Next verification</source>
        <translation>Następna legalizacja</translation>
    </message>
    <message>
        <source>No meters in this premises.</source>
        <translation>W tym lokalu nie ma liczników.</translation>
    </message>
</context>
<context>
    <name>PremisesChooser</name>
    <message>
        <source>Choose premises</source>
        <translation>Wybierz lokal</translation>
    </message>
</context>
<context>
    <name>PremisesPicker</name>
    <message>
        <source>You hold no premises at the moment. Please ask at the office.</source>
        <translation>Nie masz teraz tytułu prawnego do żadnego lokalu. Zapytaj w biurze spółdzielni.</translation>
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
<context>
    <name>QueueColumns</name>
    <message>
        <source>Anomaly</source>
        <translation>Anomalia</translation>
    </message>
    <message>
        <source>Premises</source>
        <translation>Lokal</translation>
    </message>
    <message>
        <source>Meter</source>
        <translation>Licznik</translation>
    </message>
    <message>
        <source>Serial no.</source>
        <translation>Nr fabryczny</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Poprzedni</translation>
    </message>
    <message>
        <source>Prev. date</source>
        <translation>Data poprz.</translation>
    </message>
    <message>
        <source>New reading</source>
        <translation>Nowy odczyt</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Consumption</source>
        <translation>Zużycie</translation>
    </message>
    <message>
        <source>Avg / 30 days</source>
        <translation>Śr. / 30 dni</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Źródło</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Zgłoszono</translation>
    </message>
    <message>
        <source>Address and premises code</source>
        <translation>Adres i kod lokalu</translation>
    </message>
    <message>
        <source>Kind of meter (and its unit)</source>
        <translation>Rodzaj licznika (i jednostka)</translation>
    </message>
    <message>
        <source>The meter's serial number</source>
        <translation>Numer fabryczny licznika</translation>
    </message>
    <message>
        <source>Date of the previous accepted reading</source>
        <translation>Data poprzedniego zaakceptowanego odczytu</translation>
    </message>
    <message>
        <source>The reading waiting for approval</source>
        <translation>Odczyt oczekujący na akceptację</translation>
    </message>
    <message>
        <source>Date of the new reading</source>
        <translation>Data nowego odczytu</translation>
    </message>
    <message>
        <source>How the reading was submitted</source>
        <translation>Jak zgłoszono odczyt</translation>
    </message>
    <message>
        <source>When the reading was submitted</source>
        <translation>Kiedy zgłoszono odczyt</translation>
    </message>
    <message>
        <source>The last accepted reading before this one</source>
        <translation>Ostatni zaakceptowany odczyt przed tym</translation>
    </message>
    <message>
        <source>New reading minus the previous one</source>
        <translation>Nowy odczyt minus poprzedni</translation>
    </message>
    <message>
        <source>The meter's average use per 30 days over the last 12 months</source>
        <translation>Średnie zużycie licznika na 30 dni z ostatnich 12 miesięcy</translation>
    </message>
    <message>
        <source>Anomaly flag: hover the icon to see why</source>
        <translation>Oznaczenie anomalii: wskaż ikonę, aby zobaczyć powód</translation>
    </message>
</context>
<context>
    <name>QueueFilterBar</name>
    <message>
        <source>All buildings</source>
        <translation>Wszystkie budynki</translation>
    </message>
    <message>
        <source>All meters</source>
        <translation>Wszystkie liczniki</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>Wszystkie źródła</translation>
    </message>
    <message>
        <source>Saved filters…</source>
        <translation>Zapisane filtry…</translation>
    </message>
    <message>
        <source>Save filter</source>
        <translation>Zapisz filtr</translation>
    </message>
    <message>
        <source>Name of this filter:</source>
        <translation>Nazwa filtru:</translation>
    </message>
    <message>
        <source>Replace the saved filter “%1”?</source>
        <translation>Zastąpić zapisany filtr „%1”?</translation>
    </message>
    <message>
        <source>Delete saved filter</source>
        <translation>Usuń zapisany filtr</translation>
    </message>
    <message>
        <source>Delete the saved filter “%1”?</source>
        <translation>Usunąć zapisany filtr „%1”?</translation>
    </message>
    <message>
        <source>&amp;Building:</source>
        <translation>&amp;Budynek:</translation>
    </message>
    <message>
        <source>Only readings of meters in this building (type the street to find it)</source>
        <translation>Tylko odczyty liczników w tym budynku (wpisz początek nazwy ulicy, aby go znaleźć)</translation>
    </message>
    <message>
        <source>&amp;Meter:</source>
        <translation>&amp;Licznik:</translation>
    </message>
    <message>
        <source>Only meters of this kind</source>
        <translation>Tylko liczniki tego rodzaju</translation>
    </message>
    <message>
        <source>S&amp;ource:</source>
        <translation>Ź&amp;ródło:</translation>
    </message>
    <message>
        <source>Only readings submitted this way</source>
        <translation>Tylko odczyty zgłoszone w ten sposób</translation>
    </message>
    <message>
        <source>&amp;Flagged only</source>
        <translation>Tylko o&amp;znaczone</translation>
    </message>
    <message>
        <source>Only readings with an anomaly flag</source>
        <translation>Tylko odczyty oznaczone jako anomalia</translation>
    </message>
    <message>
        <source>Saved filters: pick one you saved earlier</source>
        <translation>Zapisane filtry: wybierz filtr zapisany wcześniej</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Zapisz…</translation>
    </message>
    <message>
        <source>Name the current filter to pick it later</source>
        <translation>Nazwij bieżący filtr, aby wybrać go później</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Usuń</translation>
    </message>
    <message>
        <source>Delete the chosen saved filter</source>
        <translation>Usuń wybrany zapisany filtr</translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message>
        <source>Reading queue</source>
        <translation>Kolejka odczytów</translation>
    </message>
    <message>
        <source>&amp;Approve (A)</source>
        <translation>&amp;Akceptuj (A)</translation>
    </message>
    <message>
        <source>Approve the selected readings (A)</source>
        <translation>Zaakceptuj zaznaczone odczyty (A)</translation>
    </message>
    <message>
        <source>&amp;Reject… (R)</source>
        <translation>&amp;Odrzuć… (R)</translation>
    </message>
    <message>
        <source>Reject the selected readings with a reason the resident sees (R)</source>
        <translation>Odrzuć zaznaczone odczyty z powodem, który zobaczy mieszkaniec (R)</translation>
    </message>
    <message>
        <source>&amp;Next (N)</source>
        <translation>&amp;Następny (N)</translation>
    </message>
    <message>
        <source>Go to the next reading (N or Down)</source>
        <translation>Przejdź do następnego odczytu (N lub strzałka w dół)</translation>
    </message>
    <message>
        <source>Approve all &amp;unflagged…</source>
        <translation>Akceptuj wszystkie bez ano&amp;malii…</translation>
    </message>
    <message>
        <source>Approve every reading without an anomaly flag in the current filter (Ctrl+Shift+A)</source>
        <translation>Zaakceptuj wszystkie odczyty bez oznaczenia anomalii w bieżącym filtrze (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>Read the queue again (F5)</source>
        <translation>Wczytaj kolejkę ponownie (F5)</translation>
    </message>
    <message>
        <source>Pending readings: %1</source>
        <translation>Oczekujące odczyty: %1</translation>
    </message>
    <message>
        <source>Pending readings in this filter: %1</source>
        <translation>Oczekujące odczyty w tym filtrze: %1</translation>
    </message>
    <message>
        <source>Approved: %1</source>
        <translation>Zaakceptowano: %1</translation>
    </message>
    <message>
        <source>Not approved</source>
        <translation>Nie zaakceptowano</translation>
    </message>
    <message>
        <source>Rejected: %1</source>
        <translation>Odrzucono: %1</translation>
    </message>
    <message>
        <source>Not rejected</source>
        <translation>Nie odrzucono</translation>
    </message>
    <message>
        <source>Approve all unflagged</source>
        <translation>Akceptuj wszystkie bez anomalii</translation>
    </message>
    <message>
        <source>This filter shows flagged readings only: there is nothing unflagged to approve.</source>
        <translation>Ten filtr pokazuje tylko odczyty z anomalią: nie ma odczytów bez anomalii do zaakceptowania.</translation>
    </message>
    <message>
        <source>There are no unflagged readings in the current filter.</source>
        <translation>W bieżącym filtrze nie ma odczytów bez anomalii.</translation>
    </message>
    <message>
        <source>Approve all %1 readings without an anomaly flag in the current filter? Flagged readings stay in the queue.</source>
        <translation>Zaakceptować wszystkie odczyty bez anomalii w bieżącym filtrze (liczba: %1)? Odczyty z anomalią pozostaną w kolejce.</translation>
    </message>
    <message>
        <source>…and %1 more.</source>
        <translation>…i jeszcze %1.</translation>
    </message>
</context>
<context>
    <name>QueueRejectDialog</name>
    <message>
        <source>Reject readings</source>
        <translation>Odrzucenie odczytów</translation>
    </message>
    <message>
        <source>&amp;Reason (the resident sees it in IOK):</source>
        <translation>&amp;Powód (mieszkaniec zobaczy go w IOK):</translation>
    </message>
    <message>
        <source>e.g. The reading does not match the meter's serial number.</source>
        <translation>np. Odczyt nie pasuje do numeru fabrycznego licznika.</translation>
    </message>
    <message>
        <source>Re&amp;cent reasons:</source>
        <translation>&amp;Ostatnie powody:</translation>
    </message>
</context>
<context>
    <name>ReadingCard</name>
    <message>
        <source>of %1</source>
        <translation>z dnia %1</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historia</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Popraw</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Usuń</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Powód: %1</translation>
    </message>
    <message>
        <source>New reading (%1)</source>
        <translation>Nowy stan (%1)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Zapisz</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <source>Delete the reading %1 of %2?</source>
        <translation>Usunąć odczyt %1 z dnia %2?</translation>
    </message>
    <message>
        <source>Yes, delete</source>
        <translation>Tak, usuń</translation>
    </message>
    <message>
        <source>No, keep it</source>
        <translation>Nie, zostaw</translation>
    </message>
    <message>
        <source>Reading changed to %1.</source>
        <translation>Odczyt poprawiony na %1.</translation>
    </message>
    <message>
        <source>Reading deleted.</source>
        <translation>Odczyt usunięty.</translation>
    </message>
    <message>
        <source>Hide history</source>
        <translation>Ukryj historię</translation>
    </message>
</context>
<context>
    <name>ReadingExportDialog</name>
    <message>
        <source>Export readings</source>
        <translation>Eksport odczytów</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Pliki CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Eksportuję…</translation>
    </message>
    <message>
        <source>Saved %1 readings to %2.</source>
        <translation>Zapisano odczyty (%1) do pliku %2.</translation>
    </message>
</context>
<context>
    <name>ReadingImportDialog</name>
    <message>
        <source>Import readings</source>
        <translation>Import odczytów</translation>
    </message>
    <message>
        <source>Imported: %1 new readings, accepted.</source>
        <translation>Zaimportowano nowych odczytów: %1 (zaakceptowane).</translation>
    </message>
    <message>
        <source>Of them flagged (above average or a missed window): %1.</source>
        <translation>W tym oznaczonych do sprawdzenia (powyżej średniej lub brak odczytu w poprzednim okresie): %1.</translation>
    </message>
    <message>
        <source>Already in the database, skipped: %1.</source>
        <translation>Już w bazie, pominięte: %1.</translation>
    </message>
    <message>
        <source>Not imported: %1 rows — listed below; enter them by hand after checking.</source>
        <translation>Niezaimportowane wiersze: %1 — lista poniżej; po sprawdzeniu wprowadź je ręcznie.</translation>
    </message>
</context>
<context>
    <name>ReadingsPage</name>
    <message>
        <source>Meter readings</source>
        <translation>Odczyty liczników</translation>
    </message>
    <message>
        <source>There are no meters on this premises.</source>
        <translation>W tym lokalu nie ma liczników.</translation>
    </message>
    <message>
        <source>◀ All meters</source>
        <translation>◀ Wszystkie liczniki</translation>
    </message>
    <message>
        <source>Readings of this meter</source>
        <translation>Odczyty tego licznika</translation>
    </message>
    <message>
        <source>This meter has no readings yet.</source>
        <translation>Ten licznik nie ma jeszcze odczytów.</translation>
    </message>
    <message>
        <source>Send the reading</source>
        <translation>Wyślij odczyt</translation>
    </message>
    <message>
        <source>Reading date</source>
        <translation>Data odczytu</translation>
    </message>
    <message>
        <source>%1, meter no. %2</source>
        <translation>%1, licznik nr %2</translation>
    </message>
    <message>
        <source>Last accepted reading: %1 of %2</source>
        <translation>Ostatni zaakceptowany odczyt: %1 z dnia %2</translation>
    </message>
    <message>
        <source>No accepted reading yet</source>
        <translation>Brak zaakceptowanego odczytu</translation>
    </message>
    <message>
        <source>Reading (%1)</source>
        <translation>Stan licznika (%1)</translation>
    </message>
    <message>
        <source>%1 (today)</source>
        <translation>%1 (dziś)</translation>
    </message>
    <message>
        <source>Reading sent: %1 of %2. Status: %3.</source>
        <translation>Odczyt wysłany: %1 z dnia %2. Status: %3.</translation>
    </message>
    <message>
        <source>This reading was already reported: %1 of %2. Status: %3.</source>
        <translation>Ten odczyt był już zgłoszony: %1 z dnia %2. Status: %3.</translation>
    </message>
</context>
<context>
    <name>RegistryContactDialog</name>
    <message>
        <source>Contact data</source>
        <translation>Dane kontaktowe</translation>
    </message>
    <message>
        <source>An empty field removes the number or address. Phone numbers are stored as +48 …, however they are typed.</source>
        <translation>Puste pole usuwa numer lub adres. Numery telefonów zapisujemy jako +48 …, niezależnie od sposobu wpisania.</translation>
    </message>
    <message>
        <source>&amp;Landline:</source>
        <translation>Telefon &amp;stacjonarny:</translation>
    </message>
    <message>
        <source>e.g. 91 433 22 11</source>
        <translation>np. 91 433 22 11</translation>
    </message>
    <message>
        <source>&amp;Mobile:</source>
        <translation>Telefon &amp;komórkowy:</translation>
    </message>
    <message>
        <source>e.g. 601 234 567</source>
        <translation>np. 601 234 567</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <source>e.g. jan.nowak@poczta.pl</source>
        <translation>np. jan.nowak@poczta.pl</translation>
    </message>
</context>
<context>
    <name>RegistryPage</name>
    <message>
        <source>Premises and residents</source>
        <translation>Lokale i mieszkańcy</translation>
    </message>
    <message>
        <source>Type a surname, an address, a premises code or an IOK user ID, then choose a premises.</source>
        <translation>Wpisz nazwisko, adres, kod lokalu albo identyfikator IOK, a potem wybierz lokal.</translation>
    </message>
    <message>
        <source>Premises</source>
        <translation>Lokal</translation>
    </message>
    <message>
        <source>Changes made by residents</source>
        <translation>Zmiany wprowadzone przez mieszkańców</translation>
    </message>
</context>
<context>
    <name>RejectDialog</name>
    <message>
        <source>Readings to reject: %1</source>
        <translation>Odczyty do odrzucenia: %1</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Odrzuć</translation>
    </message>
    <message>
        <source>(choose to fill in)</source>
        <translation>(wybierz, aby wstawić)</translation>
    </message>
    <message>
        <source>Give a reason: the resident will see it.</source>
        <translation>Podaj powód — mieszkaniec go zobaczy.</translation>
    </message>
    <message>
        <source>The reason is too long (at most 500 characters).</source>
        <translation>Powód jest za długi (najwyżej 500 znaków).</translation>
    </message>
</context>
<context>
    <name>ReplacementDetailsPage</name>
    <message>
        <source>&amp;Replace meter</source>
        <translation>&amp;Wymień licznik</translation>
    </message>
    <message>
        <source>last accepted reading %1 %2 on %3</source>
        <translation>ostatni zaakceptowany odczyt %1 %2 z dnia %3</translation>
    </message>
    <message>
        <source>no accepted reading yet</source>
        <translation>jeszcze bez zaakceptowanego odczytu</translation>
    </message>
    <message>
        <source>%1 %2, installed %3; %4.</source>
        <translation>%1 %2, zamontowany %3; %4.</translation>
    </message>
    <message>
        <source>Record this final reading anyway?</source>
        <translation>Czy mimo to zapisać ten odczyt końcowy?</translation>
    </message>
    <message>
        <source>Final reading lower than before</source>
        <translation>Odczyt końcowy niższy niż poprzedni</translation>
    </message>
</context>
<context>
    <name>ReplacementMeterPage</name>
    <message>
        <source>Meter</source>
        <translation>Licznik</translation>
    </message>
    <message>
        <source>Which meter of %1 (%2) is replaced?</source>
        <translation>Który licznik w lokalu %1 (%2) jest wymieniany?</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wczytuję…</translation>
    </message>
    <message>
        <source>This premises has no current meters.</source>
        <translation>Ten lokal nie ma obecnie żadnych liczników.</translation>
    </message>
</context>
<context>
    <name>ReplacementPremisesPage</name>
    <message>
        <source>Premises</source>
        <translation>Lokal</translation>
    </message>
    <message>
        <source>Find the premises where the meter is replaced, then press Enter or Next.</source>
        <translation>Znajdź lokal, w którym wymieniono licznik, i naciśnij Enter lub Dalej.</translation>
    </message>
</context>
<context>
    <name>ReplacementResultPage</name>
    <message>
        <source>Meter replaced</source>
        <translation>Licznik wymieniony</translation>
    </message>
    <message>
        <source>Saved. The worklists show the new meter from now on.</source>
        <translation>Zapisano. Listy robocze pokazują odtąd nowy licznik.</translation>
    </message>
    <message>
        <source>Meter %1 was removed on %2 with the final reading %3.</source>
        <translation>Licznik %1 zdjęto %2 z odczytem końcowym %3.</translation>
    </message>
    <message>
        <source>Consumption since %1: %2.</source>
        <translation>Zużycie od %1: %2.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>brak</translation>
    </message>
    <message>
        <source>New meter %1: initial reading %2, next legalisation %3.</source>
        <translation>Nowy licznik %1: odczyt początkowy %2, następna legalizacja %3.</translation>
    </message>
    <message>
        <source>No pending readings of the old meter had to be rejected.</source>
        <translation>Nie trzeba było odrzucać żadnych oczekujących odczytów starego licznika.</translation>
    </message>
    <message>
        <source>Pending readings of the old meter dated on or after the replacement were rejected: %1.</source>
        <translation>Odrzucone oczekujące odczyty starego licznika z dnia wymiany lub późniejsze: %1.</translation>
    </message>
</context>
<context>
    <name>ReplacementWizard</name>
    <message>
        <source>Replace a meter</source>
        <translation>Wymiana licznika</translation>
    </message>
</context>
<context>
    <name>ResidentAnnouncements</name>
    <message>
        <source>Published %1</source>
        <translation>Opublikowano %1</translation>
    </message>
    <message>
        <source>valid until %1</source>
        <translation>ważne do %1</translation>
    </message>
    <message>
        <source>URGENT</source>
        <translation>PILNE</translation>
    </message>
    <message>
        <source>(no title)</source>
        <translation>(bez tytułu)</translation>
    </message>
    <message>
        <source>Announcements</source>
        <translation>Ogłoszenia</translation>
    </message>
</context>
<context>
    <name>ResidentChangesView</name>
    <message>
        <source>Contact data residents changed themselves in IOK. Note the new numbers where you need them, then select the rows and mark them as seen.</source>
        <translation>Dane kontaktowe, które mieszkańcy zmienili sami w IOK. Zanotuj nowe numery tam, gdzie są potrzebne, a potem zaznacz wiersze i oznacz je jako przejrzane.</translation>
    </message>
    <message>
        <source>Mark as seen</source>
        <translation>Oznacz jako przejrzane</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Odśwież</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Zmieniono</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>Mieszkaniec</translation>
    </message>
    <message>
        <source>Premises</source>
        <translation>Lokale</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Pole</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>Poprzednia wartość</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Nowa wartość</translation>
    </message>
    <message>
        <source>IOK user ID</source>
        <translation>Identyfikator IOK</translation>
    </message>
    <message>
        <source>Marked as seen: %1.</source>
        <translation>Oznaczono jako przejrzane: %1.</translation>
    </message>
    <message>
        <source>Unseen changes: %1</source>
        <translation>Nieprzejrzane zmiany: %1</translation>
    </message>
    <message>
        <source>No unseen changes.</source>
        <translation>Brak nieprzejrzanych zmian.</translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <source>Enter a number, e.g. 3 or 2,5.</source>
        <translation>Podaj liczbę, np. 3 lub 2,5.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Zapisano ustawienia.</translation>
    </message>
    <message>
        <source>Reloaded: these are the settings as saved by the other person.</source>
        <translation>Wczytano ponownie: to ustawienia zapisane przez drugą osobę.</translation>
    </message>
</context>
<context>
    <name>StaffTab</name>
    <message>
        <source>&amp;Add staff user…</source>
        <translation>&amp;Dodaj pracownika…</translation>
    </message>
    <message>
        <source>Make admi&amp;nistrator…</source>
        <translation>Nadaj uprawnienia &amp;administratora…</translation>
    </message>
    <message>
        <source>New one-time &amp;password…</source>
        <translation>Nowe &amp;hasło jednorazowe…</translation>
    </message>
    <message>
        <source>Deac&amp;tivate…</source>
        <translation>&amp;Wyłącz konto…</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>Odb&amp;lokuj</translation>
    </message>
    <message>
        <source>Make a c&amp;lerk…</source>
        <translation>Zmień rolę na pra&amp;cownika…</translation>
    </message>
    <message>
        <source>Ac&amp;tivate</source>
        <translation>Włącz &amp;konto</translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation>Dodano: %1.</translation>
    </message>
    <message>
        <source>Make %1 a clerk? They will no longer manage staff and settings.</source>
        <translation>Zmienić rolę %1 na pracownika? Nie będzie już zarządzać pracownikami ani ustawieniami.</translation>
    </message>
    <message>
        <source>Make %1 an administrator? They will manage staff and settings.</source>
        <translation>Nadać %1 uprawnienia administratora? Będzie zarządzać pracownikami i ustawieniami.</translation>
    </message>
    <message>
        <source>Change the role</source>
        <translation>Zmiana roli</translation>
    </message>
    <message>
        <source>Role changed.</source>
        <translation>Zmieniono rolę.</translation>
    </message>
    <message>
        <source>Give %1 a new one-time password? Their current password stops working at once.</source>
        <translation>Utworzyć nowe hasło jednorazowe dla: %1? Obecne hasło od razu przestanie działać.</translation>
    </message>
    <message>
        <source>New one-time password</source>
        <translation>Nowe hasło jednorazowe</translation>
    </message>
    <message>
        <source>Deactivate %1? They will not be able to sign in.</source>
        <translation>Wyłączyć konto: %1? Nie będzie można się na nie zalogować.</translation>
    </message>
    <message>
        <source>Deactivate the account</source>
        <translation>Wyłączenie konta</translation>
    </message>
    <message>
        <source>Deactivated.</source>
        <translation>Wyłączono konto.</translation>
    </message>
    <message>
        <source>Activated.</source>
        <translation>Włączono konto.</translation>
    </message>
    <message>
        <source>Unlocked: they can sign in again.</source>
        <translation>Odblokowano: można się znowu zalogować.</translation>
    </message>
</context>
<context>
    <name>StaffTable</name>
    <message>
        <source>deactivated</source>
        <translation>wyłączone</translation>
    </message>
    <message>
        <source>locked until the office unlocks it</source>
        <translation>zablokowane do odblokowania przez biuro</translation>
    </message>
    <message>
        <source>locked until %1</source>
        <translation>zablokowane do %1</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktywne</translation>
    </message>
    <message>
        <source>must set a password</source>
        <translation>musi ustawić hasło</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>Identyfikator</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Imię i nazwisko</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rola</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stan</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Ostatnie logowanie</translation>
    </message>
</context>
<context>
    <name>StatementDialog</name>
    <message>
        <source>Preparing the statement…</source>
        <translation>Przygotowuję zestawienie…</translation>
    </message>
    <message>
        <source>Pages: %1</source>
        <translation>Stron: %1</translation>
    </message>
    <message>
        <source>Printing… the pages are being sent to the printer.</source>
        <translation>Drukuję… strony są wysyłane do drukarki.</translation>
    </message>
    <message>
        <source>Sent to %1.</source>
        <translation>Wysłano do drukarki %1.</translation>
    </message>
    <message>
        <source>Save the statement</source>
        <translation>Zapisz zestawienie</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Dokumenty PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Nie udało się zapisać %1: %2</translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation>Zapisano jako %1.</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Zestawienie</translation>
    </message>
    <message>
        <source>Statement %1, %2 – %3</source>
        <translation>Zestawienie %1, %2 – %3</translation>
    </message>
</context>
<context>
    <name>StatementPrinter</name>
    <message>
        <source>No printer is set up at this kiosk. Please ask at the office for your statement.</source>
        <translation>W tym kiosku nie ustawiono drukarki. Poproś o zestawienie w biurze.</translation>
    </message>
    <message>
        <source>Preparing your statement…</source>
        <translation>Przygotowujemy zestawienie…</translation>
    </message>
    <message>
        <source>Statement %1</source>
        <translation>Zestawienie %1</translation>
    </message>
    <message>
        <source>The printer is not available at the moment. Please ask at the office.</source>
        <translation>Drukarka jest teraz niedostępna. Poproś o zestawienie w biurze.</translation>
    </message>
    <message>
        <source>Your statement is being printed. Please take your printout from the printer.</source>
        <translation>Zestawienie jest drukowane. Odbierz wydruk z drukarki.</translation>
    </message>
</context>
<context>
    <name>VerificationTab</name>
    <message>
        <source>Expired, or expiring within (&amp;days):</source>
        <translation>Po terminie lub wygasające w ciągu (&amp;dni):</translation>
    </message>
    <message>
        <source>Re&amp;place this meter…</source>
        <translation>&amp;Wymień ten licznik…</translation>
    </message>
    <message>
        <source>Refres&amp;h</source>
        <translation>&amp;Odśwież</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Liczę…</translation>
    </message>
    <message>
        <source>Meters: %1</source>
        <translation>Liczniki: %1</translation>
    </message>
    <message>
        <source>No meter is due.</source>
        <translation>Żaden licznik nie wymaga legalizacji.</translation>
    </message>
</context>
<context>
    <name>WindowsTab</name>
    <message>
        <source>Type part of the address or code</source>
        <translation>Wpisz fragment adresu lub kod</translation>
    </message>
    <message>
        <source>The default is saved.</source>
        <translation>Zapisano ustawienie domyślne.</translation>
    </message>
    <message>
        <source>Choose a building.</source>
        <translation>Wybierz budynek.</translation>
    </message>
    <message>
        <source>The building's window is saved.</source>
        <translation>Zapisano okno odczytów budynku.</translation>
    </message>
    <message>
        <source>Remove the own reading window of %1? The cooperative default will apply.</source>
        <translation>Usunąć własne okno odczytów budynku %1? Będzie obowiązywać ustawienie domyślne spółdzielni.</translation>
    </message>
    <message>
        <source>Use the default window</source>
        <translation>Przywrócenie okna domyślnego</translation>
    </message>
    <message>
        <source>The building uses the default window again.</source>
        <translation>Budynek znowu korzysta z okna domyślnego.</translation>
    </message>
</context>
</TS>