"""The ledger service: balances, amount due, statements, pages and postings, on both databases."""

from __future__ import annotations

import threading
from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from iok_desktop.db.database import Database
from iok_desktop.db.models import AuditEntry, LedgerEntry, LegalTitle
from iok_desktop.domain.enums import ActorKind, LedgerKind
from iok_desktop.domain.errors import NotFoundError, PermissionDeniedError, ValidationError
from iok_desktop.services import ledger
from iok_desktop.services.context import SYSTEM, FixedClock, ServiceContext
from tests.support.builders import Household, make_household, make_premises

TODAY = date(2026, 11, 25)  # the office day of the test clock


def D(text: str) -> Decimal:  # noqa: N802 - reads like a literal
    return Decimal(text)


def charge(
    ctx: ServiceContext,
    premises_id: int,
    amount: str,
    booked: date,
    *,
    due: date | None = None,
    title: str = "Opłata eksploatacyjna",
) -> ledger.EntryRow:
    return ledger.post_charge(ctx, premises_id, amount=amount, booking_date=booked, due_date=due, title=title)


def pay(ctx: ServiceContext, premises_id: int, amount: str, booked: date, document_id: str | None = None) -> None:
    ledger.post_payment(
        ctx, premises_id, amount_text=amount, booking_date=booked, title="Wpłata na konto", document_id=document_id
    )


def correct(ctx: ServiceContext, premises_id: int, amount: str, booked: date, due: date | None = None) -> None:
    ledger.post_correction(
        ctx,
        premises_id,
        amount_text=amount,
        booking_date=booked,
        due_date=due,
        title="Korekta naliczenia",
        corrects_entry_id=None,
    )


# --- balances --------------------------------------------------------------------------------


def test_balance_on_a_day_counts_everything_booked_up_to_and_including_that_day(
    clerk: ServiceContext, home: Household
) -> None:
    p = home.premises.id
    charge(clerk, p, "100,00", date(2026, 10, 1))
    pay(clerk, p, "40,00", date(2026, 10, 15))
    charge(clerk, p, "50,00", date(2026, 11, 1), due=date(2026, 12, 10))

    assert ledger.balance_at(clerk, p, date(2026, 9, 30)) == D("0.00")
    assert ledger.balance_at(clerk, p, date(2026, 10, 14)) == D("100.00")
    assert ledger.balance_at(clerk, p, date(2026, 10, 15)) == D("60.00")
    assert ledger.balance_at(clerk, p, date(2026, 11, 30)) == D("110.00")


def test_balance_sums_grosze_exactly(clerk: ServiceContext, home: Household) -> None:
    for _ in range(10):
        charge(clerk, home.premises.id, "0,10", date(2026, 11, 1))
    pay(clerk, home.premises.id, "0,30", date(2026, 11, 2))

    balance = ledger.balance_at(clerk, home.premises.id, TODAY)
    assert balance == D("0.70")
    assert isinstance(balance, Decimal)


def test_amount_due_ignores_charges_that_are_not_due_yet(clerk: ServiceContext, home: Household) -> None:
    p = home.premises.id
    charge(clerk, p, "300,00", date(2026, 11, 1), due=date(2026, 11, 10), title="Opłaty za listopad")
    pay(clerk, p, "100,00", date(2026, 11, 5))
    charge(clerk, p, "320,00", date(2026, 11, 20), due=date(2026, 12, 10), title="Opłaty za grudzień")

    due = ledger.amount_due(clerk, p)

    assert due.amount == D("200.00")
    assert due.label == "do zapłaty"
    assert due.display_amount == D("200.00")
    assert due.as_of == TODAY
    # The balance itself already includes December's charges.
    assert ledger.balance_at(clerk, p, TODAY) == D("520.00")


def test_amount_due_counts_a_charge_falling_due_today(clerk: ServiceContext, home: Household) -> None:
    charge(clerk, home.premises.id, "75,50", date(2026, 11, 1), due=TODAY)

    assert ledger.amount_due(clerk, home.premises.id).amount == D("75.50")


