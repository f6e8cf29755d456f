"""The « Équipe CCI » group, with exactly the permissions of the staff area."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from marketplace.curation.permissions import cci_group_ensure


def create_group(apps, schema_editor):
    # Permissions are created after all migrations ran; the group needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    cci_group_ensure(apps=apps)


def delete_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Équipe CCI").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("curation", "0001_initial"),
        ("producers", "0002_curation"),
        ("reference", "0002_taxonomy"),
    ]

    operations = [migrations.RunPython(create_group, delete_group)]
