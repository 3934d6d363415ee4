"""Turning an assessment's predictor inputs into scores with the rules modules.

Scores are always computed, never typed: the form collects the criminal-history inputs and
this module resolves the offence code and runs the predictors, keeping each term's
contribution so the case page can show why each score is what it is.

Which predictors run depends on the inputs and the assessment date (risk-tools.md §4-5):

- OGRS3 always: it needs only the offence and the sanction history, and tiering v2 reads it.
- Before the 2026 predictors came in (``predictors_2026.predictor_generation``): RSR from
  static SNSV, OSP/DC and OSP/IIC.
- From then on: static ARP and VRP, and CSRP from static SVRP, DC-SRP and IIC-SRP (which
  tiering v3 reads).

Only the static (criminal-history) models are scored here: OGP, OVP and the dynamic models
need the OASys need answers, which Desist does not hold yet. Inputs recorded before the form
asked for violent and sexual sanctions score OGRS3 only.
"""

import datetime as dt
from decimal import Decimal
from typing import Any

from desist.risk.selectors import offence_table
from desist.rules import actuarial, ogrs3, predictors_2026, rsr, snsv
from desist.rules.actuarial import ModelType, OffenceNotScorable, Term
from desist.rules.logit_model import CriminalHistory, LogitResult
from desist.rules.osp import OspDcInput, OspDcResult, OspIicResult, SexualHistory

SEX = {"M": actuarial.Sex.MALE, "F": actuarial.Sex.FEMALE}
STATIC = ModelType.STATIC

# Practitioners' words for each term the predictors report; a term not listed is shown with
# its own name made readable.
TERM_LABELS = {
    ogrs3.TERM_AGE_GENDER: "Age and gender",
    ogrs3.TERM_CONVICTION_STATUS: "First or repeat sanction",
    ogrs3.TERM_COPAS: "Rate of offending (Copas rate)",
    ogrs3.TERM_OFFENCE: "Current offence",
    "intercept": "Starting point",
    "age": "Age at start of follow-up",
    "female": "Gender",
    "first_sanction": "First sanction",
    "second_sanction": "Second sanction",
    "total_sanctions": "Number of sanctions",
    "second_sanction_gap": "Years between first and second sanction",
    "offence_free_months": "Months in the community",
    "copas_squared": "Rate of offending, squared",
    "never_violent": "Never violent",
    "once_violent": "Violent once",
    "violent_sanctions": "Number of violent sanctions",
    "violence_rate": "Rate of violent offending",
    "offence_vatp": "Current offence: type of violence",
    "contact_adult": "Contact sexual sanctions against adults",
    "contact_child": "Contact sexual sanctions against children",
    "non_contact": "Non-contact sexual sanctions",
    "age_at_start_of_follow_up": "Age at start of follow-up",
    "age_at_last_sexual_sanction": "Age at last sexual sanction",
    "two_or_more_sanctions": "Two or more sanctions",
    "stranger_victim": "Stranger victim",
}

LABELS = {
    "OGRS3": "OGRS3",
    "SNSV": "SNSV (serious non-sexual violence)",
    "OSP_DC": "OSP/DC (direct-contact sexual)",
    "OSP_IIC": "OSP/IIC (images and indirect contact)",
    "RSR": "RSR (risk of serious recidivism)",
    "ARP": "ARP (all reoffending)",
    "VRP": "VRP (violent reoffending)",
    "SVRP": "SVRP (serious violent reoffending)",
    "DC_SRP": "DC-SRP (direct-contact sexual)",
    "IIC_SRP": "IIC-SRP (images and indirect contact)",
    "CSRP": "CSRP (combined serious reoffending)",
}


class NotScorable(ValueError):
    """Inputs the predictors cannot score; the message is fit to show the practitioner."""


def _sentence(error: Exception) -> str:
    message = str(error)
    return message[:1].upper() + message[1:]


def _terms(terms: tuple[Term, ...], *, all_terms: bool = False) -> list[dict]:
    """Each term in words; the many that add nothing (a woman's terms for a man, say) are left
    out unless ``all_terms`` (OGRS3 has only four, and its offence weight may be 0)."""
    return [
        {
            "name": TERM_LABELS.get(t.name, t.name.replace("_", " ").capitalize()),
            "value": round(t.value, 4),
        }
        for t in terms
        if t.value or all_terms
    ]


def _logit(tool: str, result: LogitResult) -> dict:
    band = result.band.value if result.band else ""
    return _entry(tool, result.score, band, _terms(result.terms), result.model_type)


def _entry(tool, score, band, terms, model_type: ModelType | None = None) -> dict:
    """One predictor's score; ``model_type`` for the tools with static and dynamic versions."""
    return {
        "tool": tool,
        "label": LABELS[tool],
        "score": score,
        "band": band,
        "model_type": model_type.value if model_type else "",
        "terms": terms,
    }


def _sexual(tool: str, result: OspDcResult | OspIicResult) -> dict:
    terms = _terms(result.terms) if isinstance(result, OspDcResult) else []
    return _entry(tool, result.score, result.band.value, terms)


def _not_scored(tool: str, why: Exception) -> dict:
    return {"tool": tool, "label": LABELS[tool], "not_scored": _sentence(why)}


def _date(inputs, name) -> dt.date | None:
    return dt.date.fromisoformat(inputs[name]) if inputs.get(name) else None