def test_amount_due_counts_a_charge_without_due_date_from_its_booking_date(
    clerk: ServiceContext, home: Household
) -> None:
    p = home.premises.id
    charge(clerk, p, "10,00", TODAY)
    charge(clerk, p, "20,00", TODAY + timedelta(days=1))

    assert ledger.amount_due(clerk, p).amount == D("10.00")


def test_advance_payment_shows_as_overpayment_before_the_charge_falls_due(
    clerk: ServiceContext, home: Household
) -> None:
    p = home.premises.id
    charge(clerk, p, "300,00", date(2026, 11, 20), due=date(2026, 12, 10))
    pay(clerk, p, "350,00", date(2026, 11, 24))
    pay(clerk, p, "999,00", TODAY + timedelta(days=3))  # booked ahead: not counted yet

    due = ledger.amount_due(clerk, p)

    assert due.amount == D("-350.00")
    assert due.label == "nadpłata"
    assert due.display_amount == D("350.00")


def test_amount_due_counts_corrections_by_their_due_date(clerk: ServiceContext, home: Household) -> None:
    p = home.premises.id
    charge(clerk, p, "200,00", date(2026, 11, 1), due=date(2026, 11, 10))
    correct(clerk, p, "-50,00", date(2026, 11, 20))
    correct(clerk, p, "30,00", date(2026, 11, 20), due=date(2026, 12, 10))

    assert ledger.amount_due(clerk, p).amount == D("150.00")


def test_paid_in_full_is_settled(clerk: ServiceContext, home: Household) -> None:
    charge(clerk, home.premises.id, "412,18", date(2026, 11, 1), due=date(2026, 11, 10))
    pay(clerk, home.premises.id, "412,18", date(2026, 11, 9))

    due = ledger.amount_due(clerk, home.premises.id)

    assert (due.amount, due.label, due.display_amount) == (D("0.00"), "rozliczone", D("0.00"))


def test_an_empty_ledger_is_settled(clerk: ServiceContext, home: Household) -> None:
    due = ledger.amount_due(clerk, home.premises.id)

    assert (due.amount, due.label) == (D("0.00"), "rozliczone")


# --- statement -------------------------------------------------------------------------------


def test_statement_opens_with_everything_booked_before_the_period(clerk: ServiceContext, home: Household) -> None:
    p = home.premises.id
    charge(clerk, p, "400,00", date(2026, 9, 1), due=date(2026, 9, 10))
    pay(clerk, p, "150,00", date(2026, 9, 20))
    charge(clerk, p, "400,00", date(2026, 10, 1), due=date(2026, 10, 10))
    charge(clerk, p, "410,00", date(2026, 11, 1), due=date(2026, 11, 10))
    pay(clerk, p, "1 000,00", date(2026, 11, 12))
    charge(clerk, p, "410,00", date(2026, 12, 1), due=date(2026, 12, 10))  # after the period

    st = ledger.statement(clerk, p, date(2026, 11, 1), date(2026, 11, 30))

    assert st.opening_balance == D("650.00")
    assert [(row.booking_date, row.charge, row.payment, row.running_balance) for row in st.entries] == [
        (date(2026, 11, 1), D("410.00"), D("0.00"), D("1060.00")),
        (date(2026, 11, 12), D("0.00"), D("1000.00"), D("60.00")),
    ]
    assert st.total_charges == D("410.00")
    assert st.total_payments == D("1000.00")
    assert st.closing_balance == D("60.00")
    assert st.closing_balance == ledger.balance_at(clerk, p, date(2026, 11, 30))


def test_statement_of_a_period_without_entries_carries_the_balance_through(
    clerk: ServiceContext, home: Household
) -> None:
    charge(clerk, home.premises.id, "99,99", date(2026, 1, 5))

    st = ledger.statement(clerk, home.premises.id, date(2026, 6, 1), date(2026, 6, 30))

    assert st.entries == ()
    assert st.opening_balance == st.closing_balance == D("99.99")
    assert st.total_charges == st.total_payments == D("0.00")


