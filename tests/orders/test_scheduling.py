"""Slots are computed from the windows, in Paris wall-clock time, and only bookable ones are
offered: not full, not past the lead time, not beyond the horizon, not closed."""

from datetime import UTC, date, datetime, time

import pytest

from orders import services
from orders.models import Closure, PickupSlot
from orders.scheduling import is_public_holiday, local, paris, parse_slot_key, slot_key
from orders.selectors import offered_slots, schedule_for, slot_for_key


def at(year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=paris())


def starts(slots, day: date) -> list[str]:
    return [f"{s.starts_at.astimezone(paris()):%H:%M}" for s in slots
            if s.starts_at.astimezone(paris()).date() == day]


pytestmark = pytest.mark.django_db


def test_a_window_is_cut_into_slots_of_the_chosen_length(borie):
    schedule = schedule_for(borie.producer)
    saturday = date(2026, 7, 11)

    slots = [s for s in schedule.candidates(now=at(2026, 7, 10, 9, 0), days=[saturday])
             if s.window_id == borie.market_window.pk]

    assert starts(slots, saturday) == ["08:00", "08:30", "09:00", "09:30", "10:00", "10:30",
                                       "11:00", "11:30"]
    assert slots[-1].ends_at == at(2026, 7, 11, 12, 0)
    assert {s.capacity for s in slots} == {4}


def test_a_market_stall_has_slots_only_on_market_day(borie):
    schedule = schedule_for(borie.producer)

    slots = schedule.candidates(now=at(2026, 7, 6, 0, 0))

    market_days = {s.starts_at.astimezone(paris()).date() for s in slots
                   if s.point_of_sale_id == borie.market.pk}
    assert market_days == {date(2026, 7, 11), date(2026, 7, 18)}


def test_a_market_that_moves_to_another_day_stops_offering_the_old_days_slots(borie):
    saturday = borie.market.hours.get()
    saturday.weekday = 3  # the market is now held on Wednesdays; the window says Saturday
    saturday.save()

    slots = schedule_for(borie.producer).candidates(now=at(2026, 7, 6, 0, 0))

    assert not [s for s in slots if s.point_of_sale_id == borie.market.pk]
    assert [s for s in slots if s.point_of_sale_id == borie.farm.pk]


def test_summer_time_starts_and_ends_with_the_same_wall_clock_slots(borie):
    schedule = schedule_for(borie.producer)
    before, after = date(2026, 3, 28), date(2026, 3, 29)  # summer time starts on the 29th
    slots = schedule.candidates(now=at(2026, 3, 27, 0, 0), days=[before, after])

    eight = {s.starts_at.astimezone(paris()).date(): s.starts_at for s in slots
             if f"{s.starts_at.astimezone(paris()):%H:%M}" == "08:00"
             and s.window_id != borie.market_window.pk}

    assert eight[before].astimezone(UTC) == datetime(2026, 3, 28, 7, 0, tzinfo=UTC)
    assert eight[after].astimezone(UTC) == datetime(2026, 3, 29, 6, 0, tzinfo=UTC)
    autumn = schedule.candidates(now=at(2026, 10, 23, 0, 0),
                                 days=[date(2026, 10, 24), date(2026, 10, 25)])
    first = [s.starts_at.astimezone(UTC) for s in autumn
             if s.window_id != borie.market_window.pk
             and f"{s.starts_at.astimezone(paris()):%H:%M}" == "08:00"]
    assert first == [datetime(2026, 10, 24, 6, 0, tzinfo=UTC),
                     datetime(2026, 10, 25, 7, 0, tzinfo=UTC)]


def test_the_hour_skipped_in_march_gives_no_slot(borie):
    window = borie.farm_windows[6]  # Sunday
    services.pickup_window_update(window=window, data={"starts": time(1, 30),
                                                       "ends": time(3, 30)})
    schedule = schedule_for(borie.producer)
    sunday = date(2026, 3, 29)

    slots = [s for s in schedule.candidates(now=at(2026, 3, 27, 0, 0), days=[sunday])
             if s.window_id == window.pk]

    assert local(sunday, time(2, 30)) is None
    assert [(s.starts_at.astimezone(UTC), s.ends_at.astimezone(UTC)) for s in slots] == [
        (datetime(2026, 3, 29, 1, 0, tzinfo=UTC), datetime(2026, 3, 29, 1, 30, tzinfo=UTC))]


