"""Each point of sale's day and hours become its first OpeningHours. Hours without a day (the
farm's « de 17 h à 19 h ») were shown as every day's: they become one range per day. Backwards,
the first range goes back (its day for a market only, as the old rule kept it)."""

from django.db import migrations

EVERY_DAY = range(1, 8)


def forwards(apps, schema_editor):
    PointOfSale = apps.get_model("producers", "PointOfSale")
    OpeningHours = apps.get_model("producers", "OpeningHours")
    rows = []
    for point in PointOfSale.objects.all().iterator():
        times = (point.opens, point.closes)
        if None in times or point.closes <= point.opens:
            times = (None, None)
        if point.weekday is not None:
            days = [point.weekday]
        elif times != (None, None):
            days = list(EVERY_DAY)
        else:
            continue
        rows += [OpeningHours(point_of_sale_id=point.pk, weekday=day, opens=times[0],
                              closes=times[1]) for day in days]
    OpeningHours.objects.bulk_create(rows, batch_size=1000)


def backwards(apps, schema_editor):
    PointOfSale = apps.get_model("producers", "PointOfSale")
    OpeningHours = apps.get_model("producers", "OpeningHours")
    first = {}
    for hours in OpeningHours.objects.order_by("point_of_sale_id", "weekday", "opens", "pk"):
        first.setdefault(hours.point_of_sale_id, hours)
    for point in PointOfSale.objects.filter(pk__in=list(first)):
        hours = first[point.pk]
        point.weekday = hours.weekday if point.kind == "market" else None
        point.opens, point.closes = hours.opens, hours.closes
        point.save(update_fields=["weekday", "opens", "closes"])


class Migration(migrations.Migration):

    dependencies = [
        ("producers", "0006_opening_hours"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
    ]
