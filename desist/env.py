"""Strict readers for settings from the environment.

A typo in production configuration should stop the app at start-up, not quietly fall back
to a default, so each reader refuses values it does not understand.
"""

import os
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.core.exceptions import ImproperlyConfigured


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value in ("True", "true", "1"):
        return True
    if value in ("False", "false", "0"):
        return False
    raise ImproperlyConfigured(f"{name} must be True or False, not {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_secret(name: str, *, insecure_default: bool) -> str:
    """A secret from NAME or from the file named by NAME_FILE (for container secrets)."""
    if value := os.environ.get(name):
        return value
    if path := os.environ.get(f"{name}_FILE"):
        return Path(path).read_text().strip()
    if insecure_default:
        return "desist-insecure-development-key-never-use-in-production"
    raise ImproperlyConfigured(f"Set {name} or {name}_FILE (or DESIST_DEMO=True on a laptop).")


def env_database(name: str, sqlite_path: Path) -> dict:
    """PostgreSQL from a postgres:// URL, else the SQLite file (created on first migrate)."""
    url = os.environ.get(name)
    if not url:
        sqlite_path.parent.mkdir(parents=True, exist_ok=True)
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": sqlite_path,
            # IMMEDIATE transactions and a busy timeout keep web requests and a worker from
            # failing with "database is locked".
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA busy_timeout=5000; PRAGMA journal_mode=WAL;",
            },
        }
    parts = urlparse(url)
    if parts.scheme not in ("postgres", "postgresql"):
        raise ImproperlyConfigured(f"{name} must be a postgres:// URL")
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": parts.path.lstrip("/"),
        "USER": unquote(parts.username or ""),
        "PASSWORD": unquote(parts.password or ""),
        "HOST": parts.hostname or "",
        "PORT": str(parts.port or ""),
        "CONN_MAX_AGE": env_int("DATABASE_CONN_MAX_AGE", 60),
        "CONN_HEALTH_CHECKS": True,
        # PostgreSQL's default random_page_cost (4) prices a random read as on a spinning
        # disk, and then seq-scans 250,000 cases for one team's 500; on SSDs 1.1 is the usual
        # setting (a DBA's server-wide value wins when DATABASE_RANDOM_PAGE_COST is empty).
        "OPTIONS": {
            **_page_cost_option(os.environ.get("DATABASE_RANDOM_PAGE_COST", "1.1")),
            **_prepared_statements(env_bool("DATABASE_PREPARED_STATEMENTS", True)),
        },
    }


def _prepared_statements(wanted: bool) -> dict:
    """Parameters bound by the server, and a statement prepared once it has run five times on
    a connection, so PostgreSQL stops re-planning the same queries: planning, not running,
    was most of the database's time for a page's queries. Turn off behind a pooler in
    transaction mode (pgbouncer), where a prepared statement may be on another connection."""
    return {"server_side_binding": True, "prepare_threshold": 5} if wanted else {}


def _page_cost_option(cost: str) -> dict:
    if not cost:
        return {}
    try:
        float(cost)
    except ValueError:
        raise ImproperlyConfigured("DATABASE_RANDOM_PAGE_COST must be a number") from None
    return {"options": f"-c random_page_cost={cost}"}
