"""Hostile input for the property tests: the strings every text entry point must survive, and the
check that a refusal is a ``DomainError`` a Polish resident or clerk can read.

A refusal message may quote what the user typed („…”); the quote is not judged, the sentence
around it is.
"""

from __future__ import annotations

import re
import unicodedata

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from iok_desktop.domain.errors import DomainError

# Each example hits a real database (SQLite and PostgreSQL): few examples, no deadline. The
# ``db`` fixture is function-scoped on purpose (one fresh database per test, shared by its examples).
DB_SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

NFC_POLISH = "Zażółć gęślą jaźń"
NFD_POLISH = unicodedata.normalize("NFD", NFC_POLISH)
assert NFC_POLISH != NFD_POLISH

LONG_10K = ("Zażółć gęślą jaźń " * 600)[:10_000]
LONG_1M = "ą" * 1_000_000

# name -> text. Long strings last: they are the slow ones.
HOSTILE: dict[str, str] = {
    "empty": "",
    "spaces": "   \t  ",
    "nul": "\x00",
    "nul_inside": "Zgoda\x008",
    "escape": "\x1b[31mczerwony\x1b[0m",
    "crlf": "pierwsza\r\ndruga",
    "del_and_c1": "a\x7fb\x85c\x9bd",
    "sql": "'; DROP TABLE persons; --",
    "sql_quotes": "\" OR 1=1 -- ' OR ''='",
    "percent_format": "%s %d %(x)s {0} {x!r} %%",
    "html": "<script>alert('x')</script>&amp;",
    "emoji": "Awaria 🚰💧 🇵🇱 ✅ 😀",
    # Joined by U+200D (a format character): clean_line turns the joiners into spaces (documented).
    "emoji_zwj": "Rodzina 👨\u200d👩\u200d👧\u200d👦",
    "arabic": "انقطاع المياه غدا",
    "hebrew": "הפסקת מים מחר",
    "rlo_override": "Rachunek\u202egp.exe\u202c",
    "zero_width": "Zgo\u200bda\u200d\ufeff",
    "nfc_polish": NFC_POLISH,
    "nfd_polish": NFD_POLISH,
    "fullwidth": "ＺＡＺＯＬＣ１２３",
    "arabic_digits": "١٢٣٫٤٥",
    "combining_pile": "Z" + "\u0301" * 300,
    "lone_surrogate": "Ab1\ud800Cd2",
    "long_10k": LONG_10K,
    "long_1m": LONG_1M,
}

# ``st.text()`` leaves out surrogates; these alphabets put the nasty characters in on purpose.
_NASTY = st.sampled_from(
    ["\x00", "\x1b", "\r", "\n", "\t", "\u202e", "\u200b", "\ufeff", "'", '"', ";", "\\", "%", "ą", "Ż", "\u0301", "😀"]
)
hostile_text = st.one_of(
    st.text(max_size=80),
    st.text(alphabet=st.one_of(st.characters(), _NASTY), max_size=80),
    st.sampled_from(list(HOSTILE.values())[:-2]),  # the 1M string is tested once, explicitly
    st.builds(lambda a, b: a * b, st.sampled_from(["ą", "x", "1", "😀", "\x00"]), st.integers(150, 2000)),
)

# Letters only Polish uses, and common Polish words of the messages (some have no diacritics).
_POLISH_LETTERS = set("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")
_POLISH_WORDS = {
    "nie", "jest", "podaj", "musi", "może", "lub", "albo", "już", "za", "ten", "ta", "to", "brak", "plik",
    "hasło", "identyfikator", "numer", "kwota", "data", "stan", "licznika", "tytuł", "treść", "wpisz", "ma",
    "numeru", "lokalu", "lokal", "licznik", "wiersz", "dnia", "dzień", "dokument", "rodzaj", "kolumn",
}  # fmt: skip
# Words that show an English message (or a raw exception) leaked through.
_ENGLISH_WORDS = {
    "the", "is", "are", "invalid", "error", "errors", "must", "should", "cannot", "can't", "please", "value",
    "field", "limit", "larger", "denied", "found", "failed", "unable", "exception", "traceback", "null",
    "none", "character", "string", "expected", "got", "integrity", "violates", "constraint", "psycopg",
    "sqlite", "sqlalchemy", "unicode", "codec", "encode", "decode", "position", "surrogates",
}  # fmt: skip
_QUOTED = re.compile(r"„[^”]*”")
MAX_MESSAGE = 600


def assert_polish_refusal(error: BaseException, *echoed: str) -> None:
    """``error`` is a ``DomainError`` whose message is a short Polish sentence.

    ``echoed`` are the user's own strings a message may repeat unquoted (a premises code, a serial):
    they are taken out before the words are judged.
    """
    assert isinstance(error, DomainError), f"not a DomainError: {type(error).__name__}: {error!r}"
    message = error.message
    assert isinstance(message, str)
    assert message.strip(), "empty refusal message"
    assert len(message) <= MAX_MESSAGE, f"refusal message of {len(message)} characters: {message[:200]!r}…"
    assert str(error) == message
    judged = _QUOTED.sub(" ", message)
    for text in sorted(echoed, key=len, reverse=True):
        if text.strip():  # only where it stands as a whole: "u" must not eat the end of "numeru"
            judged = re.sub(rf"(?<!\w){re.escape(text)}(?!\w)", " ", judged)
    words = set(re.findall(r"[^\W\d_]+", judged.lower()))
    english = words & _ENGLISH_WORDS
    assert not english, f"English in the message {message!r}: {sorted(english)}"
    assert (set(judged) & _POLISH_LETTERS) or (words & _POLISH_WORDS), f"not Polish: {message!r}"


def has_control(text: str) -> bool:
    """A control, format, surrogate or unassigned character (what ``clean_line`` removes)."""
    return any(unicodedata.category(ch).startswith("C") for ch in text)
