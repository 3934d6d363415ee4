"""Tests for desist.rules.tier_convictions: every Desist sentence type and requirement
category, read through tiering's mandate for change."""

import pytest

from desist.rules.requirements import CATEGORIES
from desist.rules.tier_convictions import RESTRICTIVE, conviction
from desist.rules.tiering import has_mandate_for_change


@pytest.mark.parametrize("sentence_type", ["SDS", "PSS"])
def test_custody_is_a_mandate_for_change_on_its_own(sentence_type):
    assert has_mandate_for_change([conviction(sentence_type, [])])


@pytest.mark.parametrize("code", sorted(CATEGORIES))
@pytest.mark.parametrize("sentence_type", ["CO", "SSO"])
def test_an_order_has_a_mandate_only_with_a_change_requirement(sentence_type, code):
    mandate = has_mandate_for_change([conviction(sentence_type, [code])])
    assert mandate == (code not in RESTRICTIVE and code != "UPW")


def test_an_order_with_no_requirements_or_only_unpaid_work_and_curfew_has_no_mandate():
    assert not has_mandate_for_change([conviction("CO", [])])
    assert not has_mandate_for_change([conviction("CO", ["UPW", "CURF"])])
    assert has_mandate_for_change([conviction("CO", ["UPW", "CURF", "RAR"])])


def test_every_restrictive_code_is_a_real_requirement():
    assert RESTRICTIVE <= set(CATEGORIES)
