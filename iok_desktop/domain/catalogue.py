"""Matching Polish core texts against the English catalogue (``messages_en``); see ``language``.

A module of its own, imported on the first English look-up: the matching machinery (dataclasses,
compiled patterns) is not wanted on the application's start-up path, which imports ``language``.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from functools import cache

_SENTENCE_BREAK = re.compile(r"(?<=[.?!…])\s+(?=\S)")
_MAX_DEPTH = 3


@dataclass(frozen=True)
class Translation:
    text: str
    complete: bool
    used: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class _Template:
    polish: str
    english: str
    pattern: re.Pattern[str]
    names: tuple[str, ...]
    literal_length: int
    anchor: str  # its longest piece of literal text: a quick test before the pattern


def _fields(template: str) -> list[tuple[str, str | None]]:
    return [(literal, name) for literal, name, _spec, _conv in string.Formatter().parse(template)]


def compile_template(polish: str, english: str) -> _Template:
    parts: list[str] = []
    names: list[str] = []
    literal_length = 0
    anchor = ""
    for literal, name in _fields(polish):
        parts.append(re.escape(literal))
        literal_length += len(literal)
        anchor = max(anchor, literal, key=len)
        if name is None:
            continue
        if not name.isidentifier():
            raise ValueError(f"placeholder {{{name}}} in {polish!r} is not a plain name")
        if name in names:
            parts.append(f"(?P={name})")
        else:
            names.append(name)
            parts.append(f"(?P<{name}>.*?)")
    english_names = {name for _literal, name in _fields(english) if name is not None}
    if english_names != set(names):
        raise ValueError(f"placeholders differ between {polish!r} and {english!r}")
    pattern = re.compile("".join(parts), re.DOTALL)
    return _Template(polish, english, pattern, tuple(names), literal_length, anchor)


class Catalogue:
    """Polish texts and templates with their English; see ``translate``."""

    def __init__(self, entries: dict[str, str]) -> None:
        self.exact: dict[str, str] = {}
        templates: list[_Template] = []
        for polish, english in entries.items():
            if any(name is not None for _literal, name in _fields(polish)):
                templates.append(compile_template(polish, english))
            else:
                if any(name is not None for _literal, name in _fields(english)):
                    raise ValueError(f"{english!r} has placeholders that {polish!r} has not")
                self.exact[polish] = english.replace("{{", "{").replace("}}", "}")
        # The most specific template first: "Licznik {serial} nie istnieje." before "{what} nie istnieje."
        self.templates = sorted(templates, key=lambda t: -t.literal_length)
        self._exact_keys = {polish.replace("{{", "{").replace("}}", "}"): polish for polish in self.exact}

    def translate(self, text: str, depth: int = 0) -> Translation:
        """English for ``text``: an exact entry, else the most specific matching template (its values
        translated in turn when they are core texts), else sentence by sentence. ``complete`` is False
        when some part had no English (that part is returned as it is)."""
        core = text.strip()
        if core != text:
            head, tail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
            inner = self.translate(core, depth)
            return Translation(head + inner.text + tail, inner.complete, inner.used)
        whole = self._whole(text, depth)
        if whole is not None:
            return whole
        sentences = _SENTENCE_BREAK.split(text)
        if len(sentences) > 1:
            return self._sentences(sentences, depth)
        return Translation(text, complete=False)

    def _whole(self, text: str, depth: int) -> Translation | None:
        key = self._exact_keys.get(text)
        if key is not None:
            return Translation(self.exact[key], complete=True, used=frozenset({key}))
        for template in self.templates:
            if template.anchor not in text:
                continue
            match = template.pattern.fullmatch(text)
            if match is None:
                continue
            values: dict[str, str] = {}
            used = {template.polish}
            for name in template.names:
                value = match.group(name)
                inner = self._value(value, depth)
                if inner is not None:
                    value = inner.text
                    used |= inner.used
                values[name] = value
            return Translation(template.english.format(**values), complete=True, used=frozenset(used))
        return None

    def _value(self, value: str, depth: int) -> Translation | None:
        """A placeholder's value translated when it is wholly a core text (a nested message, a hint)."""
        if depth >= _MAX_DEPTH or not value.strip():
            return None
        inner = self.translate(value, depth + 1)
        if inner.complete:
            return inner
        items = value.split(", ")
        if len(items) > 1:  # a list of core texts: "mała litera, cyfra"
            parts = [self.translate(item, depth + 1) for item in items]
            if all(part.complete for part in parts):
                used = frozenset().union(*(part.used for part in parts))
                return Translation(", ".join(part.text for part in parts), complete=True, used=used)
        return None

    def _sentences(self, sentences: list[str], depth: int) -> Translation:
        out: list[str] = []
        used: set[str] = set()
        complete = True
        start = 0
        while start < len(sentences):
            for end in range(len(sentences), start, -1):
                found = self._whole(" ".join(sentences[start:end]), depth)
                if found is not None:
                    out.append(found.text)
                    used |= found.used
                    start = end
                    break
            else:
                out.append(sentences[start])
                complete = False
                start += 1
        return Translation(" ".join(out), complete=complete, used=frozenset(used))


@cache
def _catalogue() -> Catalogue:
    from iok_desktop.domain.messages_en import MESSAGES  # noqa: PLC0415 - loaded on the first English look-up

    return Catalogue(MESSAGES)


def english_catalogue() -> Catalogue:
    """The English catalogue (loaded on first use)."""
    return _catalogue()
