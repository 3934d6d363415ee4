"""One template for the criminal-history logistic models: SNSV (legacy) and ARP/VRP/SVRP (2026).

All of them sum the same families of terms, each optional per model: intercept; an age
polynomial at SoF per sex; a female constant; first/second-sanction constants and, for exactly
two sanctions, a per-sex coefficient x career; c x n; an offence-free-months polynomial; a Copas
rate term c1*L (+ c2*L^2) for n >= 3 with L = ln(n / (career + boost)); never-/once-violent
flags, c x v and c x ln(v / (career + 30)) for v > 0; then the offence and dynamic-item terms.
The score is logistic(z) x 100 to 2 dp. Writing it once means SNSV and the 2026 models cannot
disagree on, say, which age the polynomial uses.

Sources: steering/research/risk-tools.md §3 (SNSV) and §4 (2026 template); MoJ
hmpps-arns-risk-actuarial-api [A] @1811fe74 (SNSVTransformationHelper) and @016919c5
(SeriousViolentReoffendingPredictorTransformationHelper: OFM via whole months capped at 36,
0 before SoF; unemployed scored x2).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import date
from enum import StrEnum

from desist.rules.actuarial import (
    Band,
    ModelType,
    MotivationLevel,
    PreviousConviction,
    ProblemLevel,
    Sex,
    Term,
    age_on,
    career_years,
    copas_log,
    logistic,
    offence_free_months,
    percent_2dp,
    polynomial,
    term_value,
    validate_history,
)

VIOLENT_RATE_CAREER_BOOST = 30


class Drug(StrEnum):
    """Drugs the 2026 dynamic models weight (OASys section 8 'used' flags)."""

    HEROIN = "HEROIN"
    METHADONE = "METHADONE"
    OTHER_OPIATE = "OTHER_OPIATE"
    CRACK_COCAINE = "CRACK_COCAINE"
    POWDER_COCAINE = "POWDER_COCAINE"
    PRESCRIPTION_DRUG_MISUSE = "PRESCRIPTION_DRUG_MISUSE"
    BENZODIAZEPINES = "BENZODIAZEPINES"
    CANNABIS = "CANNABIS"
    STEROIDS = "STEROIDS"
    OTHER_DRUGS = "OTHER_DRUGS"


@dataclass(frozen=True)
class CriminalHistory:
    """The static inputs every history model shares (n includes the current sanction)."""

    sex: Sex
    date_of_birth: date
    conviction_date: date
    start_of_follow_up: date
    assessment_date: date
    total_sanctions: int
    age_at_first_sanction: int
    violent_sanctions: int = 0


@dataclass(frozen=True)
class DynamicItems:
    """OASys need answers; None = not answered. A dynamic model runs only if its items are all in.

    OASys question numbers: 2.2 weapon, 3.4 accommodation suitability, 4.2 unemployed, 3.2/6.8
    living with a partner, 6.4 partner relationship, 6.7 domestic abuse perpetrator (and against
    a partner), 7.2 activities encourage offending, 8.8 motivation to tackle drug misuse,
    9.1 current alcohol use, 9.2 binge drinking, 11.2 impulsivity, 11.4 temper control,
    12.1 pro-criminal attitudes; section 8 drugs used; R1.2 previous offences.
    """

    weapon: bool | None = None
    accommodation_suitability: ProblemLevel | None = None
    unemployed: bool | None = None
    living_with_partner: bool | None = None
    partner_relationship: ProblemLevel | None = None
    domestic_abuse_perpetrator: bool | None = None
    domestic_abuse_against_partner: bool | None = None
    activities_encourage_offending: ProblemLevel | None = None
    motivation_to_tackle_drug_misuse: MotivationLevel | None = None
    current_alcohol_use: ProblemLevel | None = None
    binge_drinking: ProblemLevel | None = None
    impulsivity: ProblemLevel | None = None
    temper_control: ProblemLevel | None = None
    pro_criminal_attitudes: ProblemLevel | None = None
    drugs_used: frozenset[Drug] | None = None
    previous_convictions: frozenset[PreviousConviction] | None = None


DYNAMIC_ITEM_FIELDS = tuple(f.name for f in fields(DynamicItems))


def _answered(*names: str) -> Callable[[DynamicItems], bool]:
    return lambda items: all(getattr(items, n) is not None for n in names)


@dataclass(frozen=True)
class Item:
    """A dynamic item: term name, coefficient, how to score it and when it counts as answered."""

    name: str
    coefficient: float
    score: Callable[[DynamicItems], float]
    answered: Callable[[DynamicItems], bool]


def level_item(name: str, coefficient: float, attribute: str, multiplier: int = 1) -> Item:
    """Coefficient x the 0-2 (or 0/1 for a yes/no) answer, times a fixed OASys multiplier."""
    return Item(
        name,
        coefficient,
        lambda items: multiplier * int(getattr(items, attribute)),
        _answered(attribute),
    )


def member_item(name: str, coefficient: float, attribute: str, member: StrEnum) -> Item:
    """Coefficient if ``member`` is in a set-valued answer (drugs used, R1.2 previous offences)."""
    return Item(
        name,
        coefficient,
        lambda items: float(member in getattr(items, attribute)),
        _answered(attribute),
    )


def product_item(name: str, coefficient: float, first: str, second: str) -> Item:
    """Interaction term, e.g. living with a partner x partner-relationship problems."""
    return Item(
        name,
        coefficient,
        lambda items: int(getattr(items, first)) * int(getattr(items, second)),
        _answered(first, second),
    )


@dataclass(frozen=True)
class HistoryModel:
    """Coefficients of one model; a family a model does not have is left at zero/empty."""

    tool: str
    model_type: ModelType
    intercept: float
    age: Mapping[Sex, tuple[float, ...]]
    female: float
    first_sanction: float
    second_sanction: float
    per_sanction: float
    second_sanction_gap: Mapping[Sex, float]
    ofm: tuple[float, ...]
    copas: Mapping[Sex, tuple[float, ...]]
    copas_boost: int
    violence: bool = False
    never_violent: Mapping[Sex, float] = field(default_factory=dict)
    once_violent: float = 0.0
    per_violent: float = 0.0
    violent_rate: float = 0.0
    items: tuple[Item, ...] = ()


@dataclass(frozen=True)
class LogitResult:
    tool: str
    model_type: ModelType
    score: float
    band: Band | None
    linear_sum: float
    terms: tuple[Term, ...]

    def term(self, name: str) -> float:
        return term_value(self.terms, name)


def dynamic_complete(model: HistoryModel, items: DynamicItems | None) -> bool:
    """True when every dynamic item this model uses has an answer."""
    return items is not None and bool(model.items) and all(i.answered(items) for i in model.items)


def choose_model(
    static: HistoryModel,
    dynamic: HistoryModel,
    items: DynamicItems | None,
    force: ModelType | None = None,
) -> HistoryModel:
    """Dynamic when all its items are answered, else static; ``force`` overrides (OASys option)."""
    if force is ModelType.STATIC:
        return static
    if force is ModelType.DYNAMIC:
        if not dynamic_complete(dynamic, items):
            raise ValueError(f"{dynamic.tool} dynamic model needs every dynamic item answered")
        return dynamic
    return dynamic if dynamic_complete(dynamic, items) else static


def history_terms(model: HistoryModel, history: CriminalHistory) -> tuple[Term, ...]:
    """The static (criminal-history) terms, each named so the result can explain itself."""
    h = history
    age_at_conviction = age_on(h.date_of_birth, h.conviction_date)
    validate_history(
        h.total_sanctions,
        h.age_at_first_sanction,
        age_at_conviction,
        h.violent_sanctions if model.violence else None,
    )
    n = h.total_sanctions
    career = career_years(age_at_conviction, h.age_at_first_sanction)
    age_at_sof = age_on(h.date_of_birth, h.start_of_follow_up)
    ofm = offence_free_months(h.start_of_follow_up, h.assessment_date)
    copas = model.copas.get(h.sex, ())
    rate = copas_log(n, career, model.copas_boost) if n >= 3 else 0.0

    terms = [
        Term("intercept", model.intercept),
        Term("age", polynomial(model.age[h.sex], age_at_sof)),
        Term("female", model.female if h.sex is Sex.FEMALE else 0.0),
        Term("first_sanction", model.first_sanction if n == 1 else 0.0),
        Term("second_sanction", model.second_sanction if n == 2 else 0.0),
        Term("total_sanctions", model.per_sanction * n),
        Term(
            "second_sanction_gap",
            model.second_sanction_gap.get(h.sex, 0.0) * career if n == 2 else 0.0,
        ),
        Term("offence_free_months", polynomial(model.ofm, ofm)),
        Term("copas", copas[0] * rate if copas else 0.0),
        Term("copas_squared", copas[1] * rate**2 if len(copas) > 1 else 0.0),
    ]
    if model.violence:
        v = h.violent_sanctions
        terms += [
            Term("never_violent", model.never_violent[h.sex] if v == 0 else 0.0),
            Term("once_violent", model.once_violent if v == 1 else 0.0),
            Term("violent_sanctions", model.per_violent * v),
            Term(
                "violence_rate",
                model.violent_rate * copas_log(v, career, VIOLENT_RATE_CAREER_BOOST)
                if v > 0
                else 0.0,
            ),
        ]
    return tuple(terms)


def item_terms(model: HistoryModel, items: DynamicItems | None) -> tuple[Term, ...]:
    if model.model_type is ModelType.STATIC:
        return ()
    assert items is not None  # guaranteed by choose_model
    return tuple(Term(i.name, i.coefficient * i.score(items)) for i in model.items)


def score_model(
    model: HistoryModel,
    history: CriminalHistory,
    offence_terms: Sequence[Term],
    items: DynamicItems | None,
    band: Callable[[float], Band] | None,
) -> LogitResult:
    """z = history + offence + dynamic terms; score = logistic(z) as a % to 2 dp."""
    terms = history_terms(model, history) + tuple(offence_terms) + item_terms(model, items)
    z = sum(t.value for t in terms)
    score = percent_2dp(logistic(z))
    return LogitResult(
        tool=model.tool,
        model_type=model.model_type,
        score=score,
        band=band(score) if band else None,
        linear_sum=z,
        terms=terms,
    )
