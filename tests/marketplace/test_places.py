"""The commune box read as residents type it: postal codes, ligatures, abbreviations, unknown
names (pages, autocompletion, API)."""

import re

import pytest

from marketplace.directory.places import closest, resolve_place
from marketplace.reference.models import Commune

pytestmark = pytest.mark.django_db


def heading(response) -> str:
    found = re.search(r'<h2 id="results-title"[^>]*>(.*?)</h2>', response.content.decode(), re.S)
    assert found
    return re.sub(r"\s+", " ", found.group(1)).strip()


def test_a_postal_code_in_the_box_means_its_main_commune(client, catalogue):
    response = client.get("/producteurs/", {"commune": "46100", "radius_km": "5"})

    assert heading(response) == "1 producteur à moins de 5 km autour de Figeac (46102)"
    html = response.content.decode()
    # 46100 is also the INSEE code of Faycelles: one click switches to it.
    assert "commune=Faycelles+%2846100%29" in html
    assert "La Chèvrerie de Figeac" in html


def test_the_api_keeps_the_insee_code(client, catalogue):
    body = client.get("/api/v1/producers/", {"commune": "46100", "radius_km": "1"}).json()

    assert body["count"] == 0  # Faycelles, where no producer is


def test_the_switch_link_reads_the_insee_code(lot_communes):
    place = resolve_place("Faycelles (46100)")

    assert place.commune is not None
    assert (place.commune.code_insee, place.alternatives) == ("46100", [])


def test_an_insee_code_that_is_no_postal_code_is_read_as_insee(lot_communes):
    commune = resolve_place("46102").commune
    assert commune is not None
    assert commune.nom == "Figeac"


@pytest.mark.parametrize("text", ["zzzz", "Paris", "Figeak"])
def test_an_unknown_commune_gets_a_message_not_a_silent_zero(client, catalogue, text):
    response = client.get("/produits/", {"commune": text})

    html = response.content.decode()
    assert response.status_code == 200
    assert f"Commune inconnue : « {text} »" in html
    assert heading(response) == "0 produits"


def test_an_unknown_commune_suggests_the_closest_names(client, catalogue):
    html = client.get("/produits/", {"commune": "Figeak"}).content.decode()

    assert "Vouliez-vous dire" in html
    assert "commune=Figeac+%2846102%29" in html
    assert [c.nom for c in closest("Sain-Cirq-Lapopie")][:1] == ["Saint-Cirq-Lapopie"]


@pytest.mark.parametrize(("text", "code"), [
    ("coeur de causse", "46138"), ("Coeur-de-Causse", "46138"), ("st cere", "46251"),
    ("St-Cirq-Lapopie", "46256"),
])
def test_ligatures_and_abbreviations_in_pages_autocompletion_and_api(client, lot_communes,
                                                                    text, code):
    nom = Commune.objects.get(code_insee=code).nom

    page = client.get("/produits/", {"commune": text})
    assert heading(page).endswith(f"autour de {nom} ({code})")
    suggested = client.get("/autocompletion/communes/", {"q": text}).json()["results"]
    assert suggested[0]["code_insee"] == code
    listed = client.get("/api/v1/communes/", {"q": text}).json()["results"]
    assert [c["code_insee"] for c in listed][:1] == [code]


def test_commune_slugs_spell_ligatures_out(lot_communes):
    assert Commune.objects.get(code_insee="46138").slug == "coeur-de-causse"
