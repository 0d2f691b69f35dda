"""What the demo is asked to generate, checked before anything is written."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from iok_desktop.domain.errors import ValidationError

DEFAULT_PREMISES = 600
DEFAULT_YEARS = 3
DEFAULT_SEED = 2026
MAX_PREMISES = 100_000
MAX_YEARS = 15


@dataclass(frozen=True)
class DemoParams:
    premises: int
    years: int
    seed: int
    # The office day the data is generated "as of": history ends here, the reading window is open here.
    today: date

    def validate(self) -> None:
        if not 1 <= self.premises <= MAX_PREMISES:
            raise ValidationError(f"Liczba lokali musi być z zakresu 1–{MAX_PREMISES}.", field="premises")
        if not 1 <= self.years <= MAX_YEARS:
            raise ValidationError(f"Liczba lat historii musi być z zakresu 1–{MAX_YEARS}.", field="years")
