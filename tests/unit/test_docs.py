"""The user guides in docs/ point only at pictures docs/screenshots.py makes, and quote only commands
the real argument parser accepts, so a guide cannot drift away from the program unnoticed."""

from __future__ import annotations

import ast
import contextlib
import io
import re
import shlex
from pathlib import Path

import pytest

from iok_desktop.cli.main import build_parser

DOCS = Path(__file__).resolve().parents[2] / "docs"
GUIDES = ["README.md", "przewodnik-urzednika.md", "kiosk.md", "administrator.md"]
SCREENSHOTS = DOCS / "screenshots"

IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")
FENCE = re.compile(r"^[ \t]*```[^\n]*\n(.*?)^[ \t]*```", re.MULTILINE | re.DOTALL)
INLINE_CODE = re.compile(r"`([^`]+)`")


def _text(guide: str) -> str:
    return (DOCS / guide).read_text(encoding="utf-8")


def _images(guide: str) -> list[str]:
    return IMAGE.findall(_text(guide))


def _commands(guide: str) -> list[str]:
    """Every ``iok-desktop …`` line: inline code, and lines of code blocks (with ``\\`` continuations)."""
    text = _text(guide)
    found: list[str] = []
    for block in FENCE.findall(text):
        for line in block.replace("\\\n", " ").splitlines():
            stripped = line.strip().removeprefix("$ ")
            if stripped.startswith("iok-desktop"):
                found.append(stripped)
    for code in INLINE_CODE.findall(FENCE.sub("", text)):
        line = " ".join(code.split())
        if line.startswith("iok-desktop"):
            found.append(line)
    return found


def _script_names() -> list[str]:
    """The names in ``SCREENSHOTS = [...]`` of docs/screenshots.py (read, not imported: no Qt needed)."""
    tree = ast.parse((DOCS / "screenshots.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "SCREENSHOTS" for target in node.targets
        ):
            value = ast.literal_eval(node.value)
            assert isinstance(value, list)
            return [str(name) for name in value]
    raise AssertionError("docs/screenshots.py has no SCREENSHOTS list")


@pytest.mark.parametrize("guide", GUIDES)
def test_every_picture_in_a_guide_exists_and_is_made_by_the_script(guide: str) -> None:
    made = set(_script_names())
    for link in _images(guide):
        path = (DOCS / link).resolve()
        assert path.parent == SCREENSHOTS, f"{guide}: {link} is not in docs/screenshots/"
        assert path.is_file(), f"{guide}: {link} does not exist"
        assert path.stem in made, f"{guide}: {link} is not in SCREENSHOTS of docs/screenshots.py"


def test_the_guides_show_pictures_and_the_script_makes_exactly_the_committed_ones() -> None:
    used = {Path(link).stem for guide in GUIDES for link in _images(guide)}
    assert len(used) >= 20
    names = _script_names()
    assert len(names) == len(set(names))
    assert sorted(names) == sorted(path.stem for path in SCREENSHOTS.glob("*.png"))


@pytest.mark.parametrize("guide", GUIDES)
def test_every_command_in_a_guide_parses(guide: str) -> None:
    commands = _commands(guide)
    if guide in {"administrator.md", "kiosk.md"}:  # the guides that set things up
        assert commands, f"{guide} quotes no iok-desktop command"
    for command in commands:
        argv = shlex.split(command)[1:]
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                build_parser().parse_args(argv)
            except SystemExit as stop:  # --help and --version stop with 0; a bad command with 2
                assert stop.code == 0, f"{guide}: `{command}` does not parse: {err.getvalue().strip()}"


def test_a_wrong_command_would_be_caught() -> None:
    with contextlib.redirect_stderr(io.StringIO()), pytest.raises(SystemExit) as stop:
        build_parser().parse_args(shlex.split("db backup --no-such-option x"))
    assert stop.value.code == 2
