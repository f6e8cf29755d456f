"""Pickup slots, computed from a producer's settings, weekly windows and closures; never stored
ahead. Times are wall-clock times in Europe/Paris: a window « samedi 8 h – 12 h » gives slots at
8 h Paris time in winter (UTC+1) and in summer (UTC+2) alike; a wall-clock time that does not
exist (the hour skipped in March) gives no slot.

A slot is offered when its day is open (no closure, not a public holiday unless the producer
opens that day), it starts after now + the lead time and within the horizon, and it has room.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

import holidays
from django.conf import settings as django_settings

from orders.models import Closure, OrderingSettings, PickupWindow


@cache
def paris() -> ZoneInfo:
    return ZoneInfo(django_settings.TIME_ZONE)


@dataclass(frozen=True)
class Slot:
    window_id: int
    point_of_sale_id: int
    starts_at: datetime  # aware, in Europe/Paris
    ends_at: datetime
    capacity: int
    booked: int = 0

    @property
    def remaining(self) -> int:
        return max(0, self.capacity - self.booked)

    @property
    def key(self) -> str:
        return slot_key(self.window_id, self.starts_at)


def slot_key(window_id: int, starts_at: datetime) -> str:
    """What a form posts for a slot: the window and the local start (readable, stable)."""
    return f"{window_id}@{starts_at.astimezone(paris()):%Y-%m-%dT%H:%M}"


def parse_slot_key(key: str) -> tuple[int, datetime] | None:
    """(window id, local naive start) of a posted key; None if it is malformed."""
    window, _, moment = (key or "").partition("@")
    try:
        return int(window), datetime.strptime(moment, "%Y-%m-%dT%H:%M")  # noqa: DTZ007
    except ValueError:
        return None


def local(day: date, at: time) -> datetime | None:
    """The aware Paris time of a wall-clock time; None if that time does not exist that day."""
    naive = datetime.combine(day, at)
    aware = naive.replace(tzinfo=paris())
    if aware.astimezone(UTC).astimezone(paris()).replace(tzinfo=None) != naive:
        return None  # in the gap of the change to summer time
    return aware


@cache
def _french_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("FR", years=year))


def is_public_holiday(day: date) -> bool:
    return day in _french_holidays(day.year)


def holiday_name(day: date) -> str:
    return str(holidays.country_holidays("FR", years=day.year, language="fr").get(day, ""))


def window_times(window: PickupWindow, day: date, slot_minutes: int) -> list[tuple[datetime,
                                                                                    datetime]]:
    """The slots of a window on a day: back to back from its start; a window shorter than one
    slot is one slot."""
    step = timedelta(minutes=slot_minutes)
    start_naive = datetime.combine(day, window.starts)
    end_naive = datetime.combine(day, window.ends)
    found: list[tuple[datetime, datetime]] = []
    cursor = start_naive
    while cursor + step <= end_naive or (cursor == start_naive and cursor < end_naive):
        stop = min(cursor + step, end_naive)
        starts, ends = local(day, cursor.time()), local(day, stop.time())
        if starts is not None and ends is not None:
            found.append((starts, ends))
        cursor += step
    return found


@dataclass(frozen=True)
class Schedule:
    """Everything that decides a producer's slots, loaded once (see selectors.schedule_for)."""

    settings: OrderingSettings
    windows: list[PickupWindow]
    closures: list[Closure]
    holiday_openings: frozenset[date]

    def day_is_open(self, day: date) -> bool:
        if any(c.starts_on <= day <= c.ends_on for c in self.closures):
            return False
        return not (self.settings.closed_on_public_holidays and is_public_holiday(day)
                    and day not in self.holiday_openings)

    def candidates(self, *, now: datetime, days: Iterable[date] | None = None) -> list[Slot]:
        """Every slot that could be booked now, before counting bookings."""
        if not self.settings.takes_orders:
            return []
        today = now.astimezone(paris()).date()
        earliest = now + timedelta(hours=self.settings.lead_time_hours)
        horizon = [today + timedelta(days=n) for n in range(self.settings.horizon_days + 1)]
        wanted = set(days) if days is not None else None
        slots: list[Slot] = []
        for day in horizon:
            if (wanted is not None and day not in wanted) or not self.day_is_open(day):
                continue
            for window in self.windows:
                if window.weekday != day.isoweekday() or not window.is_active:
                    continue
                for starts, ends in window_times(window, day, self.settings.slot_minutes):
                    if starts >= earliest:
                        slots.append(Slot(window.pk, window.point_of_sale_id, starts, ends,
                                          window.capacity))
        return sorted(slots, key=lambda s: (s.starts_at, s.window_id))

    def offered(self, *, now: datetime, booked: Mapping[tuple[int, datetime], int],
                days: Iterable[date] | None = None) -> list[Slot]:
        """The slots offered to a buyer now: candidates with room left."""
        offered = []
        for slot in self.candidates(now=now, days=days):
            taken = booked.get((slot.window_id, slot.starts_at), 0)
            if taken < slot.capacity:
                offered.append(Slot(slot.window_id, slot.point_of_sale_id, slot.starts_at,
                                    slot.ends_at, slot.capacity, taken))
        return offered
