"""The list pages' filter form: its long lists are built once per catalogue version (so a change
to categories, labels or where producers are shows at once), the intercommunalités listed are
those with producers, and the request's choices are marked selected."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from marketplace.reference.models import Category, Commune, Label
from tests.factories import ProducerFactory, ProductFactory, category, commune, label

pytestmark = pytest.mark.django_db

GRAND_FIGEAC = "200067361"
GRAND_CAHORS = "200023737"


@pytest.fixture(autouse=True)
def _cached_pages(settings):
    # The anonymous page cache on, as in production: what it serves must follow the changes.
    settings.PAGE_CACHE_SECONDS = 300


@pytest.fixture
def staff(lot_communes):
    user = get_user_model().objects.create_superuser("cci@example.test", "cci@example.test",
                                                     "motdepasse-solide-46")
    client = Client()
    client.force_login(user)
    return client


def _select(html: str, name: str) -> str:
    found = re.search(rf'<select id="id_{name}" name="{name}"[^>]*>(.*?)</select>', html, re.S)
    assert found is not None
    return found.group(1)


def _options(html: str, name: str) -> list[str]:
    return re.findall(r'<option value="([^"]*)"', _select(html, name))


def _selected(html: str, name: str) -> list[str]:
    return re.findall(r'<option value="([^"]*)" selected>', _select(html, name))


def _page(url: str, **params: str | list[str]) -> str:
    response = Client().get(url, params)
    assert response.status_code == 200
    return response.content.decode()


def test_only_intercommunalites_with_producers_are_listed(lot_communes):
    ProducerFactory(commune=commune("46102"))  # Figeac
    ProducerFactory(commune=commune("46042"), status="pending")  # Cahors, not public

    epcis = _options(_page("/produits/"), "epci")

    assert epcis == ["", GRAND_FIGEAC]
    assert Commune.objects.in_territory().values("epci").distinct().count() > 5


def test_an_intercommunalite_asked_for_without_producers_stays_selected(lot_communes):
    ProducerFactory(commune=commune("46102"))

    html = _page("/produits/", epci=GRAND_CAHORS)

    assert _options(html, "epci") == ["", GRAND_CAHORS, GRAND_FIGEAC]
    assert _selected(html, "epci") == [GRAND_CAHORS]
    assert re.search(rf'value="{GRAND_CAHORS}" selected>[^<]*Cahors[^<]*<', html)


def test_a_too_long_intercommunalite_is_an_error_not_an_option(lot_communes):
    ProducerFactory(commune=commune("46102"))

    html = _page("/produits/", epci="2000673610")

    assert _options(html, "epci") == ["", GRAND_FIGEAC]
    assert _selected(html, "epci") == []
    assert 'href="#id_epci"' in html


def test_the_chosen_category_and_labels_are_marked(lot_communes):
    ProductFactory(category=category("fromages-de-chevre"))

    html = _page("/produits/", category="fromages-de-chevre", label=["aop", "igp"])

    assert _selected(html, "category") == ["fromages-de-chevre"]
    checked = re.findall(r'name="label" value="([^"]+)" checked>', html)
    assert checked == [s for s in Label.objects.order_by("nom").values_list("slug", flat=True)
                       if s in ("aop", "igp")]
    assert len(checked) == 2


def test_a_value_with_markup_is_escaped_and_selects_nothing(lot_communes):
    html = _page("/produits/", category='"><script>x</script>', label='aop">')

    assert "<script>x" not in html
    assert _selected(html, "category") == []
    labels = re.search(r'<fieldset class="field field-labels">(.*?)</fieldset>', html, re.S)
    assert labels is not None and "checked" not in labels.group(1)


def test_a_category_added_in_the_admin_shows_at_once(staff):
    before = _page("/produits/")
    assert "Fromages de brebis affinés" not in before
    parent = category("fromages-et-produits-laitiers")

    response = staff.post("/admin/reference/category/add/", {
        "nom": "Fromages de brebis affinés", "slug": "fromages-de-brebis-affines",
        "parent": parent.pk, "position": 99})

    assert response.status_code == 302
    assert "fromages-de-brebis-affines" in _options(_page("/produits/"), "category")


def test_a_label_renamed_in_the_admin_shows_at_once(staff):
    aop = label("aop")
    assert "AOP (appellation d&#x27;origine protégée)" in _page("/produits/")

    response = staff.post(f"/admin/reference/label/{aop.pk}/change/", {
        "nom": "Appellation protégée (AOP)", "slug": "aop"})

    assert response.status_code == 302
    html = _page("/produits/")
    assert "Appellation protégée (AOP)" in html
    assert "AOP (appellation d&#x27;origine protégée)" not in html


def test_labels_deleted_in_the_admin_disappear_at_once(staff):
    Label.objects.create(nom="Label éphémère", slug="label-ephemere")
    assert "Label éphémère" in _page("/produits/")

    response = staff.post("/admin/reference/label/", {
        "action": "delete_selected", "_selected_action": [Label.objects.get(
            slug="label-ephemere").pk], "post": "yes"})

    assert response.status_code == 302
    assert not Label.objects.filter(slug="label-ephemere").exists()
    assert "Label éphémère" not in _page("/produits/")


def test_a_producer_in_a_new_intercommunalite_adds_it_at_once(lot_communes):
    ProducerFactory(commune=commune("46102"))
    assert _options(_page("/produits/"), "epci") == ["", GRAND_FIGEAC]

    ProducerFactory(commune=commune("46042"))

    assert _options(_page("/produits/"), "epci") == ["", GRAND_CAHORS, GRAND_FIGEAC]


def test_the_next_catalogue_write_refreshes_the_lists(lot_communes):
    _page("/produits/?page_size=5")
    Category.objects.filter(slug="fromages-de-chevre").update(nom="Chèvres renommées")

    ProductFactory(category=category("miels"))

    assert "Chèvres renommées" in _page("/produits/?page_size=7")


@pytest.fixture
def national(settings, monkeypatch):
    """A territory with more intercommunalités than the form lists at once."""
    from marketplace.directory import filter_panel

    monkeypatch.setattr(filter_panel, "MAX_EPCI_OPTIONS", 1)


def test_a_large_territory_asks_for_a_commune_before_listing_intercommunalites(
        lot_communes, national):
    ProducerFactory(commune=commune("46102"))
    ProducerFactory(commune=commune("46042"))

    html = _page("/produits/")

    assert _options(html, "epci") == [""]
    assert 'aria-describedby="id_epci_help"' in html
    assert "Choisissez d'abord une commune" in html


def test_a_large_territory_lists_the_chosen_communes_departement(lot_communes, national):
    ProducerFactory(commune=commune("46102"))
    ProducerFactory(commune=commune("46042"))

    html = _page("/produits/", commune="46042")

    assert _options(html, "epci") == ["", GRAND_CAHORS, GRAND_FIGEAC]
    assert "id_epci_help" not in html


def test_a_large_territory_keeps_an_intercommunalite_asked_for(lot_communes, national):
    ProducerFactory(commune=commune("46102"))
    ProducerFactory(commune=commune("46042"))

    html = _page("/produits/", epci=GRAND_FIGEAC)

    assert _options(html, "epci") == ["", GRAND_FIGEAC]
    assert _selected(html, "epci") == [GRAND_FIGEAC]
