"""A point of sale's week becomes a list of ranges (OpeningHours); its single day and hours
go in 0007 and 0008. The market-has-a-day rule moves to the services (a row cannot check its
children)."""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('producers', '0005_audit_labels_photos'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='pointofsale',
            name='market_has_weekday',
        ),
        migrations.CreateModel(
            name='HistoricalOpeningHours',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('weekday', models.PositiveSmallIntegerField(choices=[(1, 'lundi'), (2, 'mardi'), (3, 'mercredi'), (4, 'jeudi'), (5, 'vendredi'), (6, 'samedi'), (7, 'dimanche')], verbose_name='jour')),
                ('opens', models.TimeField(blank=True, null=True, verbose_name='ouverture')),
                ('closes', models.TimeField(blank=True, null=True, verbose_name='fermeture')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
            ],
            options={
                'verbose_name': 'historical horaire',
                'verbose_name_plural': 'historical horaires',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='OpeningHours',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('weekday', models.PositiveSmallIntegerField(choices=[(1, 'lundi'), (2, 'mardi'), (3, 'mercredi'), (4, 'jeudi'), (5, 'vendredi'), (6, 'samedi'), (7, 'dimanche')], verbose_name='jour')),
                ('opens', models.TimeField(blank=True, null=True, verbose_name='ouverture')),
                ('closes', models.TimeField(blank=True, null=True, verbose_name='fermeture')),
            ],
            options={
                'verbose_name': 'horaire',
                'verbose_name_plural': 'horaires',
                'ordering': ['weekday', 'opens', 'pk'],
            },
        ),
        migrations.AlterModelOptions(
            name='pointofsale',
            options={'ordering': ['kind', 'nom', 'pk'], 'verbose_name': 'point de vente', 'verbose_name_plural': 'points de vente'},
        ),
        migrations.AddField(
            model_name='historicalopeninghours',
            name='history_user',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='historicalopeninghours',
            name='point_of_sale',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='producers.pointofsale', verbose_name='point de vente'),
        ),
        migrations.AddField(
            model_name='openinghours',
            name='point_of_sale',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='hours', to='producers.pointofsale', verbose_name='point de vente'),
        ),
        migrations.AddConstraint(
            model_name='openinghours',
            constraint=models.CheckConstraint(condition=models.Q(('weekday__gte', 1), ('weekday__lte', 7)), name='hours_weekday_range'),
        ),
        migrations.AddConstraint(
            model_name='openinghours',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('closes__isnull', True), ('opens__isnull', True)), models.Q(('closes__gt', models.F('opens')), ('opens__isnull', False)), _connector='OR'), name='hours_closes_after_opens'),
        ),
    ]
