"""2026 predictors (ARP, VRP, SVRP, DC-SRP, IIC-SRP, CSRP): every vector, properties, band edges."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desist.rules.actuarial import (
    Band,
    ModelType,
    MotivationLevel,
    OffenceNotScorable,
    PreviousConviction,
    ProblemLevel,
    Sex,
    coefficients,
)
from desist.rules.logit_model import CriminalHistory, Drug, DynamicItems, LogitResult
from desist.rules.predictors_2026 import (
    OGRS4_EFFECTIVE_FROM,
    CsrpInput,
    CsrpResult,
    Generation,
    Input2026,
    Predictor,
    arp,
    arp_band,
    category_2026_for_code,
    csrp,
    csrp_band,
    dc_srp,
    dc_srp_band,
    iic_srp,
    model_2026,
    predict,
    predictor_generation,
    svrp,
    svrp_band,
    vrp,
    vrp_band,
)
from desist.rules.tests.test_actuarial import (
    assert_matches,
    dynamic_from,
    history_from,
    sexual_from,
    vector_params,
)
from desist.rules.tests.test_osp import dc_as_api, iic_as_api

HISTORY_FEATURES = {
    "twoYearInterceptWeight": ("intercept",),
    "ageGenderPolynomialWeight": ("age",),
    "genderWeight": ("female",),
    "offenceGroupWeight": ("offence",),
    "firstSanctionWeight": ("first_sanction",),
    "secondSanctionWeight": ("second_sanction",),
    "totalNumberOfSanctionsForAllOffencesWeight": ("total_sanctions",),
    "secondSanctionGapWeight": ("second_sanction_gap",),
    "offenceFreeMonthsWeight": ("offence_free_months",),
    "copasScore": ("copas",),
    "copasScoreSquared": ("copas_squared",),
    "neverViolentWeight": ("never_violent",),
    "onceViolentWeight": ("once_violent",),
    "totalNumberOfViolentSanctionsWeight": ("violent_sanctions",),
    "violentSanctionsWeight": ("violent_sanctions",),
    "copasViolentOffencesScore": ("violence_rate",),
    "violenceRateWeight": ("violence_rate",),
    "offenceInvolveCarryingOrUsingWeaponsWeight": ("weapon",),
    "suitableAccommodationWeight": ("accommodation",),
    "unemployedWeight": ("unemployed",),
    "liveInRelationshipWeight": ("living_with_partner",),
    "relationshipQualityWeight": ("partner_relationship",),
    "multiplicativeRelationshipWeight": ("living_with_partner_x_relationship",),
    "domesticViolenceWeight": ("domestic_abuse",),
    "regularOffendingActivitiesWeight": ("lifestyle",),
    "drugMotivationWeight": ("drug_motivation",),
    "chronicDrinkingProblemsWeight": ("alcohol",),
    "bingeDrinkingProblemsWeight": ("binge_drinking",),
    "impulsivityProblemsWeight": ("impulsivity",),
    "temperControlWeight": ("temper_control",),
    "proCriminalAttitudesWeight": ("pro_criminal_attitudes",),
    "heroinUsageWeight": ("drug_heroin",),
    "methadoneUsageWeight": ("drug_methadone",),
    "otherOpiateUsageWeight": ("drug_other_opiate",),
    "crackCocaineUsageWeight": ("drug_crack_cocaine",),
    "powderCocaineUsageWeight": ("drug_powder_cocaine",),
    "misusedPrescriptionDrugUsageWeight": ("drug_prescription_drug_misuse",),
    "benzodiazepinesUsageWeight": ("drug_benzodiazepines",),
    "cannabisUsageWeight": ("drug_cannabis",),
    "steroidUsageWeight": ("drug_steroids",),
    "otherDrugUsageWeight": ("drug_other_drugs",),
    "pastHomicideOffenceWeight": ("previous_homicide",),
    "pastWoundingGrievousBodilyHarmOffenceWeight": ("previous_wounding_gbh",),
    "pastKidnappingOffenceWeight": ("previous_kidnapping",),
    "pastFirearmsOffenceWeight": ("previous_firearms",),
    "pastRobberyOffenceWeight": ("previous_robbery",),
    "pastAggravatedBurglaryOffenceWeight": ("previous_aggravated_burglary",),
    "pastNonFirearmWeaponOffenceWeight": ("previous_weapon",),
    "pastCriminalDamageOffenceWeight": ("previous_criminal_damage",),
    "pastArsonOffenceWeight": ("previous_arson",),
}
ALGORITHM = {
    "svrp": "SERIOUS_VIOLENT_REOFFENDING_PREDICTOR",
    "dc": "DIRECT_CONTACT_SEXUAL_REOFFENDING_PREDICTOR",
    "iic": "IMAGES_AND_INDIRECT_CONTACT_SEXUAL_REOFFENDING_PREDICTOR",
}


def input_from(inp: dict[str, Any]) -> Input2026:
    return Input2026(history_from(inp), inp["resolved"]["actuarial_category"], dynamic_from(inp))


def as_api(r: LogitResult) -> dict[str, Any]:
    features = {k: sum(r.term(n) for n in names) for k, names in HISTORY_FEATURES.items()}
    features["totalWeight"] = r.linear_sum
    return {
        "band": r.band.value if r.band else None,
        "score": r.score,
        "type": r.model_type.value,
        "featureValues": features,
    }


def csrp_as_api(r: CsrpResult) -> dict[str, Any]:
    def part(algorithm: str, model_type: str, score: float, band: Band | None) -> dict[str, Any]:
        return {
            "algorithm": algorithm,
            "type": model_type,
            "score": score,
            "band": band.value if band else None,
        }

    return {
        "overallScore": r.score,
        "band": r.band.value,
        "components": {
            "directContactSexualPredictorScore": part(
                ALGORITHM["dc"], "STATIC", r.dc_srp.score, r.dc_srp.band
            ),
            "indirectContactSexualPredictorScore": part(
                ALGORITHM["iic"], "STATIC", r.iic_srp.score, r.iic_srp.band
            ),
            "seriousViolentPredictorScore": part(
                ALGORITHM["svrp"], r.svrp.model_type.value, r.svrp.score, r.svrp.band
            ),
        },
    }


SCORERS = {"ARP": arp, "VRP": vrp, "SVRP": svrp}


@pytest.mark.parametrize("vector", vector_params("ARP", "VRP", "SVRP"))
def test_logistic_2026_vectors(vector: dict[str, Any]) -> None:
    result = SCORERS[vector["tool"]](input_from(vector["input"]))
    assert_matches(vector["expected"], as_api(result))


@pytest.mark.parametrize("vector", vector_params("CSRP"))
def test_csrp_vectors(vector: dict[str, Any]) -> None:
    inp = vector["input"]
    assert_matches(
        vector["expected"], csrp_as_api(csrp(CsrpInput(input_from(inp), sexual_from(inp))))
    )


@pytest.mark.parametrize("vector", vector_params("DC_SRP"))
def test_dc_srp_vectors(vector: dict[str, Any]) -> None:
    result = dc_srp(sexual_from(vector["input"]))
    assert_matches(vector["expected"], dc_as_api(result, legacy=False))


@pytest.mark.parametrize("vector", vector_params("IIC_SRP"))
def test_iic_srp_vectors(vector: dict[str, Any]) -> None:
    assert_matches(vector["expected"], iic_as_api(iic_srp(sexual_from(vector["input"]))))


BAND_FUNCTIONS = {
    "ARP_BAND": arp_band,
    "VRP_BAND": vrp_band,
    "SVRP_BAND": svrp_band,
    "CSRP_BAND": csrp_band,
}


@pytest.mark.parametrize("vector", vector_params(*BAND_FUNCTIONS))
def test_band_vectors(vector: dict[str, Any]) -> None:
    band = BAND_FUNCTIONS[vector["tool"]](vector["input"]["score"])
    assert_matches(vector["expected"], {"band": band.value})


@pytest.mark.parametrize(
    ("band", "thresholds"),
    [
        (arp_band, (50, 75, 90)),
        (vrp_band, (30, 60, 80)),
        (svrp_band, (1, 3, 6.9)),
        (csrp_band, (1, 3, 6.9)),
        (dc_srp_band, (22, 30, 36)),
    ],
)
def test_every_band_edge_both_sides(band: Any, thresholds: tuple[float, ...]) -> None:
    order = [Band.LOW, Band.MEDIUM, Band.HIGH, Band.VERY_HIGH]
    for i, edge in enumerate(thresholds):
        below = edge - (1 if band is dc_srp_band else 0.01)
        assert band(below) is order[i]
        assert band(edge) is order[i + 1]


# ---------------------------------------------------------------------------------------------
# Model construction and selection
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("predictor", "model_type", "count"),
    [
        (Predictor.ARP, ModelType.DYNAMIC, 42),
        (Predictor.ARP, ModelType.STATIC, 23),
        (Predictor.VRP, ModelType.DYNAMIC, 43),
        (Predictor.VRP, ModelType.STATIC, 26),
        (Predictor.SVRP, ModelType.DYNAMIC, 37),
        (Predictor.SVRP, ModelType.STATIC, 22),
    ],
)
def test_every_published_coefficient_is_used(
    predictor: Predictor, model_type: ModelType, count: int
) -> None:
    suffix = "Static" if model_type is ModelType.STATIC else "Dynamic"
    names = {
        "ARP": "AllReoffendingPredictor",
        "VRP": "ViolentReoffendingPredictor",
        "SVRP": "SeriousViolentReoffendingPredictor",
    }
    raw = coefficients()["new_2026"][names[predictor.value] + suffix]["terms"]
    assert len(raw) == count
    model = model_2026(predictor, model_type)
    nonzero = [v for vs in model.age.values() for v in vs if v] + [v for v in model.ofm if v]
    nonzero += [v for vs in model.copas.values() for v in vs] + list(
        model.second_sanction_gap.values()
    )
    nonzero += [
        model.intercept,
        model.female,
        model.first_sanction,
        model.second_sanction,
        model.per_sanction,
    ]
    if model.violence:
        nonzero += [
            *model.never_violent.values(),
            model.once_violent,
            model.per_violent,
            model.violent_rate,
        ]
    assert len(nonzero) + len(model.items) == count


def test_generation_is_chosen_by_effective_date() -> None:
    day = OGRS4_EFFECTIVE_FROM
    assert predictor_generation(day) is Generation.OGRS4
    assert predictor_generation(date.fromordinal(day.toordinal() - 1)) is Generation.LEGACY
    assert (
        predictor_generation(date(2026, 1, 1), effective_from=date(2025, 12, 1)) is Generation.OGRS4
    )


def test_offence_categories_resolve_through_the_map() -> None:
    assert category_2026_for_code("11618") == "OTHER_OFFENCES"
    with pytest.raises(OffenceNotScorable):
        category_2026_for_code("00000")  # UNKNOWN
    h = CriminalHistory(
        Sex.MALE, date(1990, 1, 1), date(2020, 1, 1), date(2020, 1, 1), date(2021, 1, 1), 3, 15, 1
    )
    with pytest.raises(OffenceNotScorable):
        arp(Input2026(h, "UNKNOWN"))


def test_iic_srp_scores_women_low_but_dc_srp_is_not_applicable() -> None:
    vector = next(v for v in vector_params("DC_SRP") if v.id == "DC_SRP-E02").values[0]
    sexual = sexual_from(vector["input"])
    assert dc_srp(sexual).band is Band.NOT_APPLICABLE
    assert (iic_srp(sexual).band, iic_srp(sexual).score) == (Band.LOW, 0.0)


def test_csrp_adds_038_for_a_woman_with_a_sexual_history() -> None:
    vector = next(v for v in vector_params("CSRP") if v.id == "CSRP-E02").values[0]
    inp = input_from(vector["input"])
    woman = replace(inp, history=replace(inp.history, sex=Sex.FEMALE))
    sexual = sexual_from(
        {**vector["input"], "gender": "FEMALE", "hasEverCommittedSexualOffence": True}
    )
    r = csrp(CsrpInput(woman, sexual))
    assert r.female_sexual_offender_addition == 0.38
    assert r.score == round(r.svrp.score + 0.38, 2)


# ---------------------------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------------------------

CATEGORIES = sorted(
    k for k in coefficients()["new_2026"]["AllReoffendingPredictorStatic"]["offence_category"]
)
levels = st.sampled_from(ProblemLevel)
full_dynamic = st.builds(
    DynamicItems,
    weapon=st.booleans(),
    accommodation_suitability=levels,
    unemployed=st.booleans(),
    living_with_partner=st.booleans(),
    partner_relationship=levels,
    domestic_abuse_perpetrator=st.booleans(),
    domestic_abuse_against_partner=st.booleans(),
    activities_encourage_offending=levels,
    motivation_to_tackle_drug_misuse=st.sampled_from(MotivationLevel),
    current_alcohol_use=levels,
    binge_drinking=levels,
    impulsivity=levels,
    temper_control=levels,
    pro_criminal_attitudes=levels,
    drugs_used=st.frozensets(st.sampled_from(Drug)),
    previous_convictions=st.frozensets(st.sampled_from(PreviousConviction)),
)


@st.composite
def inputs(draw: st.DrawFn) -> Input2026:
    age_conv = draw(st.integers(min_value=18, max_value=70))
    n = draw(st.integers(min_value=1, max_value=80))
    h = CriminalHistory(
        sex=draw(st.sampled_from(Sex)),
        date_of_birth=date(1940, 3, 1),
        conviction_date=date(1940 + age_conv, 6, 1),
        start_of_follow_up=date(1940 + age_conv + draw(st.integers(0, 3)), 6, 1),
        assessment_date=date(1940 + age_conv + draw(st.integers(0, 6)), 9, 1),
        total_sanctions=n,
        age_at_first_sanction=draw(st.integers(min_value=10, max_value=age_conv)),
        violent_sanctions=draw(st.integers(min_value=0, max_value=n)),
    )
    return Input2026(h, draw(st.sampled_from(CATEGORIES)), draw(st.none() | full_dynamic))


@given(inputs(), st.sampled_from(Predictor))
@settings(max_examples=150, deadline=None)
def test_scores_are_percentages_and_bands_agree(inp: Input2026, predictor: Predictor) -> None:
    r = predict(predictor, inp)
    assert 0.0 <= r.score <= 100.0
    assert r.model_type is (ModelType.STATIC if inp.dynamic is None else ModelType.DYNAMIC)
    assert r.band is {"ARP": arp_band, "VRP": vrp_band, "SVRP": svrp_band}[predictor.value](r.score)


@given(inputs(), st.sampled_from(Predictor), st.data())
@settings(max_examples=150, deadline=None)
def test_items_with_positive_coefficients_never_lower_the_score(
    inp: Input2026, predictor: Predictor, data: st.DataObject
) -> None:
    """Worsening an answer whose only coefficients are positive cannot lower z."""
    if inp.dynamic is None:
        return
    model = model_2026(predictor, ModelType.DYNAMIC)
    positive = {
        "accommodation_suitability": "accommodation",
        "unemployed": "unemployed",
        "activities_encourage_offending": "lifestyle",
        "current_alcohol_use": "alcohol",
        "binge_drinking": "binge_drinking",
        "impulsivity": "impulsivity",
        "temper_control": "temper_control",
        "pro_criminal_attitudes": "pro_criminal_attitudes",
        "weapon": "weapon",
        "motivation_to_tackle_drug_misuse": "drug_motivation",
    }
    used = {i.name: i.coefficient for i in model.items}
    candidates = [a for a, name in positive.items() if used.get(name, 0) > 0]
    if not candidates:
        return
    attribute = data.draw(st.sampled_from(candidates))
    current = getattr(inp.dynamic, attribute)
    worse_value = True if isinstance(current, bool) else type(current)(2)
    worse = replace(inp, dynamic=replace(inp.dynamic, **{attribute: worse_value}))
    assert predict(predictor, worse).linear_sum >= predict(predictor, inp).linear_sum - 1e-12


@pytest.mark.parametrize("predictor", list(Predictor))
def test_unemployed_scores_twice_its_coefficient(predictor: Predictor) -> None:
    """OASys 4.2 scores 'unemployed' as 2 ([A]: UNEMPLOYED.coefficient x 2); no vector has it."""
    model = model_2026(predictor, ModelType.DYNAMIC)
    item = next(i for i in model.items if i.name == "unemployed")
    answered = DynamicItems(unemployed=True)
    assert item.score(answered) == 2
    assert item.score(replace(answered, unemployed=False)) == 0


def test_snsv_unemployed_coefficient_is_stored_already_doubled() -> None:
    from desist.rules.snsv import snsv_model

    item = next(i for i in snsv_model(ModelType.DYNAMIC).items if i.name == "unemployed")
    assert item.score(DynamicItems(unemployed=True)) * item.coefficient == pytest.approx(
        2 * 0.0389109699626767
    )
