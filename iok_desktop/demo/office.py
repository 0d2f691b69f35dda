"""Office life around the demo residents: announcements, applications, contact changes, the audit entry.

A handful of rows each, written after the buildings (they refer to the first building, its demo
residents and the staff). Dates are relative to the demo's "today", so the announcement list always
has one current urgent notice, a draft, an expired and a scheduled one whatever day the demo is run.
"""

from __future__ import annotations

import platform
from datetime import datetime, timedelta
from typing import Any

from iok_desktop.demo import texts
from iok_desktop.demo.params import DemoParams
from iok_desktop.demo.plan import HOUR, DemoPlan
from iok_desktop.demo.rows import RowBuffer
from iok_desktop.demo.windows import DEFAULT_WINDOW, period_label
from iok_desktop.domain.dates import format_date
from iok_desktop.domain.enums import (
    ActorKind,
    AnnouncementKind,
    ApplicationStatus,
    Audience,
    ContactField,
)
from iok_desktop.domain.readings import next_window, window_containing


def office_life(plan: DemoPlan, out: RowBuffer) -> None:
    _announcements(plan, out)
    _applications(plan, out)
    _contact_changes(plan, out)


def _announcements(plan: DemoPlan, out: RowBuffer) -> None:
    tl = plan.tl
    today = tl.today
    site = plan.showcase.site
    cast = plan.showcase.cast
    # The cooperative's reading window open today, else the next one.
    window = window_containing(DEFAULT_WINDOW, today) or next_window(DEFAULT_WINDOW, today)
    period = period_label(DEFAULT_WINDOW, window)
    everyone, building, premises = Audience.EVERYONE.value, Audience.BUILDING.value, Audience.PREMISES.value
    normal, urgent = AnnouncementKind.NORMAL.value, AnnouncementKind.URGENT.value

    def day(offset: int, hour: float = 9) -> datetime:
        return tl.at(today + timedelta(days=offset), int(hour * HOUR))

    # (title, body, kind, publish_from, valid_until, is_draft, audience, building_id, premises_id)
    notices: list[tuple[Any, ...]] = [
        (
            "Nowe godziny pracy biura",
            "Biuro Spółdzielni przy ul. Zgoda 8 jest czynne: w poniedziałki 8:00–17:00, od wtorku do czwartku "
            "7:30–15:30, w piątki 7:30–13:00. Kasa przyjmuje wpłaty do godziny 14:00.",
            normal,
            day(-120),
            None,
            False,
            everyone,
            None,
            None,
        ),
        (
            f"Odczyty wodomierzy i ciepłomierzy za {period}",
            f"Szanowni Państwo, stany liczników za {period} można podawać w IOK oraz w kiosku "
            f"w biurze od {format_date(window.opens)} do {format_date(window.closes)}. Odczyty niepodane w terminie "
            "rozliczymy według średniego zużycia. Dziękujemy!",
            normal,
            tl.at(window.opens - timedelta(days=3), 8 * HOUR),
            tl.at(window.closes + timedelta(days=1), 0),
            False,
            everyone,
            None,
            None,
        ),
        (
            "Zbiórka odpadów wielkogabarytowych",
            f"W sobotę {format_date(today - timedelta(days=41))} na terenie wszystkich osiedli odbędzie się zbiórka "
            "odpadów wielkogabarytowych. Meble i sprzęt prosimy wystawiać przy altanach śmietnikowych dzień wcześniej.",
            normal,
            day(-60),
            day(-40, 0),
            False,
            everyone,
            None,
            None,
        ),
        (
            f"Wymiana wodomierzy w {today.year + 1} roku",
            f"W {today.year + 1} r. kończy się okres legalizacji części wodomierzy. Harmonogram wymiany dla "
            "poszczególnych budynków opublikujemy w IOK; wymiana jest bezpłatna i trwa około 20 minut.",
            normal,
            day(7, 8),
            None,
            False,
            everyone,
            None,
            None,
        ),
        (
            f"Walne Zgromadzenie Członków {today.year + 1}",
            "Zarząd Spółdzielni zwołuje Walne Zgromadzenie Członków. Porządek obrad, projekty uchwał i sprawozdania "
            "będą wyłożone do wglądu w biurze Spółdzielni na 14 dni przed terminem zebrania.",
            normal,
            day(14, 8),
            None,
            True,
            everyone,
            None,
            None,
        ),
    ]
    if site is not None:
        stop = today + timedelta(days=2)
        notices.append((
            "Przerwa w dostawie ciepłej wody",
            f"W dniu {format_date(stop)} w godzinach 8:00–14:00 nastąpi przerwa w dostawie ciepłej wody w budynku "
            f"przy {site.street_line} z powodu wymiany zaworów w węźle cieplnym. "
            "Przepraszamy za utrudnienia.",
            urgent, day(-1, 10), tl.at(stop + timedelta(days=1), 0), False, building, site.id, None,
        ))  # fmt: skip
    if cast:
        visit = today + timedelta(days=10)
        notices.append((
            "Przegląd instalacji gazowej w Państwa lokalu",
            f"Uprzejmie prosimy o udostępnienie lokalu do okresowego przeglądu instalacji gazowej w dniu "
            f"{format_date(visit)} w godzinach 15:00–19:00. W razie nieobecności prosimy o kontakt z administracją "
            "osiedla, tel. +48 91 433 22 11.",
            normal, day(-5, 12), tl.at(visit + timedelta(days=1), 0), False, premises, None, cast[0].flat_id,
        ))  # fmt: skip

    ids: dict[str, int] = {}
    for title, body, kind, publish_from, valid_until, is_draft, audience, building_id, premises_id in notices:
        announcement_id = plan.ids.next("announcements")
        ids[title] = announcement_id
        created = min(publish_from, day(-1, 8)) - timedelta(days=1)
        out.add("announcements", (
            announcement_id, title, body, kind, publish_from, valid_until, is_draft, audience, building_id,
            premises_id, plan.admin_id, created, None, 1,
        ))  # fmt: skip

    # Who has read what: the first demo residents read the general notices, one the urgent one too.
    for position, member in enumerate(cast[:3]):
        read_at = day(-1 - position, 20)
        for notice in notices[:2]:
            if notice[3] < read_at:
                out.add("announcement_reads", (ids[notice[0]], member.account_id, read_at))
    if len(cast) > 1 and site is not None:
        out.add("announcement_reads", (ids["Przerwa w dostawie ciepłej wody"], cast[1].account_id, day(-1, 18)))


