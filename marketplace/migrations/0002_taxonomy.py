from django.db import migrations


def load(apps, schema_editor):
    from marketplace.taxonomy import load_taxonomy

    load_taxonomy(apps.get_model("marketplace", "Category"), apps.get_model("marketplace", "Label"))


class Migration(migrations.Migration):
    dependencies = [("marketplace", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
