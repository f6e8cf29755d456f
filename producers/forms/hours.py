"""A point of sale's week, entered one range a row (day, opening, closing), with blank rows to
fill: a plain formset, so it works without JavaScript. An emptied row is a range removed."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from producers.opening_hours import MAX_RANGES, HoursRange, Weekday, range_errors

# Blank rows offered after the existing ones (a market on two days, a shop's mornings…).
EXTRA_ROWS = 3


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self) -> None:
        super().__init__(format="%H:%M")


class OpeningHoursRowForm(forms.Form):
    weekday = forms.TypedChoiceField(label=_("Jour"), choices=[("", "—"), *Weekday.choices],
                                     coerce=int, empty_value=None, required=False)
    opens = forms.TimeField(label=_("Ouverture"), required=False, widget=TimeInput())
    closes = forms.TimeField(label=_("Fermeture"), required=False, widget=TimeInput())

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        opens, closes = data.get("opens"), data.get("closes")
        if data.get("weekday") is None and (opens or closes):
            self.add_error("weekday", _("Choisissez le jour de ces horaires."))
        for name, message in range_errors(opens, closes).items():
            self.add_error(name, message)
        return data


class BaseOpeningHoursFormSet(forms.BaseFormSet):
    def ranges(self) -> list[HoursRange]:
        """The filled rows (valid formset only), blank ones left out."""
        rows = [form.cleaned_data for form in self.forms if form.cleaned_data]
        return [HoursRange(row["weekday"], row.get("opens"), row.get("closes"))
                for row in rows if row.get("weekday") is not None]


OpeningHoursFormSet = forms.formset_factory(
    OpeningHoursRowForm, formset=BaseOpeningHoursFormSet, extra=EXTRA_ROWS,
    max_num=MAX_RANGES, validate_max=True, absolute_max=MAX_RANGES + EXTRA_ROWS,
)


def hours_formset(data: Any, ranges: list[HoursRange]) -> BaseOpeningHoursFormSet:
    initial = [{"weekday": r.weekday, "opens": r.opens, "closes": r.closes} for r in ranges]
    formset = OpeningHoursFormSet(data, initial=initial, prefix="hours")
    assert isinstance(formset, BaseOpeningHoursFormSet)
    return formset
