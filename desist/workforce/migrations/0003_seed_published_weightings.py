"""The published workload weightings (hmpps-workload's seed), in force until an administrator
records newer ones."""

from django.db import migrations

from desist.rules.workload import SEED_WEIGHTINGS, weightings_to_mapping


def seed(apps, schema_editor):
    apps.get_model("workforce", "WorkloadWeightings").objects.get_or_create(
        effective_from=SEED_WEIGHTINGS.effective_from,
        defaults={"data": weightings_to_mapping(SEED_WEIGHTINGS)},
    )


class Migration(migrations.Migration):
    dependencies = [("workforce", "0002_workload_reference_data")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