def _history(case, assessed_on, inputs) -> CriminalHistory | None:
    if "violent_sanctions" not in inputs:
        return None
    return CriminalHistory(
        sex=SEX[case.gender],
        date_of_birth=case.date_of_birth,
        conviction_date=_date(inputs, "conviction_date"),
        start_of_follow_up=_date(inputs, "start_of_follow_up"),
        assessment_date=assessed_on,
        total_sanctions=inputs["total_sanctions"],
        age_at_first_sanction=inputs["age_at_first_sanction"],
        violent_sanctions=inputs["violent_sanctions"],
    )


def _sexual_input(case, inputs) -> OspDcInput | None:
    if "sexual_history" not in inputs:
        return None
    return OspDcInput(
        sexual=SexualHistory(
            sex=SEX[case.gender],
            has_sexual_offence_history=inputs["sexual_history"],
            contact_adult_sanctions=inputs.get("contact_adult_sanctions", 0),
            contact_child_sanctions=inputs.get("contact_child_sanctions", 0),
            non_contact_sanctions=inputs.get("non_contact_sanctions", 0),
            image_sanctions=inputs.get("image_sanctions", 0),
        ),
        date_of_birth=case.date_of_birth,
        start_of_follow_up=_date(inputs, "start_of_follow_up"),
        total_sanctions=inputs["total_sanctions"],
        most_recent_sexual_sanction_date=_date(inputs, "most_recent_sexual_sanction"),
        stranger_victim=inputs.get("stranger_victim", False),
    )


def _legacy(code, history, sexual, table) -> tuple[list[dict], dict]:
    """Static RSR and its components."""
    try:
        weights = snsv.snsv_offence_for_code(code, table)
    except OffenceNotScorable as why:
        return [_not_scored("RSR", why)], {}
    result = rsr.rsr(rsr.RsrInput(snsv.SnsvInput(history, weights), sexual), snsv_force=STATIC)
    entries = [
        _logit("SNSV", result.snsv),
        _sexual("OSP_DC", result.osp_dc),
        _sexual("OSP_IIC", result.osp_iic),
        _entry("RSR", result.score, result.band.value, [], STATIC),
    ]
    return entries, {"rsr_percent": Decimal(str(result.score)), "rsr_band": result.band.value}


def _ogrs4(code, history, sexual, table) -> tuple[list[dict], dict]:
    """Static ARP and VRP, and CSRP with its components when the sexual history is known."""
    try:
        category = predictors_2026.category_2026_for_code(code, table)
    except OffenceNotScorable as why:
        return [_not_scored(tool, why) for tool in ("ARP", "VRP", "CSRP")], {}
    inp = predictors_2026.Input2026(history, category)
    arp = predictors_2026.arp(inp, force=STATIC)
    entries = [_logit("ARP", arp), _logit("VRP", predictors_2026.vrp(inp, force=STATIC))]
    fields: dict[str, Any] = {"arp_percent": Decimal(str(arp.score)), "arp_type": STATIC.value}
    if sexual is not None:
        csrp = predictors_2026.csrp(predictors_2026.CsrpInput(inp, sexual), svrp_force=STATIC)
        entries += [
            _logit("SVRP", csrp.svrp),
            _sexual("DC_SRP", csrp.dc_srp),
            _sexual("IIC_SRP", csrp.iic_srp),
            _entry("CSRP", csrp.score, csrp.band.value, [], STATIC),
        ]
        fields |= {
            "csrp_percent": Decimal(str(csrp.score)),
            "csrp_type": STATIC.value,
            "dc_srp_percent": Decimal(str(csrp.dc_srp.score)),
            "dc_srp_band": csrp.dc_srp.band.value,
        }
    return entries, fields


def score(*, case, assessed_on: dt.date, inputs: dict[str, Any]) -> dict[str, Any]:
    """The model fields of a PredictorScores row for these inputs (dates as ISO text), scored
    with the offence map as the administrator keeps it."""
    offences = offence_table()
    if case.gender not in SEX:
        raise NotScorable("The predictors need the person's sex to be recorded as male or female")
    code = inputs["offence_code"]
    try:
        result = ogrs3.ogrs3(
            ogrs3.Ogrs3Input(
                sex=SEX[case.gender],
                date_of_birth=case.date_of_birth,
                conviction_date=_date(inputs, "conviction_date"),
                start_of_follow_up=_date(inputs, "start_of_follow_up"),
                total_sanctions=inputs["total_sanctions"],
                age_at_first_sanction=inputs["age_at_first_sanction"],
                offence=ogrs3.ogrs3_offence_for_code(code, offences),
            )
        )
        generation = predictors_2026.predictor_generation(assessed_on)
        entries = [_entry("OGRS3", result.two_year, result.band.value, [])]
        fields: dict[str, Any] = {}
        history, sexual = _history(case, assessed_on, inputs), _sexual_input(case, inputs)
        if history is not None and generation is predictors_2026.Generation.OGRS4:
            more, fields = _ogrs4(code, history, sexual, offences)
            entries += more
        elif history is not None and sexual is not None:
            more, fields = _legacy(code, history, sexual, offences)
            entries += more
    except ValueError as error:  # OffenceNotScorable is a ValueError too
        raise NotScorable(_sentence(error)) from None
    return {
        "inputs": inputs,
        "ogrs3_one_year": result.one_year,
        "ogrs3_two_year": result.two_year,
        "ogrs3_band": result.band.value,
        "ogrs3_terms": _terms(result.terms, all_terms=True),
        "generation": generation.value,
        "predictors": entries,
        **fields,
    }
