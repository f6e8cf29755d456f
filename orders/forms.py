"""Forms of the cart, the checkout, the buyer's changes and the producer's order pages."""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from orders.cart import ProducerCart
from orders.models import Closure, OrderingSettings, OrderLine, PaymentMethod, PickupWindow
from orders.models.orders import MAX_QUANTITY
from orders.scheduling import Slot, holiday_name, is_public_holiday, paris
from producers.forms.accounts import PasswordFieldsMixin
from producers.models import PointOfSale, PointOfSaleKind, Producer


def quantity_field(*, minimum: int, initial: int | None = None, label: str = "") -> Any:
    return forms.IntegerField(
        label=label or _("Quantité"), min_value=minimum, max_value=MAX_QUANTITY,
        initial=initial, widget=forms.NumberInput(attrs={"inputmode": "numeric", "size": 3}))


class AddToCartForm(forms.Form):
    product = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    quantity = quantity_field(minimum=1, initial=1)
    next = forms.CharField(required=False, widget=forms.HiddenInput)


class CartForm(forms.Form):
    """One quantity per line (0 removes it)."""

    def __init__(self, *args: Any, carts: Sequence[ProducerCart], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for cart in carts:
            for line in cart.lines:
                self.fields[f"q{line.product.pk}"] = quantity_field(
                    minimum=0, initial=line.quantity,
                    label=_("Quantité de %(nom)s") % {"nom": line.product.nom})

    def quantities(self) -> dict[int, int]:
        return {int(name[1:]): value for name, value in self.cleaned_data.items()
                if name.startswith("q") and value is not None}


def slot_label(slot: Slot, places: dict[int, PointOfSale]) -> str:
    starts = slot.starts_at.astimezone(paris())
    ends = slot.ends_at.astimezone(paris())
    left = ngettext("%(n)d place", "%(n)d places", slot.remaining) % {"n": slot.remaining}
    return f"{date_format(starts, 'D j M')}, {starts:%H:%M}–{ends:%H:%M} ({left})"


def slot_choices(slots: Iterable[Slot], places: dict[int, PointOfSale]) -> list[Any]:
    """Grouped by place (<optgroup>): a market stall, the farm… then by time."""
    groups: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for slot in slots:
        groups[slot.point_of_sale_id].append((slot.key, slot_label(slot, places)))
    choices: list[Any] = [("", _("— Choisissez un créneau —"))]
    for point_id, options in groups.items():
        point = places[point_id]
        label = f"{point.get_kind_display()} : {point.nom} ({point.commune.nom})"
        choices.append((label, options))
    return choices


PAYMENT_LABELS: dict[str, Any] = {
    PaymentMethod.ONLINE: _("Payer en ligne maintenant (carte bancaire, page sécurisée Stripe)"),
    PaymentMethod.ON_PICKUP: _("Payer au retrait, directement au producteur"),
}


class CheckoutForm(forms.Form):
    name = forms.CharField(label=_("Nom et prénom"), max_length=150,
                           widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = forms.EmailField(label=_("Adresse e-mail"),
                             help_text=_("Pour la confirmation et le suivi de la commande."),
                             widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    phone = forms.CharField(label=_("Téléphone"), max_length=20,
                            help_text=_("Le producteur vous appelle en cas d'imprévu."),
                            widget=forms.TextInput(attrs={"autocomplete": "tel",
                                                          "type": "tel"}))

    def __init__(self, *args: Any, carts: Sequence[ProducerCart],
                 slots: dict[int, list[Slot]], places: dict[int, PointOfSale],
                 methods: dict[int, list[str]] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.carts = carts
        for cart in carts:
            pid = cart.producer.pk
            self.fields[f"slot_{pid}"] = forms.CharField(
                label=_("Créneau de retrait"), required=False,
                widget=forms.Select(choices=slot_choices(slots.get(pid, []), places)))
            self.fields[f"note_{pid}"] = forms.CharField(
                label=_("Message au producteur (facultatif)"), required=False, max_length=1000,
                widget=forms.Textarea(attrs={"rows": 2}))
            offered = (methods or {}).get(pid, [PaymentMethod.ON_PICKUP])
            self.fields[f"payment_{pid}"] = forms.ChoiceField(
                label=_("Paiement"), initial=offered[0], required=False,
                choices=[(m, PAYMENT_LABELS[m]) for m in offered],
                widget=forms.RadioSelect if len(offered) > 1 else forms.HiddenInput)

    def producer_fields(self, producer_id: int) -> dict[str, forms.BoundField]:
        return {"slot": self[f"slot_{producer_id}"], "note": self[f"note_{producer_id}"],
                "payment": self[f"payment_{producer_id}"]}

    def clean_phone(self) -> str:
        phone = self.cleaned_data["phone"].strip()
        digits = [c for c in phone if c.isdigit()]
        if len(digits) < 10 or any(c not in "0123456789 +.-()" for c in phone):
            raise forms.ValidationError(_("Indiquez un numéro de téléphone (10 chiffres)."))
        return phone


class OrderChangeForm(forms.Form):
    """The buyer's new quantities (0 removes a line)."""

    def __init__(self, *args: Any, lines: Iterable[OrderLine], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for line in lines:
            self.fields[f"line_{line.pk}"] = quantity_field(
                minimum=0, initial=line.quantity,
                label=_("Quantité de %(nom)s") % {"nom": line.product_name})

    def quantities(self) -> dict[int, int]:
        return {int(name.removeprefix("line_")): value
                for name, value in self.cleaned_data.items() if value is not None}


class ProducerCancelForm(forms.Form):
    reason = forms.CharField(label=_("Motif (envoyé au client)"), max_length=500,
                             widget=forms.Textarea(attrs={"rows": 2}))


class OrderingSettingsForm(forms.ModelForm):
    class Meta:
        model = OrderingSettings
        fields = ["is_open", "is_paused", "pause_message", "minimum_amount", "slot_minutes",
                  "lead_time_hours", "horizon_days", "closed_on_public_holidays",
                  "accepts_payment_on_pickup"]
        widgets = {"minimum_amount": forms.NumberInput(attrs={"step": "0.01", "min": "0"})}


class PickupWindowForm(forms.ModelForm):
    class Meta:
        model = PickupWindow
        fields = ["point_of_sale", "weekday", "starts", "ends", "capacity", "is_active"]
        widgets = {
            "starts": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "ends": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }
        help_texts = {"point_of_sale": _("Un étal de marché n'a de créneaux que le jour du "
                                         "marché.")}

    def __init__(self, *args: Any, producer: Producer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["point_of_sale"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = producer.points_of_sale.select_related("commune").prefetch_related(
            "hours").order_by("kind", "nom")
        field.label_from_instance = _point_label  # type: ignore[method-assign,assignment]
        field.empty_label = _("— Choisissez un lieu —")


def _point_label(point: PointOfSale) -> str:
    label = f"{point.get_kind_display()} : {point.nom}"
    if point.kind == PointOfSaleKind.MARKET and point.hours_text():
        label += f" ({point.hours_text()})"
    return label


class ClosureForm(forms.ModelForm):
    class Meta:
        model = Closure
        fields = ["starts_on", "ends_on", "reason"]
        widgets = {"starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                   "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        labels = {"starts_on": _("Fermé du"), "ends_on": _("au (inclus)")}

    def clean_ends_on(self) -> date:
        ends: date = self.cleaned_data["ends_on"]
        if ends < timezone.localdate():
            raise forms.ValidationError(_("Cette date est passée."))
        return ends


def upcoming_holidays(days: int = 365) -> list[date]:
    today = timezone.localdate()
    return [today + timedelta(days=n) for n in range(days)
            if is_public_holiday(today + timedelta(days=n))]


class HolidayOpeningForm(forms.Form):
    date = forms.TypedChoiceField(label=_("Ouvrir exceptionnellement le"),
                                  coerce=date.fromisoformat)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["date"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", _("— Choisissez un jour férié —"))] + [
            (d.isoformat(), f"{date_format(d, 'l j F Y')} ({holiday_name(d)})")
            for d in upcoming_holidays()]


class ResidentSignUpForm(PasswordFieldsMixin, forms.Form):
    email = forms.EmailField(label=_("Adresse e-mail"), max_length=254,
                             widget=forms.EmailInput(attrs={"autocomplete": "email"}),
                             help_text=_("Elle sert à vous connecter."))
    first_name = forms.CharField(label=_("Prénom"), max_length=150,
                                 widget=forms.TextInput(attrs={"autocomplete": "given-name"}))
    last_name = forms.CharField(label=_("Nom"), max_length=150,
                                widget=forms.TextInput(attrs={"autocomplete": "family-name"}))

    field_order = ["email", "password1", "password2", "first_name", "last_name"]

    def clean_email(self) -> str:
        # A known address is not an error here: see services.accounts.resident_sign_up.
        return str(self.cleaned_data["email"]).strip().lower()
