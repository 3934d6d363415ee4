import datetime
from collections import Counter

from django.core.management import call_command

from desist.people.models import Case
from desist.risk import services
from desist.risk.models import CaseRisk, Registration, RoshAssessment, TierCalculation
from desist.risk.tiers import recalculate_all
from desist.seed.generator import seed


def test_seeded_risk_is_in_realistic_proportions(db):
    seed(people=1000, seed=7, regions=2, progress=False)
    people = Case.objects.count()
    overall = Counter(RoshAssessment.objects.values_list("overall", flat=True))
    assert sum(overall.values()) == people
    assert overall["LOW"] + overall["MEDIUM"] > 0.8 * people
    assert 0.06 < overall["HIGH"] / people < 0.14
    flags = Counter(Registration.objects.values_list("type", flat=True))
    assert 0.03 < flags["MAPP"] / people < 0.08
    assert 0.11 < flags["ADVP"] / people < 0.19
    assert 0.05 < (flags["RCCO"] + flags["RCPR"]) / people < 0.11
    assert CaseRisk.objects.exclude(tier_v2="").count() == people
    assert TierCalculation.objects.count() == people
    overdue = Registration.objects.filter(review_date__lt=datetime.date.today()).count()
    assert 0 < overdue < 0.3 * Registration.objects.count()


def test_the_nightly_batch_agrees_with_the_per_case_refresh(db, case, add_registration, capsys):
    add_registration(case)  # refreshes this case in its own transaction
    today = datetime.date.today()
    assert recalculate_all(Case.objects.all(), as_of=today) == 0  # nothing has changed
    before = CaseRisk.objects.get(case=case)
    CaseRisk.objects.all().delete()
    assert recalculate_all(Case.objects.all(), as_of=today) == 1  # a case new to the batch
    after = CaseRisk.objects.get(case=case)
    assert (after.flags, after.tier_v2, after.explanation) == (
        before.flags,
        before.tier_v2,
        before.explanation,
    )
    call_command("recalculate_tiers", "--no-progress")
    assert "Recalculated 1 cases" in capsys.readouterr().out
    assert TierCalculation.objects.filter(case=case).count() == 2


def test_a_case_with_arp_and_csrp_recorded_has_a_v3_tier_in_the_batch_too(db, case, officer):
    on = datetime.date.today()
    inputs = {
        "offence_code": "10400",
        "conviction_date": on.isoformat(),
        "start_of_follow_up": on.isoformat(),
        "total_sanctions": 5,
        "age_at_first_sanction": 17,
        "violent_sanctions": 2,
        "sexual_history": False,
    }
    scores = services.scores_record(case=case, by=officer, assessed_on=on, inputs=inputs)
    assert scores.arp_percent is not None and scores.csrp_percent is not None
    refreshed = CaseRisk.objects.get(case=case)
    assert refreshed.tier_v3 in tuple("ABCDEFG")
    assert refreshed.tier_v3_provisional
    assert "Tier v3 missing" not in refreshed.explanation
    CaseRisk.objects.all().delete()
    recalculate_all(Case.objects.all(), as_of=on)
    batch = CaseRisk.objects.get(case=case)
    assert (batch.tier_v3, batch.tier_v3_provisional, batch.explanation) == (
        refreshed.tier_v3,
        refreshed.tier_v3_provisional,
        refreshed.explanation,
    )