def test_statement_puts_credits_in_the_payment_column_and_debits_in_the_charge_column(
    clerk: ServiceContext, home: Household
) -> None:
    p = home.premises.id
    charge(clerk, p, "300,00", date(2026, 11, 1))
    correct(clerk, p, "-45,20", date(2026, 11, 2))
    correct(clerk, p, "12,00", date(2026, 11, 3))
    pay(clerk, p, "200,00", date(2026, 11, 4))

    st = ledger.statement(clerk, p, date(2026, 11, 1), date(2026, 11, 30))

    assert [(row.kind, row.amount, row.charge, row.payment) for row in st.entries] == [
        (LedgerKind.CHARGE, D("300.00"), D("300.00"), D("0.00")),
        (LedgerKind.CORRECTION, D("-45.20"), D("0.00"), D("45.20")),
        (LedgerKind.CORRECTION, D("12.00"), D("12.00"), D("0.00")),
        (LedgerKind.PAYMENT, D("-200.00"), D("0.00"), D("200.00")),
    ]
    assert st.total_charges == D("312.00")
    assert st.total_payments == D("245.20")
    assert st.closing_balance == D("66.80")


def test_statement_lists_entries_by_booking_date_then_by_entry_number(clerk: ServiceContext, home: Household) -> None:
    p = home.premises.id
    charge(clerk, p, "3,00", date(2026, 11, 20), title="trzecie")
    charge(clerk, p, "1,00", date(2026, 11, 5), title="pierwsze")
    charge(clerk, p, "2,00", date(2026, 11, 20), title="drugie dwudziestego")
    charge(clerk, p, "0,50", date(2026, 11, 10), title="środkowe")

    st = ledger.statement(clerk, p, date(2026, 11, 1), date(2026, 11, 30))

    assert [row.title for row in st.entries] == ["pierwsze", "środkowe", "trzecie", "drugie dwudziestego"]
    assert [row.running_balance for row in st.entries] == [D("1.00"), D("1.50"), D("4.50"), D("6.50")]


def test_statement_is_stamped_with_the_time_it_was_drawn_up(
    clerk: ServiceContext, home: Household, clock: FixedClock
) -> None:
    st = ledger.statement(clerk, home.premises.id, date(2026, 1, 1), date(2026, 12, 31))

    assert st.as_of == clock.now()


def test_statement_refuses_a_period_that_ends_before_it_starts(clerk: ServiceContext, home: Household) -> None:
    with pytest.raises(ValidationError) as refused:
        ledger.statement(clerk, home.premises.id, date(2026, 11, 30), date(2026, 11, 1))
    assert refused.value.field == "date_from"


# --- overdue breakdown -----------------------------------------------------------------------


def test_overdue_breakdown_settles_the_oldest_charges_first(clerk: ServiceContext, home: Household) -> None:
    p = home.premises.id
    end = date(2026, 11, 30)
    charge(clerk, p, "100,00", date(2026, 7, 1), due=date(2026, 7, 15))  # 138 days overdue
    charge(clerk, p, "100,00", date(2026, 8, 1), due=date(2026, 8, 20))  # 102 days
    charge(clerk, p, "100,00", date(2026, 9, 1), due=date(2026, 9, 10))  # 81 days
    charge(clerk, p, "100,00", date(2026, 10, 1), due=date(2026, 10, 10))  # 51 days
    charge(clerk, p, "100,00", date(2026, 11, 1), due=date(2026, 11, 10))  # 20 days
    charge(clerk, p, "100,00", date(2026, 11, 25), due=date(2026, 12, 10))  # not due yet
    correct(clerk, p, "50,00", end)  # due on the statement's last day: not overdue yet
    # 230,00 of credits, whenever paid, settle July, August and 30,00 of September.
    pay(clerk, p, "150,00", date(2026, 8, 1))
    pay(clerk, p, "70,00", date(2026, 11, 15))
    correct(clerk, p, "-10,00", date(2026, 10, 20))
    pay(clerk, p, "500,00", date(2026, 12, 1))  # after the statement: not counted

    overdue = ledger.statement(clerk, p, date(2026, 11, 1), end).overdue

    assert overdue.as_of == end
    assert overdue.over_90 == D("0.00")
    assert overdue.days_61_90 == D("70.00")
    assert overdue.days_31_60 == D("100.00")
    assert overdue.days_1_30 == D("100.00")
    assert overdue.current == D("150.00")
    assert overdue.total == D("420.00") == ledger.balance_at(clerk, p, end)


