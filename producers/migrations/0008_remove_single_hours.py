"""The single day and hours of a point of sale, now in its OpeningHours (0007)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('producers', '0007_opening_hours_data'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='historicalpointofsale',
            name='closes',
        ),
        migrations.RemoveField(
            model_name='historicalpointofsale',
            name='opens',
        ),
        migrations.RemoveField(
            model_name='historicalpointofsale',
            name='weekday',
        ),
        migrations.RemoveField(
            model_name='pointofsale',
            name='closes',
        ),
        migrations.RemoveField(
            model_name='pointofsale',
            name='opens',
        ),
        migrations.RemoveField(
            model_name='pointofsale',
            name='weekday',
        ),
    ]
