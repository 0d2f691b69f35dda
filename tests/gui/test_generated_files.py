"""The generated forms and resources match their sources, and every visible string has Polish."""

from __future__ import annotations

from iok_desktop.gui import build


def test_generated_forms_and_resources_are_current() -> None:
    assert build.stale_files() == [], "run: python -m iok_desktop.gui.build"


def test_every_translatable_string_has_a_polish_translation() -> None:
    missing = build.untranslated("pl")
    assert missing == [], f"{len(missing)} untranslated, e.g. {missing[:5]}"