def test_the_lead_time_and_the_horizon_bound_the_offer(borie):
    services.ordering_settings_update(producer=borie.producer,
                                      data={"lead_time_hours": 24, "horizon_days": 3})
    schedule = schedule_for(borie.producer)
    now = at(2026, 7, 6, 10, 0)  # a Monday

    slots = schedule.candidates(now=now)

    assert slots[0].starts_at == at(2026, 7, 7, 10, 0)
    assert max(s.starts_at for s in slots).date() == date(2026, 7, 9)


def test_public_holidays_are_closed_unless_the_producer_opens_one(borie):
    july_14 = date(2026, 7, 14)
    now = at(2026, 7, 12, 0, 0)
    assert is_public_holiday(july_14) and not is_public_holiday(date(2026, 7, 15))

    assert starts(schedule_for(borie.producer).candidates(now=now), july_14) == []

    services.holiday_opening_add(producer=borie.producer, day=july_14)
    assert starts(schedule_for(borie.producer).candidates(now=now), july_14)[:2] == [
        "08:00", "08:30"]


def test_a_closure_closes_every_day_of_its_range(borie):
    services.closure_add(producer=borie.producer, starts_on=date(2026, 8, 3),
                         ends_on=date(2026, 8, 5), reason="Vacances")
    schedule = schedule_for(borie.producer)

    days = {s.starts_at.astimezone(paris()).date()
            for s in schedule.candidates(now=at(2026, 8, 2, 0, 0))}

    assert {date(2026, 8, 3), date(2026, 8, 4), date(2026, 8, 5)}.isdisjoint(days)
    assert date(2026, 8, 6) in days and date(2026, 8, 2) in days


def test_full_slots_are_not_offered_and_the_others_say_what_is_left(borie):
    now = datetime.now(tz=paris()).replace(second=0, microsecond=0)
    offered = offered_slots(borie.producer, now=now)
    first, second = offered[0], offered[1]
    PickupSlot.objects.create(window_id=first.window_id, starts_at=first.starts_at,
                              ends_at=first.ends_at, booked=4)
    PickupSlot.objects.create(window_id=second.window_id, starts_at=second.starts_at,
                              ends_at=second.ends_at, booked=3)

    again = {s.key: s for s in offered_slots(borie.producer, now=now)}

    assert first.key not in again
    assert again[second.key].remaining == 1
    assert slot_for_key(borie.producer, first.key, now=now) is None
    found = slot_for_key(borie.producer, second.key, now=now)
    assert found is not None and found.remaining == 1


def test_a_paused_or_closed_producer_offers_nothing(borie):
    services.ordering_settings_update(producer=borie.producer, data={
        "is_paused": True, "pause_message": "Vendanges"})

    assert offered_slots(borie.producer) == []


def test_slot_keys_round_trip_and_malformed_keys_are_refused(borie):
    starts_at = at(2026, 7, 11, 8, 30)

    key = slot_key(borie.market_window.pk, starts_at)

    assert key == f"{borie.market_window.pk}@2026-07-11T08:30"
    assert parse_slot_key(key) == (borie.market_window.pk, datetime(2026, 7, 11, 8, 30))  # noqa: DTZ001 - wall clock
    for bad in ("", "abc", "12@demain", "@2026-07-11T08:30", "1@2026-13-40T99:99"):
        assert parse_slot_key(bad) is None
    assert slot_for_key(borie.producer, "999999@2026-07-11T08:30") is None


def test_past_closures_can_be_left_out(borie):
    Closure.objects.create(producer=borie.producer, starts_on=date(2020, 1, 1),
                           ends_on=date(2020, 1, 2))

    assert schedule_for(borie.producer, since=date(2021, 1, 1)).closures == []
    assert len(schedule_for(borie.producer).closures) == 1
