"""The accredited programme catalogue and its session templates (practice rules §8).

Building Choices follows the moderate community template (Oct 2025): five modules of 2, 6, 4,
6 and 3 group sessions of 150 minutes, a pre-group one-to-one, one after each of modules 1–4
and a post-programme review (60 minutes each). The other programmes' session counts are
VERIFY: TSP and BBR as commonly cited (15 group + 4 one-to-one; about 24 group), the rest
placeholders until the MoJ accredited-programmes templates are read. Never edit this
migration: change the catalogue in a later one.
"""

from django.db import migrations

BUILDING_CHOICES_MODULES = [
    ("Getting started", 2),
    ("Managing myself", 6),
    ("Managing life's problems", 4),
    ("Managing people around me", 6),
    ("Bringing it all together", 3),
]

# code, name, target group, intensity, (group sessions, minutes), (one-to-ones, minutes),
# suitability notes, legacy, modules [(name, sessions)] (None: one module of all sessions).
CATALOGUE = [
    (
        "BC",
        "Building Choices",
        "Men and women convicted of general violence or general offending",
        "HIGH_MODERATE",
        (21, 150),
        (6, 60),
        "Moderate or high risk of reoffending and need in thinking, relationships or "
        "self-management. Replaces the Thinking Skills Programme, Resolve, Building Better "
        "Relationships and Kaizen for new referrals.",
        False,
        BUILDING_CHOICES_MODULES,
    ),
    (
        "KAIZEN",
        "Kaizen",
        "Men at high risk of violent, sexual or domestic abuse reoffending",
        "HIGH",
        (36, 150),
        (8, 60),
        "High risk of serious harm and a high psychological risk score. Sessions VERIFY.",
        False,
        None,
    ),
    (
        "HORIZON",
        "Horizon",
        "Men convicted of a sexual offence (medium risk or higher)",
        "MODERATE",
        (29, 150),
        (2, 60),
        "Not for people whose offending was only online (refer to iHorizon). Sessions VERIFY.",
        False,
        None,
    ),
    (
        "IHORIZON",
        "iHorizon",
        "Men convicted of online sexual offending",
        "MODERATE",
        (21, 150),
        (2, 60),
        "Offending limited to online images or contact. Sessions VERIFY.",
        False,
        None,
    ),
    (
        "NMS",
        "New Me Strengths",
        "People with learning difficulties or challenges (general offending)",
        "MODERATE",
        (26, 120),
        (4, 60),
        "Adapted pace and materials for learning difficulties or challenges. Sessions VERIFY.",
        False,
        None,
    ),
    (
        "BNM",
        "Becoming New Me+",
        "Men with learning difficulties convicted of sexual or violent offending",
        "HIGH",
        (36, 120),
        (6, 60),
        "High risk, with learning difficulties or challenges. Sessions VERIFY.",
        False,
        None,
    ),
    (
        "TSP",
        "Thinking Skills Programme",
        "General offending (legacy)",
        "MODERATE",
        (15, 150),
        (4, 60),
        "Legacy: no new referrals once Building Choices is live locally.",
        True,
        None,
    ),
    (
        "BBR",
        "Building Better Relationships",
        "Men convicted of intimate partner violence (legacy)",
        "MODERATE",
        (24, 150),
        (4, 60),
        "Legacy: no new referrals once Building Choices is live locally. Sessions VERIFY.",
        True,
        None,
    ),
]


def load(apps, schema_editor):
    Programme = apps.get_model("programmes", "Programme")
    SessionTemplate = apps.get_model("programmes", "SessionTemplate")
    for code, name, target, intensity, group, one_to_one, notes, legacy, modules in CATALOGUE:
        programme = Programme.objects.create(
            code=code,
            name=name,
            target_group=target,
            intensity=intensity,
            group_sessions=group[0],
            group_session_minutes=group[1],
            one_to_one_sessions=one_to_one[0],
            one_to_one_minutes=one_to_one[1],
            suitability=notes,
            legacy=legacy,
        )
        number = 0
        for module, count in modules or [("Group sessions", group[0])]:
            for part in range(1, count + 1):
                number += 1
                SessionTemplate.objects.create(
                    programme=programme,
                    number=number,
                    module=module,
                    title=f"{module}, part {part} of {count}",
                )


def unload(apps, schema_editor):
    apps.get_model("programmes", "Programme").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("programmes", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
