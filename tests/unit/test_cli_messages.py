"""The command line's own refusals (argparse's) are Polish, as the rest of what it says."""

from __future__ import annotations

import pytest

from iok_desktop.cli.main import main


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--lang", "de"], "iok-desktop: błąd: argument --lang: niedozwolona wartość 'de' (do wyboru: 'pl', 'en')"),
        (["db"], "iok-desktop db: błąd: brakuje wymaganych argumentów: POLECENIE"),
        (["--database-url"], "iok-desktop: błąd: argument --database-url: brak wartości (podaj ją po opcji)"),
        (
            ["db", "demo", "--premises", "abc"],
            "iok-desktop db demo: błąd: argument --premises: niepoprawna wartość 'abc'",
        ),
        (
            ["statements", "--from", "1.1.2026"],
            "iok-desktop statements: błąd: brakuje wymaganych argumentów: --to, --out",
        ),
    ],
)
def test_a_mistyped_command_line_is_refused_in_polish(
    argv: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as ended:
        main(argv)
    assert ended.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("użycie: iok-desktop")
    assert err.rstrip().endswith(expected)


def test_the_help_reads_in_polish(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert out.startswith("użycie: iok-desktop")
    assert "\nopcje:\n" in out and "pokaż tę pomoc i zakończ" in out and "pokaż wersję programu i zakończ" in out
