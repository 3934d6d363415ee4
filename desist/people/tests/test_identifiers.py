from hypothesis import given
from hypothesis import strategies as st

from desist.people.identifiers import format_pnc, is_crn, normalise_pnc


def test_a_published_example_pnc_is_valid():
    assert normalise_pnc("2004/0046583U") == "2004/0046583U"


def test_short_forms_are_normalised():
    assert normalise_pnc("04/46583U") == "2004/0046583U"
    assert normalise_pnc(" 2004/46583u ") == "2004/0046583U"


def test_a_wrong_check_letter_is_refused():
    assert normalise_pnc("2004/0046583A") is None


def test_malformed_pncs_are_refused():
    for text in ("", "2004-0046583U", "2004/0046583", "20040/046583U", "ABCD/0046583U"):
        assert normalise_pnc(text) is None


@given(st.integers(1930, 2029), st.integers(1, 9_999_999))
def test_generated_pncs_validate(year, serial):
    assert normalise_pnc(format_pnc(year, serial)) == format_pnc(year, serial)


@given(
    st.integers(1930, 2029), st.integers(1, 9_999_999), st.sampled_from("ZABCDEFGHJKLMNPQRTUVWXY")
)
def test_exactly_one_check_letter_is_right(year, serial, letter):
    valid = format_pnc(year, serial)
    candidate = valid[:-1] + letter
    assert (normalise_pnc(candidate) is not None) == (letter == valid[-1])


def test_crn_shape():
    assert is_crn("X123456") and is_crn("x123456")
    assert not is_crn("X12345") and not is_crn("12345678") and not is_crn("XX12345")
