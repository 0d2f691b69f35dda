"""Text folding for search: "Łódź" and "lodz" find the same thing."""

from __future__ import annotations

import unicodedata

# NFKD does not decompose these Polish letters into a base letter and a mark.
_EXTRA = str.maketrans({"ł": "l", "Ł": "l", "ø": "o", "đ": "d"})


def fold(text: str) -> str:
    """Lower-case, without diacritics, single spaces: the form stored in ``search_key`` columns."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_EXTRA))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.lower().split())


def clean_line(text: str | None, *, max_length: int) -> str:
    """One line of user text: NFC, no control characters, trimmed, at most ``max_length``."""
    if not text:
        return ""
    normalised = unicodedata.normalize("NFC", text)
    visible = "".join(" " if unicodedata.category(ch).startswith("C") else ch for ch in normalised)
    return " ".join(visible.split())[:max_length]
