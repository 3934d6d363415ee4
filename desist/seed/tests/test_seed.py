from collections import Counter

from django.core.management import call_command

from desist.accounts.models import Staff
from desist.people.identifiers import is_crn, normalise_pnc
from desist.people.models import Case
from desist.seed.demo import DEMO_USERS, seed_demo
from desist.seed.generator import seed


def test_seeded_data_is_plausible(db):
    seed(people=400, seed=3, regions=2, progress=False)
    cases = list(Case.objects.all())
    assert len(cases) == 400
    assert all(is_crn(c.crn) for c in cases)
    assert len({c.crn for c in cases}) == 400
    assert all(normalise_pnc(c.pnc) == c.pnc for c in cases if c.pnc)
    men = sum(c.gender == "M" for c in cases) / len(cases)
    assert 0.8 < men < 0.95
    per_practitioner = Counter(c.practitioner_id for c in cases)
    assert 25 <= sum(per_practitioner.values()) / len(per_practitioner) <= 45
    assert all(c.addresses.filter(status="MAIN").count() == 1 for c in cases[:50])


def test_determinism(transactional_db):
    seed(people=100, seed=11, regions=2, progress=False)
    names = list(Case.objects.order_by("id").values_list("crn", "first_name", "last_name"))
    call_command("flush", interactive=False, verbosity=0)
    seed(people=100, seed=11, regions=2, progress=False)
    again = list(Case.objects.order_by("id").values_list("crn", "first_name", "last_name"))
    assert again == names


def test_demo_has_one_sign_in_per_role(db):
    seed_demo(people=120)
    for username, *_ in DEMO_USERS:
        assert Staff.objects.get(username=username).has_usable_password()
    assert Case.objects.filter(practitioner__username="demo.po").count() >= 20
    assert Case.objects.filter(restricted=True).exists()
