"""Commune slugs spell ligatures out (« Cœur de Causse » → coeur-de-causse, not cur-de-causse)."""

from django.db import migrations

from marketplace.reference.models import commune_slug


def respell(apps, schema_editor):  # type: ignore[no-untyped-def]
    Commune = apps.get_model("reference", "Commune")
    changed = []
    for commune in Commune.objects.filter(nom__regex=r"[œŒæÆ]"):
        commune.slug = commune_slug(commune.nom)
        changed.append(commune)
    Commune.objects.bulk_update(changed, ["slug"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("reference", "0003_single_line_fields")]

    operations = [migrations.RunPython(respell, migrations.RunPython.noop)]
