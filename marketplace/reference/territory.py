"""Loading the territory (départements, intercommunalités, communes) from the shipped data.

Sources: INSEE, La Poste, annuaire de l'administration (Licence Ouverte), see data/README.md.
"""

import csv
import gzip
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction

from marketplace.reference.models import Commune, Departement, Epci, commune_slug

DATA_DIR = Path(settings.BASE_DIR) / "data"
LOT_FILE = DATA_DIR / "communes-lot-46.csv"
FRANCE_FILE = DATA_DIR / "communes-france.csv.gz"
DEPARTEMENTS_FILE = DATA_DIR / "departements-france.csv"


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int


def _read_communes(departements: set[str]) -> Iterator[dict[str, str]]:
    # The Lot's own file is small; every other département needs the national file.
    if departements == {"46"}:
        with LOT_FILE.open(encoding="utf-8", newline="") as handle:
            yield from csv.DictReader(handle)
        return
    with gzip.open(FRANCE_FILE, "rb") as raw:
        reader = csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8", newline=""))
        for row in reader:
            if row["departement"] in departements:
                yield row


def count_communes(departements: Iterable[str]) -> int:
    return sum(1 for _ in _read_communes(set(departements)))


def _float(value: str) -> float | None:
    return float(value) if value.strip() else None


COMMUNE_FIELDS = ["nom", "slug", "departement_id", "codes_postaux", "epci_id", "population",
                  "latitude", "longitude"]


def _commune_fields(row: dict[str, str]) -> dict[str, object]:
    return {
        "nom": row["nom"],
        "slug": commune_slug(row["nom"]),
        "departement_id": row["departement"],
        "codes_postaux": " ".join(row["codes_postaux"].split()),
        "epci_id": row["epci_siren"] or None,
        "population": int(row["population"] or 0),
        "latitude": _float(row["latitude"]),
        "longitude": _float(row["longitude"]),
    }


def _load_departements() -> None:
    with DEPARTEMENTS_FILE.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            Departement.objects.update_or_create(
                code=row["code"],
                defaults={"nom": row["nom"], "region_code": row["region_code"],
                          "region_nom": row["region_nom"]},
            )


@transaction.atomic
def communes_import(
    *, departements: Iterable[str], progress: Callable[[int], None] | None = None
) -> ImportResult:
    """Create or update the communes of these départements; running it twice changes nothing."""
    wanted = {code.strip().upper().zfill(2) for code in departements}
    _load_departements()
    unknown = wanted - set(Departement.objects.values_list("code", flat=True))
    if unknown:
        raise ValueError(f"Département inconnu : {', '.join(sorted(unknown))}")
    existing = {c.code_insee: c for c in Commune.objects.filter(departement_id__in=wanted)}
    epcis: dict[str, str] = {}
    to_create: list[Commune] = []
    to_update: list[Commune] = []
    unchanged = 0
    for row in _read_communes(wanted):
        if row["epci_siren"]:
            epcis[row["epci_siren"]] = row["epci_nom"]
        values = _commune_fields(row)
        current = existing.get(row["code_insee"])
        if current is None:
            to_create.append(Commune(code_insee=row["code_insee"], **values))  # type: ignore[misc]
        elif any(getattr(current, f) != v for f, v in values.items()):
            for f, v in values.items():
                setattr(current, f, v)
            to_update.append(current)
        else:
            unchanged += 1
        if progress:
            progress(1)
    for siren, nom in epcis.items():
        Epci.objects.update_or_create(siren=siren, defaults={"nom": nom})
    Commune.objects.bulk_create(to_create, batch_size=500)
    Commune.objects.bulk_update(to_update, COMMUNE_FIELDS, batch_size=500)
    return ImportResult(created=len(to_create), updated=len(to_update), unchanged=unchanged)

