"""Is a map pin inside the territory? (No GIS: the communes' centres are enough.)"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Max, Min
from django.utils.translation import gettext as _

from marketplace.reference.geo import distance_km
from marketplace.reference.models import Commune

# Commune centres do not reach the border: allow this much around their bounding box.
TERRITORY_MARGIN_DEG = 0.1
# The largest communes of the Lot are about 10 km across; a farm lies within 15 km of its centre.
MAX_KM_FROM_COMMUNE = 15.0


@dataclass(frozen=True)
class Box:
    south: float
    west: float
    north: float
    east: float

    def contains(self, latitude: float, longitude: float) -> bool:
        return self.south <= latitude <= self.north and self.west <= longitude <= self.east


def territory_box() -> Box | None:
    bounds = Commune.objects.in_territory().aggregate(
        south=Min("latitude"), north=Max("latitude"), west=Min("longitude"), east=Max("longitude")
    )
    if None in bounds.values():
        return None
    m = TERRITORY_MARGIN_DEG
    return Box(south=bounds["south"] - m, west=bounds["west"] - m,
               north=bounds["north"] + m, east=bounds["east"] + m)


def check_position(*, commune: Commune, latitude: float | None, longitude: float | None) -> None:
    """Raise a French ValidationError (keyed by field) unless the pin is plausible."""
    if latitude is None and longitude is None:
        return
    if latitude is None or longitude is None:
        raise ValidationError({"latitude": _("Indiquez la latitude et la longitude, ou aucune "
                                             "des deux.")})
    box = territory_box()
    if box is not None and not box.contains(latitude, longitude):
        raise ValidationError({"latitude": _("Ce point est en dehors du territoire : placez "
                                             "l'épingle dans le département.")})
    if commune.latitude is None or commune.longitude is None:
        return
    km = distance_km((latitude, longitude), (commune.latitude, commune.longitude))
    if km > MAX_KM_FROM_COMMUNE:
        raise ValidationError({"latitude": _(
            "Ce point est à %(km)d km du centre de %(commune)s : placez l'épingle sur la commune "
            "(%(max)d km au plus)."
        ) % {"km": round(km), "commune": commune.nom, "max": MAX_KM_FROM_COMMUNE}})
