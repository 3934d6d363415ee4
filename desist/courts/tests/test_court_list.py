"""Reading a court list file: good rows read, bad rows reported by row number and column."""

from desist.courts.court_list import normalise_postcode, read_court_list, split_name
from desist.courts.tests.conftest import court_list_csv, listed


def test_a_good_row_is_read_with_its_offences_and_postcode():
    text = court_list_csv(
        listed(offences="Theft (2026-10-01); Assault by beating (02/10/2026)", in_custody="Yes")
    )
    (defendant,), errors = read_court_list(text)
    assert errors == []
    assert (defendant.first_name, defendant.last_name) == ("John", "Smith")
    assert defendant.postcode == "NE1 4XF"
    assert defendant.in_custody
    assert defendant.offences == [
        {"description": "Theft", "date": "2026-10-01"},
        {"description": "Assault by beating", "date": "2026-10-02"},
    ]


def test_each_bad_row_is_reported_by_row_number_and_column_and_good_rows_still_read():
    text = court_list_csv(
        listed(list_number="1"),
        listed(list_number="2", date_of_birth="31/02/1985"),
        listed(list_number="3", pnc="2004/0046583A"),
        listed(list_number="4", session="evening"),
        listed(list_number="5", offences="Theft (yesterday)"),
        listed(list_number="6", in_custody="maybe"),
        listed(list_number="1"),
        listed(list_number="8"),
    )
    defendants, errors = read_court_list(text)
    assert [d.list_number for d in defendants] == [1, 8]
    assert [(e.row, e.column) for e in errors] == [
        (3, "date_of_birth"),
        (4, "pnc"),
        (5, "session"),
        (6, "offences"),
        (7, "in_custody"),
        (8, "list_number"),
    ]
    assert str(errors[0]) == "Row 3, date of birth: is not a date like 1985-03-27"


def test_a_file_without_the_headings_is_one_error():
    defendants, errors = read_court_list("name,dob\nJohn Smith,1985-03-27\n")
    assert defendants == []
    assert errors[0].row == 1 and "court" in errors[0].message


def test_names_are_read_in_register_and_natural_order():
    assert split_name("O'NEILL, Siobhan Mary") == ("Siobhan Mary", "O'Neill")
    assert split_name("john smith") == ("John", "Smith")


def test_postcodes_are_found_at_the_end_of_an_address():
    assert normalise_postcode("1 High St, Newcastle ne14xf") == "NE1 4XF"
    assert normalise_postcode("No fixed abode") == ""


def test_a_date_of_birth_after_the_hearing_is_refused():
    _, errors = read_court_list(court_list_csv(listed(date_of_birth="2027-01-01")))
    assert errors[0].column == "date_of_birth"
