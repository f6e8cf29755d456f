from django.db import migrations


def load(apps, schema_editor):
    from marketplace.reference.taxonomy import load_taxonomy

    load_taxonomy(apps.get_model("reference", "Category"), apps.get_model("reference", "Label"))


class Migration(migrations.Migration):
    dependencies = [("reference", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
