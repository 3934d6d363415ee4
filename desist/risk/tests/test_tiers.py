import datetime

from desist.risk.tiers import Inputs, _signature, assess, explain
from desist.rules import tiering

TODAY = datetime.date(2026, 11, 23)


def test_explanation_names_the_points_and_the_v3_steps():
    case = tiering.TierCase(
        rosh="HIGH",
        registrations={"UNSUPERVISED", "DOMESTIC_ABUSE"},
        predictors=tiering.Predictors(
            arp=tiering.Predictor("20", "STATIC"), csrp=tiering.Predictor("3.5", "DYNAMIC")
        ),
    )
    text = explain(tiering.calculate_tiers(case, TODAY))
    assert text.startswith("B0S because: RoSH HIGH (20 points)")
    assert "S: unsupervised (final third)." in text
    assert "Tier v3 C from reoffending." in text
    assert "Provisional: static ARP" in text


def test_cases_with_the_same_flags_in_the_same_order_share_a_signature():
    older, newer = datetime.date(2025, 1, 1), datetime.date(2026, 1, 1)
    one = Inputs("M", [("RHRH", older, "", ""), ("RMRH", newer, "", "")])
    two = Inputs(
        "M", [("RMRH", newer + datetime.timedelta(days=9), "", ""), ("RHRH", older, "", "")]
    )
    flipped = Inputs("M", [("RHRH", newer, "", ""), ("RMRH", older, "", "")])
    assert _signature(one, TODAY) == _signature(two, TODAY) != _signature(flipped, TODAY)
    assert assess(one, TODAY).rosh == "MEDIUM"  # the newest RoSH registration wins
    assert assess(flipped, TODAY).rosh == "HIGH"
