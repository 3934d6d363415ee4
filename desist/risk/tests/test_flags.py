"""The risk summary's tags as the case header and the court list show them."""

from types import SimpleNamespace

from desist.risk.templatetags.risk import risk_flags


def test_every_tag_in_its_colour_and_nothing_without_a_summary():
    risk = SimpleNamespace(
        rosh="VERY_HIGH",
        get_rosh_display=lambda: "Very high",
        flags=[{"label": "Child concerns", "colour": "red"}, {"label": "IOM <x>"}],
        tier_v2="A3",
        tier_v3="B",
        tier_v3_provisional=True,
    )
    assert risk_flags(risk).split("\n") == [
        '<strong class="govuk-tag govuk-tag--red">RoSH: Very high</strong>',
        '<strong class="govuk-tag govuk-tag--red">Child concerns</strong>',
        '<strong class="govuk-tag govuk-tag--grey">IOM &lt;x&gt;</strong>',
        '<strong class="govuk-tag govuk-tag--blue">Tier A3</strong>',
        '<strong class="govuk-tag govuk-tag--blue">Tier v3 B (provisional)</strong>',
    ]
    unscored = SimpleNamespace(rosh="", flags=[], tier_v2="", tier_v3="MISSING")
    assert risk_flags(unscored) == "" and risk_flags(None) == ""
