"""/marches/: the weekly markets, filtered by day and by commune and radius (contract's names)."""

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from marketplace.directory import maps
from marketplace.directory.filters import MAX_RADIUS_KM
from marketplace.directory.markets import Market, markets
from marketplace.directory.places import resolve_place
from producers.models import Weekday


class MarketFilterForm(forms.Form):
    commune = forms.CharField(label=_("Commune"), max_length=120, required=False,
                              help_text=_("Nom, code postal ou code INSEE."))
    radius_km = forms.DecimalField(label=_("Rayon (km)"), min_value=0, max_value=MAX_RADIUS_KM,
                                   max_digits=5, decimal_places=1, required=False)
    weekday = forms.TypedChoiceField(label=_("Jour"), choices=[("", _("Tous les jours")),
                                                               *Weekday.choices],
                                     coerce=int, empty_value=None, required=False)


def market_list(request: HttpRequest) -> HttpResponse:
    form = MarketFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    place = resolve_place(data["commune"]) if data.get("commune") else None
    radius = data.get("radius_km")
    found: list[Market] = []
    if place is None or place.commune is not None:
        found = markets(weekday=data.get("weekday"), commune=place.commune if place else None,
                        radius_km=float(radius) if radius is not None else None)
    points = [p for p in (maps.point(nom=f"{m.nom} ({m.hours_text})", commune=m.commune_nom,
                                     url=f"#marche-{i}", lat=m.lat, lon=m.lon)
                          for i, m in enumerate(found, start=1)) if p is not None]
    return render(request, "marketplace/market_list.html", {
        "form": form, "markets": found, "place": place, "map_points": points,
        "radius_km": radius,
    })
