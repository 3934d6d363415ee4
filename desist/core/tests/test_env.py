import pytest
from django.core.exceptions import ImproperlyConfigured

from desist.env import env_bool, env_database, env_int, env_secret


def test_booleans_are_strict(monkeypatch):
    monkeypatch.setenv("X_FLAG", "True")
    assert env_bool("X_FLAG", False) is True
    monkeypatch.setenv("X_FLAG", "yes please")
    with pytest.raises(ImproperlyConfigured):
        env_bool("X_FLAG", False)


def test_integers_are_strict(monkeypatch):
    monkeypatch.setenv("X_NUMBER", "five")
    with pytest.raises(ImproperlyConfigured):
        env_int("X_NUMBER", 1)


def test_a_secret_is_required_outside_demo(monkeypatch, tmp_path):
    monkeypatch.delenv("X_SECRET", raising=False)
    with pytest.raises(ImproperlyConfigured):
        env_secret("X_SECRET", insecure_default=False)
    secret_file = tmp_path / "secret"
    secret_file.write_text("from-a-file\n")
    monkeypatch.setenv("X_SECRET_FILE", str(secret_file))
    assert env_secret("X_SECRET", insecure_default=False) == "from-a-file"


def test_database_url(monkeypatch, tmp_path):
    monkeypatch.setenv("X_DB", "postgres://desist:p%40ss@db.example:6543/cases")
    config = env_database("X_DB", tmp_path / "x.sqlite3")
    assert (config["NAME"], config["USER"], config["PASSWORD"], config["HOST"], config["PORT"]) == (
        "cases",
        "desist",
        "p@ss",
        "db.example",
        "6543",
    )
    monkeypatch.setenv("X_DB", "mysql://nope/x")
    with pytest.raises(ImproperlyConfigured):
        env_database("X_DB", tmp_path / "x.sqlite3")
    monkeypatch.delenv("X_DB")
    assert env_database("X_DB", tmp_path / "x.sqlite3")["ENGINE"].endswith("sqlite3")


def test_postgres_prices_random_reads_for_ssds_unless_told(monkeypatch, tmp_path):
    monkeypatch.setenv("X_DB", "postgres://desist@db.example/cases")
    monkeypatch.setenv("DATABASE_PREPARED_STATEMENTS", "False")
    config = env_database("X_DB", tmp_path / "x.sqlite3")
    assert config["OPTIONS"] == {"options": "-c random_page_cost=1.1"}
    monkeypatch.setenv("DATABASE_RANDOM_PAGE_COST", "")
    assert env_database("X_DB", tmp_path / "x.sqlite3")["OPTIONS"] == {}
    monkeypatch.setenv("DATABASE_RANDOM_PAGE_COST", "fast")
    with pytest.raises(ImproperlyConfigured):
        env_database("X_DB", tmp_path / "x.sqlite3")


def test_postgres_prepares_repeated_statements_unless_behind_a_pooler(monkeypatch, tmp_path):
    monkeypatch.setenv("X_DB", "postgres://desist@db.example/cases")
    options = env_database("X_DB", tmp_path / "x.sqlite3")["OPTIONS"]
    assert options["server_side_binding"] is True and options["prepare_threshold"] == 5
    monkeypatch.setenv("DATABASE_PREPARED_STATEMENTS", "False")
    options = env_database("X_DB", tmp_path / "x.sqlite3")["OPTIONS"]
    assert "server_side_binding" not in options and "prepare_threshold" not in options
