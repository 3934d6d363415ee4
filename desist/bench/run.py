"""Benchmark at national scale: 250,000 people on PostgreSQL, the app under gunicorn, concurrent
clients on loopback, p50/p95 per page and each page's ratio to a floor endpoint that
does the least a signed-in request can do (session check and SELECT 1).

    make bench                                   # builds the dataset once, then reuses it
    make bench BENCH_ARGS="--reseed"             # rebuild and time the seed
    make bench BENCH_ARGS="--requests 200 --seconds 30"

Writes bench-results/bench.json and prints a table. Fails loudly (non-zero exit) if any
endpoint answers anything but 200; a missed latency target is reported, not an error.

The database (--database-url, else DATABASE_URL, else desist_bench on the local server) is
dropped and rebuilt when it lacks the people or was built by other seed code (newer migrations
are applied to a reused one);
a database whose name does not contain "bench" is only ever dropped with --reseed.
"""

import argparse
import hashlib
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import quote_plus, urlencode, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/desist_bench"
BENCH_SECRET_KEY = "desist-bench-only-secret-key-not-for-production-0123456789"
FLOOR = "floor"
# Targets: p95 in milliseconds, and every page within MAX_RATIO times the floor's p95.
TARGETS_MS = {
    "name search": 50,
    "CRN search": 50,
    "case page": 100,
    "caseload": 100,
    "case timeline": 100,
    "week diary": 100,
    "missing outcomes": 100,
    "record outcome": 150,
    "home page": 150,
    "team page": 150,
    "referrals": 100,
    "court list": 100,
    "session register": 100,
}
MAX_RATIO = 5
# People with a year of history (events, appointments, notes, risk): under 20 minutes.
SEED_TARGET_SECONDS = 1200
TIER_BATCH_TARGET_SECONDS = 60  # the nightly batch at 250,000 cases, process start included
WARM_UP = 40
NAME_QUERIES = 20
CRN_QUERIES = 40
CASELOAD_TARGET = 40
TIMELINE_CONTACTS = 500
# A region's morning list: 300 defendants over six magistrates' courts (about 1,500 are listed
# a day nationally); the page measured is one court's day.
COURT_LIST_DEFENDANTS = 300
COURTS_LISTED = 6
COURT_IMPORT_TARGET_SECONDS = 10
REGISTER_SIZE = 12  # a full group: the facilitator's register page is measured at its largest
# The CSRF secret the bench's POSTs present, as cookie and as form field (Django accepts the
# unmasked 32-character secret in the form).
BENCH_CSRF = "benchbenchbenchbenchbenchbench00"


class BenchError(RuntimeError):
    pass


def bench_env(url: str) -> dict[str, str]:
    """The environment the app runs with: production settings, two-factor required."""
    return {
        **os.environ,
        "DATABASE_URL": url,
        "SECRET_KEY": BENCH_SECRET_KEY,
        "DESIST_DEMO": "False",
        "DEBUG": "False",
        "SECURE_COOKIES": "False",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SETTINGS_MODULE": "desist.settings",
    }


def _admin_url(url: str) -> tuple[str, str]:
    """(the database's name, a URL for the same server's `postgres` database)."""
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if not name:
        raise BenchError(f"No database name in {url}")
    return name, urlunsplit(parts._replace(path="/postgres"))


def dataset_fingerprint(people: int) -> str:
    """Identifies what built a dataset: the size and the generator's code. A dataset built by
    another generator is rebuilt rather than measured; newer migrations are applied to it."""
    digest = hashlib.sha256(f"people={people} seed=1".encode())
    files = sorted(p for p in (ROOT / "desist" / "seed").glob("*.py") if p.name != "demo.py")
    for path in files:
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return f"desist-bench {digest.hexdigest()[:16]}"


def source_fingerprint() -> dict:
    """The code measured: git HEAD (read only) and a digest of the working tree's source."""
    digest = hashlib.sha256()
    for path in sorted((ROOT / "desist").rglob("*.py")):
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    head = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    return {"git_head": head or None, "source_sha256": digest.hexdigest()[:16]}