def test_overdue_breakdown_bucket_edges(clerk: ServiceContext, home: Household) -> None:
    p = home.premises.id
    end = date(2026, 11, 30)
    # Powers of two, so every bucket's sum says exactly which charges went into it.
    for days, amount in [(0, 1), (1, 2), (30, 4), (31, 8), (60, 16), (61, 32), (90, 64), (91, 128)]:
        charge(clerk, p, f"{amount},00", date(2026, 6, 1), due=end - timedelta(days=days))

    overdue = ledger.statement(clerk, p, date(2026, 11, 1), end).overdue

    assert overdue.current == D("1.00")
    assert overdue.days_1_30 == D("6.00")
    assert overdue.days_31_60 == D("24.00")
    assert overdue.days_61_90 == D("96.00")
    assert overdue.over_90 == D("128.00")


def test_overdue_breakdown_of_an_unpaid_old_debt_is_all_over_90_days(clerk: ServiceContext, home: Household) -> None:
    p = home.premises.id
    charge(clerk, p, "250,00", date(2025, 1, 1), due=date(2025, 1, 10))
    charge(clerk, p, "250,00", date(2025, 2, 1), due=date(2025, 2, 10))

    overdue = ledger.statement(clerk, p, date(2026, 11, 1), date(2026, 11, 30)).overdue

    assert overdue.over_90 == D("500.00")
    assert overdue.total == D("500.00")


def test_overpaid_ledger_has_no_overdue_debt(clerk: ServiceContext, home: Household) -> None:
    p = home.premises.id
    charge(clerk, p, "100,00", date(2026, 8, 1), due=date(2026, 8, 10))
    pay(clerk, p, "150,00", date(2026, 11, 1))

    overdue = ledger.statement(clerk, p, date(2026, 11, 1), date(2026, 11, 30)).overdue

    assert overdue.total == D("0.00")
    assert overdue.over_90 == overdue.current == D("0.00")


# --- pages for the GUI table -----------------------------------------------------------------


