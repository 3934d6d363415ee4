import datetime

from django.utils import timezone

from desist.sentences import selectors, services
from desist.supervision.models import Appointment

D = datetime.date


def _appointment(requirement, officer, day, hour, *, minutes=60, outcome="ATTC"):
    return Appointment.objects.create(
        case=requirement.event.case,
        event=requirement.event,
        requirement=requirement,
        practitioner=officer,
        type="COAP",
        starts_at=timezone.make_aware(datetime.datetime(2026, 5, day, hour)),
        duration_minutes=minutes,
        outcome=outcome,
    )


def test_ledgers_count_only_complied_appointments(
    case, make_event, officer, django_assert_num_queries
):
    event = make_event(case)
    upw = services.requirement_add(event=event, by=officer, category="UPW", length=40)
    rar = services.requirement_add(event=event, by=officer, category="RAR", length=20)
    programme = services.requirement_add(event=event, by=officer, category="PROG", length=21)
    curfew = services.requirement_add(
        event=event, by=officer, category="CURF", length=2, hours_per_day=8, days_per_week=7
    )
    _appointment(upw, officer, 2, 9, minutes=420)
    _appointment(upw, officer, 9, 9, minutes=390)
    _appointment(upw, officer, 16, 9, minutes=420, outcome="AFTC")  # failed to comply
    _appointment(rar, officer, 4, 10)
    _appointment(rar, officer, 4, 14)  # a second session on the same day is the same RAR day
    _appointment(rar, officer, 5, 10)
    _appointment(rar, officer, 6, 10, outcome="UAAB")
    _appointment(programme, officer, 7, 18, minutes=150)
    with django_assert_num_queries(1):
        ledgers = selectors.requirement_ledgers([upw, rar, programme, curfew])
    assert (ledgers[upw.pk].done, ledgers[upw.pk].remaining) == (13.5, 26.5)
    assert (ledgers[rar.pk].done, ledgers[rar.pk].remaining) == (2, 18)
    assert (ledgers[programme.pk].done, ledgers[programme.pk].remaining) == (1, None)
    assert curfew.pk not in ledgers


def test_remaining_never_goes_below_zero(case, make_event, officer):
    upw = services.requirement_add(event=make_event(case), by=officer, category="UPW", length=40)
    _appointment(upw, officer, 2, 8, minutes=41 * 60)
    assert selectors.requirement_ledgers([upw])[upw.pk].remaining == 0


def test_release_dates_follow_the_rules_test_case(case, make_event):
    # rules.md section 2: 3 years from 2012-12-15, 35 days remand and 10 tagged bail.
    event = make_event(
        case,
        sentence_type="SDS",
        conviction_date=D(2012, 11, 1),
        sentence_date=D(2012, 12, 15),
        length=3,
        length_unit="Y",
        remand_days=35,
        tagged_bail_days=10,
        offence={"offence_date": D(2012, 6, 1), "category": "THEFT"},
    )
    dates = selectors.event_release_dates(event, date_of_birth=case.date_of_birth)
    assert (dates.crd, dates.sled) == (D(2014, 5, 1), D(2015, 10, 30))


def test_tused_only_while_post_sentence_supervision_is_in_force(case, make_event):
    event = make_event(
        case,
        sentence_type="PSS",
        conviction_date=D(2025, 6, 1),
        sentence_date=D(2025, 7, 1),
        length=6,
        length_unit="M",
        offence={"offence_date": D(2025, 1, 1), "category": "THEFT"},
    )
    before = selectors.event_release_dates(
        event, date_of_birth=case.date_of_birth, as_at=D(2026, 1, 1)
    )
    after = selectors.event_release_dates(
        event, date_of_birth=case.date_of_birth, as_at=D(2026, 6, 1)
    )
    assert before.tused is not None
    assert after.tused is None


def test_the_law_is_chosen_by_sentence_date():
    assert selectors.law_for(D(2024, 9, 9)).name == "sds-50"
    assert selectors.law_for(D(2024, 9, 10)).name == "calculation-params"
    assert selectors.law_for(D(2026, 10, 1)).name == "sds-progression-model-october"


def test_long_violent_sentences_stay_at_half_under_sds40(case, make_event):
    def crd(years):
        event = make_event(
            case,
            sentence_type="SDS",
            conviction_date=D(2025, 1, 2),
            sentence_date=D(2025, 1, 6),
            length=years,
            length_unit="Y",
            offence={"offence_date": D(2024, 12, 1)},
        )
        return selectors.event_release_dates(event, date_of_birth=case.date_of_birth).crd

    assert crd(3) == D(2026, 3, 19)  # 40% of 1,095 days
    assert crd(4) == D(2027, 1, 6)  # excluded as violent: half of 1,461 days


def test_case_events_in_one_query(case, make_event, django_assert_num_queries):
    for _ in range(5):
        make_event(case)
    with django_assert_num_queries(1):
        events = selectors.case_events(case)
    assert [e.main_offence for e in events] == ["Common assault"] * 5


def test_unfinished_unpaid_work_needed_an_extension_before_sa2026(case, make_event, officer):
    event = make_event(
        case,
        conviction_date=D(2025, 1, 3),
        sentence_date=D(2025, 1, 10),
        offence={"offence_date": D(2024, 12, 1)},
    )
    upw = services.requirement_add(event=event, by=officer, category="UPW", length=100)
    before = selectors.requirement_ledgers([upw], as_at=D(2026, 1, 1))[upw.pk]
    assert before.extension_due == D(2026, 1, 10)
    assert selectors.requirement_ledgers([upw], as_at=D(2026, 6, 1))[upw.pk].extension_due is None