def _database_comment(admin: str, name: str) -> str | None:
    import psycopg

    with psycopg.connect(admin, connect_timeout=10) as conn:
        row = conn.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
            [name],
        ).fetchone()
    return row[0] if row else None


def _count_people(url: str) -> int:
    import psycopg

    try:
        with psycopg.connect(url, connect_timeout=10) as db:
            return db.execute("SELECT count(*) FROM people_case").fetchone()[0]
    except psycopg.Error:
        return 0  # no database or no tables yet


def _run(label: str, args: list[str], env: dict[str, str]) -> float:
    print(f"$ {' '.join(args[1:])}", flush=True)
    started = time.monotonic()
    result = subprocess.run([PYTHON, *args], env=env, cwd=ROOT)
    seconds = time.monotonic() - started
    if result.returncode != 0:
        raise BenchError(f"{label} failed (exit {result.returncode}) after {seconds:.1f} s")
    return seconds


def ensure_dataset(url: str, people: int, reseed: bool) -> dict:
    """Reuse the database if it holds enough people; otherwise rebuild and time the seed.
    Returns what to report about the dataset."""
    import psycopg
    from psycopg import sql

    name, admin = _admin_url(url)
    fingerprint = dataset_fingerprint(people)
    existing = 0 if reseed else _count_people(url)
    if existing >= people:
        if _database_comment(admin, name) == fingerprint:
            print(f"Reusing {existing:,} people in database {name}", flush=True)
            _run("migrate", ["-m", "desist", "migrate", "--no-input", "-v0"], bench_env(url))
            # Earlier runs added their requests' audit rows, case notes and outcomes faster
            # than autovacuum re-reads the tables: plan on up-to-date statistics, as a
            # maintained server would.
            with psycopg.connect(url, autocommit=True) as db:
                db.execute("ANALYZE")
            return {"people": existing, "seeded": False, "seed_seconds": None}
        print(f"Database {name} was built by other seed code or migrations: rebuilding")
    else:
        print(f"Database {name} has {existing:,} people (want {people:,}): rebuilding")
    if "bench" not in name and not reseed:
        raise BenchError(
            f"Refusing to drop database {name!r}: its name does not contain 'bench'. "
            "Pass --reseed to confirm, or point --database-url at a bench database."
        )
    with psycopg.connect(admin, autocommit=True, connect_timeout=10) as conn:
        drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
        conn.execute(drop.format(sql.Identifier(name)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    env = bench_env(url)
    migrate_seconds = _run("migrate", ["-m", "desist", "migrate", "--no-input", "-v0"], env)
    seed_seconds = _run(
        "seed",
        ["-m", "desist", "seed", "--people", str(people), "--seed", "1"],
        env,
    )
    print(f"Seeded {people:,} people in {seed_seconds:.1f} s", flush=True)
    started = time.monotonic()
    with psycopg.connect(url, autocommit=True) as db:
        db.execute("VACUUM ANALYZE")
    vacuum_seconds = time.monotonic() - started
    with psycopg.connect(admin, autocommit=True) as conn:
        comment = sql.SQL("COMMENT ON DATABASE {} IS {}")
        conn.execute(comment.format(sql.Identifier(name), sql.Literal(fingerprint)))
    print(f"VACUUM ANALYZE in {vacuum_seconds:.1f} s", flush=True)
    return {
        "people": _count_people(url),
        "seeded": True,
        "migrate_seconds": round(migrate_seconds, 1),
        "seed_seconds": round(seed_seconds, 1),
        "vacuum_analyze_seconds": round(vacuum_seconds, 1),
    }


def _misspell(word: str, rng: random.Random) -> str:
    """Drop one inner letter ("smith" -> "smth"), as a hurried typist does."""
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1 :]


def prepare(url: str, posts: int) -> dict:
    """Signed-in, two-factor-verified sessions for a probation officer with about 40 cases
    (and, for the POSTs, a colleague, so the officer's worklists stay as they were), and the
    requests to measure. Runs in this process against the bench database."""
    os.environ.update(bench_env(url))
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.db.models import Count
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from desist.access.selectors import visible_cases
    from desist.accounts.models import Staff
    from desist.accounts.roles import Role
    from desist.people.models import Case
    from desist.people.search import case_search

    assert settings.SESSION_COOKIE_NAME == "sessionid"
    assert not settings.DEMO_MODE, "the bench runs with two-factor sign-in required"
    loads = dict(
        Case.objects.exclude(practitioner=None)
        .values_list("practitioner_id")
        .annotate(n=Count("id"))
        .values_list("practitioner_id", "n")
    )
    officers = Staff.objects.filter(
        pk__in=loads, roles__contains=[Role.PROBATION_OFFICER.value], is_active=True
    ).values_list("pk", flat=True)
    ranked = sorted(officers, key=lambda pk: (abs(loads[pk] - CASELOAD_TARGET), pk))
    if not ranked:
        raise BenchError("No probation officer holds a caseload: is the dataset seeded?")
    user = Staff.objects.get(pk=ranked[0])
    poster = Staff.objects.get(pk=ranked[1])

    def signed_in(user) -> str:
        device = TOTPDevice.objects.filter(user=user, name="bench", confirmed=True).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.create()
        return f"sessionid={session.session_key}; csrftoken={BENCH_CSRF}"

    visible = visible_cases(user)
    own = list(visible.filter(practitioner=user).order_by("crn").values_list("crn", flat=True))
    rng = random.Random(1)
    max_id = Case.objects.order_by("-pk").values_list("pk", flat=True).first()
    sample_ids = rng.sample(range(1, max_id + 1), 400)
    sample = list(
        visible.filter(pk__in=sample_ids)
        .order_by("pk")
        .values_list("crn", "first_name", "last_name")
    )
    named = [row for row in sample if len(row[2]) >= 4 and " " not in row[2]][:NAME_QUERIES]
    name_queries = [(crn, f"{first} {_misspell(last, rng)}".lower()) for crn, first, last in named]
    # How often the misspelt query finds the person it was made from (reported, not asserted).
    found = sum(
        any(m.case.crn == crn for m in case_search(user, query)) for crn, query in name_queries
    )
    crns = [crn for crn, _, _ in sample[:CRN_QUERIES]]
    week = f"/diary/?view=week&date={date.today().isoformat()}"
    manager = Staff.objects.filter(
        team=user.team, roles__contains=[Role.SENIOR_PROBATION_OFFICER.value], is_active=True
    ).first()
    court_officer = Staff.objects.filter(
        roles__contains=[Role.COURT_OFFICER.value], is_active=True
    ).first()
    court_day, court_import = _court_list(court_officer, sample, rng)
    facilitator, register = _register_page()
    return {
        "cookies": {
            "officer": signed_in(user),
            "colleague": signed_in(poster),
            "manager": signed_in(manager),
            "court officer": signed_in(court_officer),
            "facilitator": signed_in(facilitator),
        },
        "user": {
            "username": user.username,
            "roles": user.roles,
            "caseload": loads[user.pk],
            "caseload_visible": len(own),
            "team_practitioners": Staff.objects.filter(team=user.team)
            .exclude(pk=manager.pk)
            .count(),
        },
        "court_list_import": court_import,
        "name_queries": [query for _, query in name_queries],
        "name_queries_finding_their_person": found,
        "paths": {
            FLOOR: ["/health/session"],
            "name search": [f"/search/?q={quote_plus(q)}" for _, q in name_queries],
            "CRN search": [f"/search/?q={crn}" for crn in crns],
            "case page": [f"/cases/{crn}/" for crn in own],
            "caseload": ["/caseload/"],
            "home page": ["/"],
            "case timeline": [f"/cases/{_timeline_case(own, TIMELINE_CONTACTS)}/timeline/"],
            "week diary": [week],
            "missing outcomes": ["/diary/missing-outcomes/"],
            "record outcome": _outcome_posts(poster, posts),
            "referrals": [f"/cases/{crn}/referrals/" for crn in own],
            "team page": ["/team/"],
            "court list": [court_day],
            "session register": [register],
        },
        # Whose session each endpoint is measured with, where it is not the officer's.
        "sessions": {
            "record outcome": "colleague",
            "team page": "manager",
            "court list": "court officer",
            "session register": "facilitator",
        },
    }


def _register_page() -> tuple:
    """A facilitator and the register of one of their groups' sessions with REGISTER_SIZE
    people on it."""
    from django.db.models import Count

    from desist.programmes.models import GroupSession

    session = (
        GroupSession.objects.annotate(people=Count("group__members"))
        .filter(people=REGISTER_SIZE)
        .select_related("group__lead_facilitator")
        .order_by("-starts_at", "pk")
        .first()
    )
    if session is None:
        raise BenchError(f"No group of {REGISTER_SIZE}: is the dataset seeded with programmes?")
    return session.group.lead_facilitator, f"/programmes/sessions/{session.pk}/"


def _court_list(court_officer, sample: list[tuple], rng: random.Random) -> tuple[str, dict]:
    """Import today's list of COURT_LIST_DEFENDANTS over COURTS_LISTED magistrates' courts,
    matched against every case: two in three people already known (one in four with a misspelt
    surname), the rest new. Timed, as the court officer's morning import. Returns the first
    court's day to measure, and the import's figures."""
    from faker import Faker

    from desist.courts.models import Hearing
    from desist.courts.services import court_list_import
    from desist.organisation.models import Court
    from desist.people.models import Case

    courts = list(Court.objects.filter(is_crown_court=False).order_by("code")[:COURTS_LISTED])
    court = courts[0]
    today = date.today()
    Hearing.objects.filter(court__in=courts, hearing_date=today).delete()  # the bench's list
    known = Case.objects.in_bulk([crn for crn, _, _ in sample], field_name="crn")
    faker = Faker("en_GB")
    faker.seed_instance(7)
    rows = [
        "court,date,session,courtroom,list_number,defendant_name,date_of_birth,pnc,address,"
        "offences,in_custody"
    ]
    for number in range(1, COURT_LIST_DEFENDANTS + 1):
        if number % 3 and known:
            case = known[sample[number % len(sample)][0]]
            surname = _misspell(case.last_name, rng) if number % 4 == 0 else case.last_name
            name, born, pnc = f"{case.first_name} {surname}", case.date_of_birth, case.pnc
        else:
            name, born, pnc = faker.name(), faker.date_of_birth(minimum_age=18, maximum_age=70), ""
        rows.append(
            f"{courts[number % len(courts)].code},{today.isoformat()},"
            f"{'am' if number % 2 else 'pm'},{number % 4 + 1},"
            f"{number},{name.replace(',', ' ')},{born.isoformat()},{pnc},,"
            f"Theft from a shop ({today.isoformat()}),no"
        )
    started = time.monotonic()
    result = court_list_import(text="\n".join(rows) + "\n", by=court_officer)
    seconds = time.monotonic() - started
    hearings = Hearing.objects.filter(court__in=courts, hearing_date=today)
    summary = {
        "defendants": COURT_LIST_DEFENDANTS,
        "courts": len(courts),
        "defendants_on_the_page": hearings.filter(court=court).count(),
        "seconds": round(seconds, 2),
        "target_seconds": COURT_IMPORT_TARGET_SECONDS,
        "met": seconds < COURT_IMPORT_TARGET_SECONDS,
        "imported": result.imported,
        "row_errors": len(result.errors),
        "matched_on_identifier": hearings.exclude(case=None).count(),
    }
    print(
        f"Court list: {COURT_LIST_DEFENDANTS} defendants imported and matched in {seconds:.2f} s",
        flush=True,
    )
    return (
        f"/courts/?court={court.pk}&hearing_date_day={today.day}&hearing_date_month="
        f"{today.month}&hearing_date_year={today.year}",
        summary,
    )


def _timeline_case(crns: list[str], contacts: int) -> str:
    """The officer's case with the longest history, topped up with case notes to ``contacts``
    (the issue's long-timeline case). Idempotent: a rerun adds nothing."""
    from django.db.models import Count
    from django.utils import timezone

    from desist.people.models import Case
    from desist.supervision.constants import ContactType
    from desist.supervision.models import Contact

    case = (
        Case.objects.filter(crn__in=crns)
        .annotate(n=Count("case_notes"))
        .order_by("-n", "crn")
        .first()
    )
    missing = contacts - case.n
    now = timezone.now()
    Contact.objects.bulk_create(
        Contact(
            case=case,
            type=ContactType.PHONE_TO_PERSON,
            at=now - timedelta(days=3 * i + 400),
            notes="Checked in by phone; no concerns raised.",
            created_by=case.practitioner,
        )
        for i in range(max(missing, 0))
    )
    return case.crn


def _outcome_posts(user, count: int) -> list[dict]:
    """``count`` appointments on the colleague's cases, yesterday and still without an outcome,
    each with the POST that records it (a POST can be measured only once per appointment)."""
    from django.utils import timezone

    from desist.people.models import Case
    from desist.supervision.constants import AppointmentType, Outcome
    from desist.supervision.models import Appointment

    cases = list(Case.objects.filter(practitioner=user).order_by("pk")[:20])
    start = timezone.now() - timedelta(days=1)
    made = Appointment.objects.bulk_create(
        Appointment(
            case=cases[i % len(cases)],
            practitioner=user,
            type=AppointmentType.PHONE,
            starts_at=start - timedelta(minutes=i),
            duration_minutes=1,
            created_by=user,
        )
        for i in range(count)
    )
    body = urlencode(
        {
            "csrfmiddlewaretoken": BENCH_CSRF,
            "version": 1,
            "outcome": Outcome.ATTENDED_COMPLIED,
            "absence_reason": "",
            "notes": "Attended by phone (bench).",
        }
    )
    by_case = {case.pk: case.crn for case in cases}
    return [
        {
            "method": "POST",
            "path": f"/cases/{by_case[a.case_id]}/appointments/{a.pk}/outcome/",
            "body": body,
            "expect": 302,
        }
        for a in made
    ]


def measure_tier_batch(url: str) -> dict:
    """The nightly tier batch over every case, next to the cheapest possible pass over the same
    rows (one UPDATE of every case's risk summary), so its cost reads against a floor."""
    import psycopg

    batch_seconds = _run(
        "tier batch", ["-m", "desist", "recalculate_tiers", "--no-progress"], bench_env(url)
    )
    with psycopg.connect(url) as db:
        cases = db.execute("SELECT count(*) FROM people_case").fetchone()[0]
        started = time.monotonic()
        db.execute("UPDATE risk_caserisk SET calculated_at = calculated_at")
        db.commit()
        update_seconds = time.monotonic() - started
    row = {
        "cases": cases,
        "batch_seconds": round(batch_seconds, 1),
        "batch_cases_per_second": round(cases / batch_seconds),
        "bulk_update_seconds": round(update_seconds, 1),
        "bulk_update_rows_per_second": round(cases / update_seconds),
        "target_seconds": TIER_BATCH_TARGET_SECONDS,
    }
    row["met"] = batch_seconds < TIER_BATCH_TARGET_SECONDS
    print(
        f"Tier batch: {cases:,} cases in {batch_seconds:.1f} s "
        f"(a bare UPDATE of the same rows: {update_seconds:.1f} s)",
        flush=True,
    )
    return row


def measure_actions_refresh(url: str) -> dict:
    """The nightly refresh of every member of staff's stored actions (desist.oversight.actions),
    reported without a target: it runs while nobody works. Everyone's are first dated a day
    back, as they are when the night's refresh starts."""
    import psycopg

    with psycopg.connect(url) as db:
        db.execute("UPDATE oversight_actionsstate SET computed_on = computed_on - 1")
        db.commit()
    seconds = _run(
        "actions refresh", ["-m", "desist", "refresh_open_actions", "--no-progress"], bench_env(url)
    )
    print(f"Nightly actions refresh: {seconds:.1f} s", flush=True)
    return {"seconds": round(seconds, 1)}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_gunicorn(url: str, port: int, workers: int) -> subprocess.Popen:
    gunicorn = Path(PYTHON).parent / "gunicorn"
    args = [
        str(gunicorn),
        "desist.wsgi:application",
        "-b",
        f"127.0.0.1:{port}",
        "-w",
        str(workers),
        "--log-level",
        "warning",
    ]
    print(f"$ {' '.join(args[1:])}", flush=True)
    # Whitenoise warns once per worker that STATIC_ROOT is absent: nothing measured is static.
    env = {**bench_env(url), "PYTHONWARNINGS": "ignore:No directory at:UserWarning"}
    server = subprocess.Popen(args, env=env, cwd=ROOT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise BenchError(f"gunicorn exited with {server.returncode} before answering")
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        try:
            conn.request("GET", "/health/live")
            response = conn.getresponse()
            response.read()
            if response.status == 200:
                return server
        except OSError:
            pass
        finally:
            conn.close()
        time.sleep(0.2)
    stop(server)
    raise BenchError("gunicorn did not answer /health/live within 60 s")


def stop(server: subprocess.Popen) -> None:
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


class Clients:
    """Concurrent clients, each with its own keep-alive connection."""

    # gunicorn's sync workers close the connection after each response (they do not keep
    # connections alive); http.client then reconnects on the next request by itself, so each
    # latency includes a loopback TCP connect, as it would behind a proxy without keep-alive.

    def __init__(self, port: int, concurrency: int):
        self.port = port
        self.connections = [
            http.client.HTTPConnection("127.0.0.1", port, timeout=60) for _ in range(concurrency)
        ]

    def run(
        self, requests: list, cookie: str, count: int, seconds: float, start: int = 0
    ) -> list[float]:
        """Send up to ``count`` requests, taking ``requests`` in turn from ``start``, stopping
        after ``seconds``. A request is a GET path or a dict (method, path, body, expect).
        Returns each latency in milliseconds; raises if any answer is not the expected one."""
        timings: list[float] = []
        errors: list[str] = []
        lock = threading.Lock()
        issued = 0
        deadline = time.monotonic() + seconds

        def take() -> int | None:
            nonlocal issued
            with lock:
                if issued >= count or errors or time.monotonic() > deadline:
                    return None
                issued += 1
                return issued - 1

        def client(conn: http.client.HTTPConnection) -> None:
            while (i := take()) is not None:
                request = requests[(start + i) % len(requests)]
                if isinstance(request, str):
                    request = {"method": "GET", "path": request}
                method, path = request["method"], request["path"]
                headers = {"Cookie": cookie}
                if "body" in request:
                    headers["Content-Type"] = "application/x-www-form-urlencoded"
                started = time.perf_counter()
                try:
                    conn.request(method, path, body=request.get("body"), headers=headers)
                    response = conn.getresponse()
                    body = response.read()
                except (OSError, http.client.HTTPException) as error:
                    conn.close()
                    with lock:
                        errors.append(f"{method} {path}: {type(error).__name__}: {error}")
                    return
                elapsed = (time.perf_counter() - started) * 1000
                if response.status != request.get("expect", 200):
                    where = response.getheader("Location", "")
                    with lock:
                        errors.append(
                            f"{method} {path} answered {response.status} {where} "
                            f"{body[:200].decode(errors='replace')!r}"
                        )
                    return
                with lock:
                    timings.append(elapsed)

        threads = [threading.Thread(target=client, args=(c,)) for c in self.connections]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        if errors:
            raise BenchError("; ".join(errors[:3]))
        return timings

    def close(self) -> None:
        for conn in self.connections:
            conn.close()


def percentile(values: list[float], p: float) -> float:
    """Linear-interpolated percentile (as numpy's default)."""
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    rank = (len(ordered) - 1) * p / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def summarise(timings: list[float], wall_seconds: float) -> dict:
    return {
        "count": len(timings),
        "p50_ms": round(percentile(timings, 50), 1),
        "p95_ms": round(percentile(timings, 95), 1),
        "mean_ms": round(statistics.mean(timings), 1),
        "max_ms": round(max(timings), 1),
        "throughput_rps": round(len(timings) / wall_seconds, 1),
    }


def judge(results: dict) -> None:
    floor = results[FLOOR]["p95_ms"]
    for name, row in results.items():
        row["ratio_to_floor_p95"] = round(row["p95_ms"] / floor, 2)
        if name in TARGETS_MS:
            row["target_p95_ms"] = TARGETS_MS[name]
            row["target_ratio"] = MAX_RATIO
            row["p95_met"] = row["p95_ms"] <= TARGETS_MS[name]
            row["ratio_met"] = row["ratio_to_floor_p95"] <= MAX_RATIO
            row["met"] = row["p95_met"] and row["ratio_met"]


def print_table(report: dict) -> None:
    dataset = report["dataset"]
    seed = dataset["seed_seconds"]
    print()
    print(
        f"{dataset['people']:,} people; seed "
        + (
            f"{seed:.1f} s (target < {SEED_TARGET_SECONDS} s: "
            f"{'met' if dataset['seed_met'] else 'MISSED'})"
            if seed is not None
            else "not run (dataset reused)"
        )
    )
    print(
        f"user {report['user']['username']} ({report['user']['caseload']} cases); "
        f"{report['concurrency']} clients, {report['gunicorn_workers']} gunicorn workers, "
        f"{report['cpu_count']} CPUs"
    )
    if court := report.get("court_list_import"):
        print(
            f"court list: {court['defendants']} defendants imported and matched in "
            f"{court['seconds']} s (target < {court['target_seconds']} s: "
            f"{'met' if court['met'] else 'MISSED'}); {court['matched_on_identifier']} matched "
            "outright, the rest scored for the court officer"
        )
    if batch := report.get("tier_batch"):
        print(
            f"tier batch: {batch['cases']:,} cases in {batch['batch_seconds']} s "
            f"({batch['batch_cases_per_second']:,}/s; target < {batch['target_seconds']} s: "
            f"{'met' if batch['met'] else 'MISSED'}); bare UPDATE of the same rows "
            f"{batch['bulk_update_seconds']} s ({batch['bulk_update_rows_per_second']:,}/s)"
        )
    if actions := report.get("actions_refresh"):
        print(f"nightly actions refresh: every member of staff in {actions['seconds']} s")
    header = (
        f"{'endpoint':<17} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'mean ms':>8} "
        f"{'x floor':>8}  target"
    )
    print(header)
    print("-" * len(header))
    for name, row in report["results"].items():
        target = ""
        if "met" in row:
            target = f"p95 <= {row['target_p95_ms']} ms and <= {MAX_RATIO}x floor: " + (
                "met" if row["met"] else "MISSED"
            )
        print(
            f"{name:<17} {row['count']:>5} {row['p50_ms']:>8.1f} {row['p95_ms']:>8.1f} "
            f"{row['mean_ms']:>8.1f} {row['ratio_to_floor_p95']:>8.2f}  {target}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url", default=os.environ.get("DATABASE_URL", DEFAULT_URL), metavar="URL"
    )
    parser.add_argument("--people", type=int, default=250_000)
    parser.add_argument("--requests", type=int, default=400, help="per endpoint, after warm-up")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60, help="time cap per endpoint")
    parser.add_argument(
        "--rounds", type=int, default=4, help="endpoints take turns this many times"
    )
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers")
    parser.add_argument("--reseed", action="store_true", help="rebuild the dataset")
    parser.add_argument(
        "--skip-tier-batch",
        action="store_true",
        help="do not time the nightly batches (tiers, stored actions)",
    )
    parser.add_argument(
        "--only", default="", metavar="NAMES", help="comma-separated endpoints (the floor always)"
    )
    parser.add_argument("--output", type=Path, default=ROOT / "bench-results" / "bench.json")
    args = parser.parse_args(argv)

    dataset: dict = {}
    try:
        dataset = ensure_dataset(args.database_url, args.people, args.reseed)
        setup = prepare(args.database_url, WARM_UP + args.requests)
        print(
            f"Bench user {setup['user']['username']}: {setup['user']['caseload']} cases; "
            f"{setup['name_queries_finding_their_person']}/{len(setup['name_queries'])} "
            "misspelt name queries find their person",
            flush=True,
        )
        code = source_fingerprint()  # what gunicorn is about to load
        port = free_port()
        server = start_gunicorn(args.database_url, port, args.workers)
        try:
            clients = Clients(port, args.concurrency)
            # Endpoints take turns, a slice of the requests each per round, so a burst of
            # load from elsewhere on the machine falls on all of them, not one. Each endpoint
            # carries on through its requests where it stopped, so no POST is sent twice.
            wanted = {name.strip() for name in args.only.split(",") if name.strip()}
            requests = {
                name: reqs
                for name, reqs in setup["paths"].items()
                if not wanted or name in wanted or name == FLOOR
            }
            cookies = {
                name: setup["cookies"][setup["sessions"].get(name, "officer")] for name in requests
            }
            timings: dict[str, list[float]] = {name: [] for name in requests}
            busy = dict.fromkeys(requests, 0.0)
            sent = dict.fromkeys(requests, 0)
            for name, reqs in requests.items():
                clients.run(reqs, cookies[name], WARM_UP, args.seconds)
                sent[name] = WARM_UP
            for round_ in range(args.rounds):
                share = args.requests // args.rounds + (round_ < args.requests % args.rounds)
                for name, reqs in requests.items():
                    started = time.monotonic()
                    new = clients.run(
                        reqs, cookies[name], share, args.seconds / args.rounds, sent[name]
                    )
                    busy[name] += time.monotonic() - started
                    sent[name] += len(new)
                    timings[name] += new
            results = {name: summarise(timings[name], busy[name]) for name in requests}
            for name, row in results.items():
                print(f"  {name}: {row['count']} requests, p95 {row['p95_ms']} ms", flush=True)
            clients.close()
        finally:
            stop(server)
    except BenchError as error:
        print(f"bench failed: {error}", file=sys.stderr)
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(json.dumps({"dataset": dataset, "error": str(error)}, indent=2))
        return 1

    tier_batch = None if args.skip_tier_batch else measure_tier_batch(args.database_url)
    actions = None if args.skip_tier_batch else measure_actions_refresh(args.database_url)
    judge(results)
    dataset["seed_target_seconds"] = SEED_TARGET_SECONDS
    seed_seconds = dataset["seed_seconds"]
    dataset["seed_met"] = seed_seconds < SEED_TARGET_SECONDS if seed_seconds is not None else None
    report = {
        "dataset": dataset,
        "database": _admin_url(args.database_url)[0],
        "code": code,
        "user": setup["user"],
        "concurrency": args.concurrency,
        "gunicorn_workers": args.workers,
        "requests_per_endpoint": args.requests,
        "warm_up_per_endpoint": WARM_UP,
        "rounds": args.rounds,
        "seconds_cap": args.seconds,
        "cpu_count": os.cpu_count(),
        "name_queries": setup["name_queries"],
        "name_queries_finding_their_person": setup["name_queries_finding_their_person"],
        "targets": {
            "p95_ms": TARGETS_MS,
            "max_ratio_to_floor_p95": MAX_RATIO,
            "seed_seconds": SEED_TARGET_SECONDS,
        },
        "tier_batch": tier_batch,
        "actions_refresh": actions,
        "court_list_import": setup["court_list_import"],
        "all_met": all(row.get("met", True) for row in results.values()),
        "results": results,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2) + "\n")
    print_table(report)
    print(f"\nWritten to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