def test_entries_page_walks_the_ledger_with_running_balances(clerk: ServiceContext, home: Household) -> None:
    p = home.premises.id
    amounts = ["100,00", "-30,00", "100,00", "-250,00", "100,00", "5,55", "-0,55"]
    for n, amount in enumerate(amounts):
        booked = date(2026, 10, 1) + timedelta(days=n // 2)  # two entries share each day
        if amount.startswith("-"):
            pay(clerk, p, amount[1:], booked)
        else:
            charge(clerk, p, amount, booked)

    first = ledger.entries_page(clerk, p, limit=3)
    second = ledger.entries_page(clerk, p, after=first.next_after, limit=3)
    third = ledger.entries_page(clerk, p, after=second.next_after, limit=3)

    assert first.opening_balance == D("0.00")
    assert [r.running_balance for r in first.rows] == [D("100.00"), D("70.00"), D("170.00")]
    assert second.opening_balance == D("170.00")
    assert [r.running_balance for r in second.rows] == [D("-80.00"), D("20.00"), D("25.55")]
    assert [r.running_balance for r in third.rows] == [D("25.00")]
    assert third.next_after is None
    whole = ledger.statement(clerk, p, date(2026, 1, 1), date(2026, 12, 31))
    assert [r.id for r in first.rows + second.rows + third.rows] == [r.id for r in whole.entries]


def test_entries_page_from_a_date_starts_from_the_balance_before_it(clerk: ServiceContext, home: Household) -> None:
    p = home.premises.id
    charge(clerk, p, "500,00", date(2026, 9, 1))
    pay(clerk, p, "200,00", date(2026, 9, 15))
    charge(clerk, p, "10,00", date(2026, 10, 1))
    charge(clerk, p, "20,00", date(2026, 10, 2))
    charge(clerk, p, "40,00", date(2026, 11, 1))

    page = ledger.entries_page(clerk, p, date_from=date(2026, 10, 1), date_to=date(2026, 10, 31), limit=1)
    rest = ledger.entries_page(
        clerk, p, date_from=date(2026, 10, 1), date_to=date(2026, 10, 31), after=page.next_after, limit=5
    )

    assert page.opening_balance == D("300.00")
    assert [r.running_balance for r in page.rows] == [D("310.00")]
    assert rest.opening_balance == D("310.00")
    assert [r.running_balance for r in rest.rows] == [D("330.00")]
    assert rest.next_after is None


def test_entries_page_of_an_empty_ledger_is_empty(clerk: ServiceContext, home: Household) -> None:
    page = ledger.entries_page(clerk, home.premises.id)

    assert (page.rows, page.opening_balance, page.next_after) == ((), D("0.00"), None)


def test_entries_page_refuses_an_unreasonable_page_size(clerk: ServiceContext, home: Household) -> None:
    for limit in (0, 100_000):
        with pytest.raises(ValidationError) as refused:
            ledger.entries_page(clerk, home.premises.id, limit=limit)
        assert refused.value.field == "limit"


# --- posting ---------------------------------------------------------------------------------


def test_payment_typed_as_positive_is_stored_negative(clerk: ServiceContext, home: Household, session: Session) -> None:
    row = ledger.post_payment(
        clerk,
        home.premises.id,
        amount_text="1 234,56",
        booking_date=date(2026, 11, 20),
        title="Wpłata przelewem",
        document_id="WB/2026/11/0007",
    )

    stored = session.get(LedgerEntry, row.id)
    assert stored is not None
    assert stored.amount == D("-1234.56")
    assert stored.kind is LedgerKind.PAYMENT
    assert stored.due_date is None
    assert stored.created_by_staff_id == home.clerk.id
    assert (row.amount, row.charge, row.payment) == (D("-1234.56"), D("0.00"), D("1234.56"))
    assert row.running_balance == D("-1234.56")


def test_payment_must_be_above_zero(clerk: ServiceContext, home: Household) -> None:
    for text in ("0", "0,00", "-50,00"):
        with pytest.raises(ValidationError) as refused:
            ledger.post_payment(
                clerk, home.premises.id, amount_text=text, booking_date=TODAY, title="Wpłata", document_id=None
            )
        assert refused.value.field == "amount"
        assert "większa od zera" in refused.value.message


@pytest.mark.parametrize("text", ["", "abc", "12,345", "1e5", "NaN", "99999999999,00", "💸", "12\x00,00", "9" * 5000])
def test_a_mistyped_amount_is_refused_with_a_polish_message(clerk: ServiceContext, home: Household, text: str) -> None:
    with pytest.raises(ValidationError) as refused:
        ledger.post_payment(clerk, home.premises.id, amount_text=text, booking_date=TODAY, title="Wpłata")
    assert refused.value.field == "amount"
    assert refused.value.message.startswith(("Podaj", "Kwota"))


def test_payment_title_is_required_and_cleaned(clerk: ServiceContext, home: Household) -> None:
    with pytest.raises(ValidationError) as refused:
        ledger.post_payment(clerk, home.premises.id, amount_text="10", booking_date=TODAY, title=" \t\x00 ")
    assert refused.value.field == "title"

    row = ledger.post_payment(
        clerk, home.premises.id, amount_text="10", booking_date=TODAY, title="  Wpłata\x07 za\n listopad 🏠 "
    )
    assert row.title == "Wpłata za listopad 🏠"


def test_a_title_longer_than_the_column_is_refused_not_cut(clerk: ServiceContext, home: Household) -> None:
    with pytest.raises(ValidationError) as refused:
        ledger.post_payment(clerk, home.premises.id, amount_text="10", booking_date=TODAY, title="x" * 201)
    assert refused.value.field == "title"
    assert "200" in refused.value.message


def test_booking_more_than_31_days_ahead_is_refused(clerk: ServiceContext, home: Household) -> None:
    ledger.post_payment(
        clerk, home.premises.id, amount_text="10", booking_date=TODAY + timedelta(days=31), title="Wpłata"
    )
    with pytest.raises(ValidationError) as refused:
        ledger.post_payment(
            clerk, home.premises.id, amount_text="10", booking_date=TODAY + timedelta(days=32), title="Wpłata"
        )
    assert refused.value.field == "booking_date"
    assert "26.12.2026" in refused.value.message


def test_the_same_document_cannot_be_posted_twice(clerk: ServiceContext, home: Household, session: Session) -> None:
    pay(clerk, home.premises.id, "100,00", date(2026, 11, 20), document_id="WB/2026/11/0001")
    other = make_premises(session)

    with pytest.raises(ValidationError) as refused:
        pay(clerk, other.id, "100,00", date(2026, 11, 21), document_id=" WB/2026/11/0001 ")

    assert refused.value.field == "document_id"
    assert "WB/2026/11/0001" in refused.value.message
    assert "już zaksięgowany" in refused.value.message
    assert session.scalar(select(func.count()).select_from(LedgerEntry)) == 1
    # The session is still usable: the clerk corrects the number and posts.
    pay(clerk, other.id, "100,00", date(2026, 11, 21), document_id="WB/2026/11/0002")
    assert session.scalar(select(func.count()).select_from(LedgerEntry)) == 2


def test_the_same_document_number_from_another_source_is_a_different_document(
    clerk: ServiceContext, home: Household, session: Session, clock: FixedClock
) -> None:
    pay(clerk, home.premises.id, "100,00", date(2026, 11, 20), document_id="2026/11/15")
    importer = ServiceContext(session, SYSTEM, clock)

    row = ledger.post_charge(
        importer,
        home.premises.id,
        amount=D("100.00"),
        booking_date=date(2026, 11, 1),
        due_date=date(2026, 11, 10),
        title="Naliczenie",
        document_id="2026/11/15",
    )

    assert row.source == "import"
    assert row.document_id == "2026/11/15"


def test_entries_without_document_number_are_never_duplicates(clerk: ServiceContext, home: Household) -> None:
    pay(clerk, home.premises.id, "10,00", TODAY)
    pay(clerk, home.premises.id, "10,00", TODAY)

    assert ledger.balance_at(clerk, home.premises.id, TODAY) == D("-20.00")


@pytest.mark.postgresql_only
def test_a_concurrent_twin_of_a_document_is_refused_by_the_constraint(pg_db: Database, clock: FixedClock) -> None:
    """Two desks post one bank statement line at once: neither sees the other in its pre-check."""
    with pg_db.session() as setup:
        home = make_household(setup)
        setup.commit()
    premises_id = home.premises.id
    outcome: list[BaseException | ledger.EntryRow] = []

    with pg_db.session() as first:
        ledger.post_payment(
            home.clerk_ctx(first, clock),
            premises_id,
            amount_text="50",
            booking_date=TODAY,
            title="Wpłata",
            document_id="WB/RACE/1",
        )

        def second_desk() -> None:
            with pg_db.session() as second:
                ctx = home.clerk_ctx(second, clock)
                try:
                    outcome.append(
                        ledger.post_payment(
                            ctx,
                            premises_id,
                            amount_text="50",
                            booking_date=TODAY,
                            title="Wpłata",
                            document_id="WB/RACE/1",
                        )
                    )
                except BaseException as exc:
                    outcome.append(exc)
                # The savepoint kept the rest of the transaction alive.
                second.execute(select(1))
                second.rollback()

        desk = threading.Thread(target=second_desk)
        desk.start()
        # The second desk has passed its pre-check and now waits on the unique index.
        desk.join(timeout=1.0)
        assert desk.is_alive()
        first.commit()
        desk.join(timeout=10)

    assert len(outcome) == 1
    assert isinstance(outcome[0], ValidationError)
    assert outcome[0].field == "document_id"
    with pg_db.session() as check:
        assert check.scalar(select(func.count()).select_from(LedgerEntry)) == 1


def test_correction_may_be_negative_or_positive_but_not_zero(clerk: ServiceContext, home: Household) -> None:
    p = home.premises.id
    original = charge(clerk, p, "200,00", date(2026, 11, 1), due=date(2026, 11, 10))

    down = ledger.post_correction(
        clerk,
        p,
        amount_text="-20,00",
        booking_date=TODAY,
        due_date=None,
        title="Korekta zużycia wody",
        corrects_entry_id=original.id,
    )
    up = ledger.post_correction(
        clerk,
        p,
        amount_text="5,00",
        booking_date=TODAY,
        due_date=date(2026, 12, 10),
        title="Doliczenie",
        corrects_entry_id=None,
    )
    with pytest.raises(ValidationError) as refused:
        ledger.post_correction(
            clerk, p, amount_text="0,00", booking_date=TODAY, due_date=None, title="Nic", corrects_entry_id=None
        )

    assert (down.kind, down.amount, down.corrects_entry_id) == (LedgerKind.CORRECTION, D("-20.00"), original.id)
    assert (up.amount, up.due_date) == (D("5.00"), date(2026, 12, 10))
    assert refused.value.field == "amount"
    assert ledger.balance_at(clerk, p, TODAY) == D("185.00")


def test_correction_may_only_correct_an_entry_of_the_same_premises(
    clerk: ServiceContext, home: Household, session: Session
) -> None:
    other = make_premises(session)
    foreign = charge(clerk, other.id, "100,00", date(2026, 11, 1))

    for wrong_id in (foreign.id, 987_654):
        with pytest.raises(ValidationError) as refused:
            ledger.post_correction(
                clerk,
                home.premises.id,
                amount_text="-100,00",
                booking_date=TODAY,
                due_date=None,
                title="Storno",
                corrects_entry_id=wrong_id,
            )
        assert refused.value.field == "corrects_entry_id"
    assert ledger.balance_at(clerk, home.premises.id, TODAY) == D("0.00")


def test_charge_must_be_above_zero(clerk: ServiceContext, home: Household) -> None:
    for amount in ("-10,00", "0", D("-1.00"), D("0.001"), D("NaN"), D("Infinity"), D("1E+30"), D("1E-30")):
        with pytest.raises(ValidationError) as refused:
            ledger.post_charge(
                clerk, home.premises.id, amount=amount, booking_date=TODAY, due_date=None, title="Naliczenie"
            )
        assert refused.value.field == "amount"


def test_charge_by_a_clerk_is_sourced_clerk(clerk: ServiceContext, home: Household) -> None:
    row = charge(clerk, home.premises.id, "12,34", TODAY)

    assert (row.kind, row.source, row.amount, row.charge) == (LedgerKind.CHARGE, "clerk", D("12.34"), D("12.34"))


def test_every_posting_is_audited_with_its_values(clerk: ServiceContext, home: Household, session: Session) -> None:
    p = home.premises.id
    c = charge(clerk, p, "300,00", date(2026, 11, 1), due=date(2026, 11, 10))
    pay(clerk, p, "120,00", date(2026, 11, 20), document_id="WB/1")
    correct(clerk, p, "-5,00", TODAY)

    entries = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()

    assert [e.action for e in entries] == ["ledger.charge", "ledger.payment", "ledger.correction"]
    assert all(e.premises_id == p and e.entity_type == "ledger_entry" for e in entries)
    assert all(e.actor_kind is ActorKind.STAFF and e.actor_login == home.clerk.login for e in entries)
    assert entries[0].entity_id == c.id
    assert entries[0].details["new"]["amount"] == "300.00"
    assert entries[0].details["new"]["due_date"] == "2026-11-10"
    assert entries[1].details["new"]["amount"] == "-120.00"
    assert entries[1].details["new"]["document_id"] == "WB/1"
    assert entries[2].details["new"]["amount"] == "-5.00"


def test_a_refused_posting_writes_nothing(clerk: ServiceContext, home: Household, session: Session) -> None:
    with pytest.raises(ValidationError):
        ledger.post_payment(clerk, home.premises.id, amount_text="-1", booking_date=TODAY, title="Wpłata")

    assert session.scalar(select(func.count()).select_from(LedgerEntry)) == 0
    assert session.scalar(select(func.count()).select_from(AuditEntry)) == 0


def test_posting_to_a_premises_that_does_not_exist_is_refused(clerk: ServiceContext) -> None:
    with pytest.raises(NotFoundError):
        ledger.post_payment(clerk, 424_242, amount_text="10", booking_date=TODAY, title="Wpłata")


# --- who may do what -------------------------------------------------------------------------


def test_resident_reads_the_ledger_of_their_own_premises(
    clerk: ServiceContext, resident: ServiceContext, home: Household
) -> None:
    p = home.premises.id
    charge(clerk, p, "321,00", date(2026, 11, 1), due=date(2026, 11, 10))

    assert ledger.amount_due(resident, p).amount == D("321.00")
    assert ledger.statement(resident, p, date(2026, 11, 1), date(2026, 11, 30)).closing_balance == D("321.00")
    assert len(ledger.entries_page(resident, p).rows) == 1
    assert ledger.balance_at(resident, p, TODAY) == D("321.00")


def test_resident_cannot_read_another_premises_ledger(
    session: Session, clerk: ServiceContext, resident: ServiceContext
) -> None:
    neighbour = make_household(session)
    charge(clerk, neighbour.premises.id, "100,00", date(2026, 11, 1))
    p = neighbour.premises.id

    for read in (
        lambda: ledger.amount_due(resident, p),
        lambda: ledger.statement(resident, p, date(2026, 1, 1), date(2026, 12, 31)),
        lambda: ledger.entries_page(resident, p),
        lambda: ledger.balance_at(resident, p, TODAY),
    ):
        with pytest.raises(PermissionDeniedError) as refused:
            read()
        assert refused.value.message == "Nie masz dostępu do tego lokalu."


def test_resident_cannot_probe_whether_a_premises_exists(resident: ServiceContext) -> None:
    with pytest.raises(PermissionDeniedError):
        ledger.amount_due(resident, 999_999)


def test_resident_whose_title_ended_no_longer_reads_the_ledger(session: Session, clock: FixedClock) -> None:
    former = make_household(session)
    held = session.scalar(select(LegalTitle).where(LegalTitle.person_id == former.person.id))
    assert held is not None
    held.valid_to = date(2026, 10, 31)
    session.flush()

    with pytest.raises(PermissionDeniedError):
        ledger.amount_due(former.resident(session, clock), former.premises.id)


def test_resident_cannot_post_even_on_their_own_premises(resident: ServiceContext, home: Household) -> None:
    p = home.premises.id
    with pytest.raises(PermissionDeniedError):
        ledger.post_payment(resident, p, amount_text="10", booking_date=TODAY, title="Wpłata")
    with pytest.raises(PermissionDeniedError):
        ledger.post_correction(
            resident, p, amount_text="-10", booking_date=TODAY, due_date=None, title="Korekta", corrects_entry_id=None
        )
    with pytest.raises(PermissionDeniedError):
        ledger.post_charge(resident, p, amount="10", booking_date=TODAY, due_date=None, title="Naliczenie")


def test_only_the_system_or_staff_may_post_charges_and_only_staff_payments(
    session: Session, home: Household, clock: FixedClock
) -> None:
    system = ServiceContext(session, SYSTEM, clock)

    charge(system, home.premises.id, "10,00", TODAY)
    with pytest.raises(PermissionDeniedError):
        ledger.post_payment(system, home.premises.id, amount_text="10", booking_date=TODAY, title="Wpłata")
