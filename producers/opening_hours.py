"""When a point of sale is open: any number of weekly ranges (a market on Tuesday and Saturday,
a farm shop open mornings and evenings), the rules every writer checks on them (the dashboard's
form, the services, the admin) and their French wording for pages.

Models of the `producers` app (imported by its models module); `Weekday` lives here so that
this module needs nothing from the models module.
"""

from collections.abc import Iterable, Sequence
from datetime import time
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.text import get_text_list
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

# More ranges than this is a typing accident (or a robot), not a week.
MAX_RANGES = 14


class Weekday(models.IntegerChoices):
    MONDAY = 1, _("lundi")
    TUESDAY = 2, _("mardi")
    WEDNESDAY = 3, _("mercredi")
    THURSDAY = 4, _("jeudi")
    FRIDAY = 5, _("vendredi")
    SATURDAY = 6, _("samedi")
    SUNDAY = 7, _("dimanche")


class HoursRange(NamedTuple):
    """One day's range as the writers hand it over; no times: open that day, hours not said."""

    weekday: int
    opens: time | None = None
    closes: time | None = None


def range_errors(opens: time | None, closes: time | None) -> dict[str, str]:
    """What is wrong with one range's times (field name → French message)."""
    if (opens is None) != (closes is None):
        missing = "closes" if closes is None else "opens"
        return {missing: gettext("Indiquez l'heure d'ouverture et l'heure de fermeture, "
                                 "ou aucune des deux.")}
    if opens is not None and closes is not None and closes <= opens:
        return {"closes": gettext("L'heure de fermeture doit suivre l'heure d'ouverture.")}
    return {}


def hours_errors(*, is_market: bool, ranges: Sequence[HoursRange]) -> list[str]:
    """What is wrong with a point of sale's whole week: a market without a day, too many
    ranges, two ranges of the same day that overlap (a day without times takes the whole day)."""
    errors = []
    if is_market and not ranges:
        errors.append(gettext("Indiquez au moins un jour de marché."))
    if len(ranges) > MAX_RANGES:
        errors.append(gettext("%(max)d plages horaires au plus.") % {"max": MAX_RANGES})
    whole_day = (time.min, time.max)
    by_day: dict[int, list[tuple[time, time]]] = {}
    for r in ranges:
        span = (r.opens, r.closes) if r.opens and r.closes else whole_day
        by_day.setdefault(r.weekday, []).append(span)
    for day in sorted(by_day):
        spans = sorted(by_day[day])
        if any(later[0] < earlier[1] for earlier, later in zip(spans, spans[1:], strict=False)):
            errors.append(gettext("Le %(jour)s, deux plages horaires se chevauchent.")
                          % {"jour": Weekday(day).label})
    return errors


def check_hours(*, is_market: bool, ranges: Sequence[HoursRange]) -> None:
    """Raise the week's errors and each range's (under `hours`, as one list)."""
    errors = [gettext("%(jour)s n'est pas un jour de la semaine.") % {"jour": r.weekday}
              for r in ranges if r.weekday not in Weekday.values]
    errors += [message for r in ranges for message in range_errors(r.opens, r.closes).values()]
    if not errors:
        errors = hours_errors(is_market=is_market, ranges=ranges)
    if errors:
        raise ValidationError({"hours": errors})


class OpeningHours(models.Model):
    """A weekly range of one point of sale: a day, and its opening and closing times if known."""

    point_of_sale = models.ForeignKey("producers.PointOfSale", on_delete=models.CASCADE,
                                      related_name="hours", verbose_name=_("point de vente"))
    weekday = models.PositiveSmallIntegerField(_("jour"), choices=Weekday.choices)
    opens = models.TimeField(_("ouverture"), null=True, blank=True)
    closes = models.TimeField(_("fermeture"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["weekday", "opens", "pk"]
        verbose_name = _("horaire")
        verbose_name_plural = _("horaires")
        constraints = [
            models.CheckConstraint(condition=Q(weekday__gte=1, weekday__lte=7),
                                   name="hours_weekday_range"),
            models.CheckConstraint(
                condition=Q(opens__isnull=True, closes__isnull=True)
                | Q(opens__isnull=False, closes__gt=F("opens")),
                name="hours_closes_after_opens"),
        ]

    def __str__(self) -> str:
        return describe([self.as_range()])

    def as_range(self) -> HoursRange:
        return HoursRange(self.weekday, self.opens, self.closes)

    def clean(self) -> None:
        errors = range_errors(self.opens, self.closes)
        if errors:
            raise ValidationError(errors)


# --- Wording --------------------------------------------------------------------------------

def clock(value: time) -> str:
    """« 8 h », « 12 h 30 » (English: « 8:00 », « 12:30 »)."""
    if value.minute == 0:
        return gettext("%(hour)d h") % {"hour": value.hour}
    return gettext("%(hour)d h %(minute)02d") % {"hour": value.hour, "minute": value.minute}


def _span(r: HoursRange) -> str:
    return f"{clock(r.opens)} – {clock(r.closes)}" if r.opens and r.closes else ""


def describe(ranges: Iterable[HoursRange]) -> str:
    """The week in a line: « mercredi et samedi, 7 h 30 – 12 h 30 », days that share their
    hours together, the others after a semicolon (« lundi, 9 h – 12 h et 14 h – 18 h ;
    samedi, 9 h – 12 h »)."""
    by_day: dict[int, list[str]] = {}
    for r in sorted(ranges, key=lambda r: (r.weekday, r.opens or time.min)):
        spans = by_day.setdefault(r.weekday, [])
        if _span(r):
            spans.append(_span(r))
    groups: dict[tuple[str, ...], list[int]] = {}
    for day, day_spans in by_day.items():
        groups.setdefault(tuple(day_spans), []).append(day)
    parts = []
    for shared, days in groups.items():
        names = day_names(days)
        parts.append(f"{names}, {get_text_list(list(shared), gettext('et'))}" if shared
                     else names)
    return " ; ".join(parts)


def day_names(days: Iterable[int]) -> str:
    """« mardi et samedi »; three days or more in a row read « du mardi au samedi »; all seven,
    « tous les jours »."""
    if set(days) == set(Weekday.values):
        return gettext("tous les jours")
    runs: list[list[int]] = []
    for day in sorted(set(days)):
        if runs and day == runs[-1][-1] + 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    names: list[str] = []
    for run in runs:
        if len(run) >= 3:
            names.append(gettext("du %(first)s au %(last)s") % {
                "first": Weekday(run[0]).label, "last": Weekday(run[-1]).label})
        else:
            names += [str(Weekday(d).label) for d in run]
    return get_text_list(names, gettext("et"))


def days_of(ranges: Iterable[HoursRange]) -> list[int]:
    return sorted({r.weekday for r in ranges})