def _applications(plan: DemoPlan, out: RowBuffer) -> None:
    tl = plan.tl
    clerks = plan.clerk_ids
    approved = ApplicationStatus.APPROVED.value
    submitted = ApplicationStatus.SUBMITTED.value
    refused = ApplicationStatus.REFUSED.value
    # Every demo resident's account came from an application approved the day it was created.
    for position, member in enumerate(plan.showcase.cast):
        created = tl.day(member.created_index)
        filed = created - timedelta(days=2)
        clerk = clerks[position % len(clerks)]
        out.add("account_applications", (
            plan.ids.next("account_applications"), member.person.id, member.flat_id, filed, texts.OFFICE,
            approved, clerk, tl.at(filed, 10 * HOUR), clerk, tl.at(created, 10 * HOUR + 1800), None,
            member.account_id,
        ))  # fmt: skip
    if plan.showcase.applicant is not None:
        person, premises_id = plan.showcase.applicant
        filed = tl.today - timedelta(days=2)
        out.add("account_applications", (
            plan.ids.next("account_applications"), person.id, premises_id, filed, texts.OFFICE, submitted,
            clerks[0], tl.at(filed, 11 * HOUR), None, None, None, None,
        ))  # fmt: skip
    if plan.showcase.former_owner is not None:
        person, premises_id = plan.showcase.former_owner
        filed = tl.today - timedelta(days=20)
        out.add("account_applications", (
            plan.ids.next("account_applications"), person.id, premises_id, filed, texts.OFFICE, refused,
            clerks[-1], tl.at(filed, 9 * HOUR), clerks[-1], tl.at(filed + timedelta(days=2), 10 * HOUR),
            texts.APPLICATION_REFUSAL, None,
        ))  # fmt: skip


def _contact_changes(plan: DemoPlan, out: RowBuffer) -> None:
    tl = plan.tl
    # When the first three demo residents changed their data: three days ago, yesterday, two months ago.
    moments = (
        tl.at(tl.today - timedelta(days=3), 20 * HOUR + 900),
        tl.at(tl.today - timedelta(days=1), 7 * HOUR + 2400),
        tl.at(tl.today - timedelta(days=60), 19 * HOUR),
    )
    for position, member in enumerate(plan.showcase.cast[:3]):
        for field, old in member.changed:
            changed_at = moments[position]
            # The recent changes are still on the clerks' "changed by residents, not yet seen" list.
            seen = position == 2
            out.add("contact_changes", (
                plan.ids.next("contact_changes"), member.person.id, ContactField(field).value, old,
                getattr(member.person, field), changed_at, member.account_id, None,
                changed_at + timedelta(hours=14) if seen else None, plan.clerk_ids[0] if seen else None,
            ))  # fmt: skip


def audit_row(plan: DemoPlan, params: DemoParams, counts: dict[str, int], now: datetime) -> tuple[Any, ...]:
    """The ``demo.generate`` entry: who (the system), when (really), with what parameters."""
    details = {
        "premises": params.premises,
        "years": params.years,
        "seed": params.seed,
        "today": params.today.isoformat(),
        "rows": {table: count for table, count in counts.items() if count},
    }
    return (
        plan.ids.next("audit_log"), now, ActorKind.SYSTEM.value, None, None, "system", "demo.generate", None, None,
        None, platform.node()[:100] or None, details,
    )  # fmt: skip
