"""PostgreSQL only: a full-text index over search names, so names containing any of a few
vocabulary words are found through the index (desist.people.search). SQLite scores every
name in Python instead."""

from django.db import migrations

# Must match the expression desist.people.search queries, character for character.
INDEX = (
    "CREATE INDEX IF NOT EXISTS people_searchname_name_fts "
    "ON people_searchname USING gin (to_tsvector('simple'::regconfig, name))"
)


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(INDEX)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS people_searchname_name_fts")


class Migration(migrations.Migration):
    dependencies = [("people", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
