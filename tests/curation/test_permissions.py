"""Every /curation/ page is for the « Équipe CCI » group only; the group holds exactly the
permissions the area's views ask for."""

from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.urls import URLPattern, URLResolver, get_resolver

from marketplace.curation.models import ImportRun
from marketplace.curation.permissions import CCI_GROUP, CCI_PERMISSIONS
from producers.models import Campaign, Featuring, ListingClaim
from tests.factories import ProductFactory, UserFactory


def curation_patterns() -> list[URLPattern]:
    resolver = next(p for p in get_resolver().url_patterns
                    if isinstance(p, URLResolver) and p.namespace == "curation")
    return [p for p in resolver.url_patterns if isinstance(p, URLPattern)]


def example_url(pattern: URLPattern, slug: str, pks: dict[str, int]) -> str:
    route = str(pattern.pattern)
    pk = pks.get((pattern.name or "").split("_")[0], pks["product"])
    route = route.replace("<slug:slug>", slug).replace("<int:pk>", str(pk))
    assert "<" not in route, route
    return f"/curation/{route}"


@pytest.fixture
def urls(lot_communes) -> list[tuple[str, str]]:
    """Every pattern of the area, with real records behind its ids."""
    product = ProductFactory.create()
    producer = product.producer
    claimant = UserFactory.create(username="claire@example.test")
    pks = {
        "product": product.pk,
        "claim": ListingClaim.objects.create(producer=producer, user=claimant,
                                             siret=producer.siret, origin="signup").pk,
        "featuring": Featuring.objects.create(product=product, starts_on=date(2026, 1, 1)).pk,
        "campaign": Campaign.objects.create(title="Noël", slug="noel",
                                            starts_on=date(2026, 12, 1)).pk,
        "import": ImportRun.objects.create(original_name="a.csv", file="imports/a.csv").pk,
    }
    return [(p.name or "", example_url(p, producer.slug, pks)) for p in curation_patterns()]


def test_there_are_pages_to_check():
    assert len(curation_patterns()) >= 25


@pytest.mark.parametrize("method", ["get", "post"])
def test_visitors_are_sent_to_the_login_page(visitor, urls, method):
    for name, url in urls:
        response = getattr(visitor.client, method)(url)

        assert response.status_code == 302, name
        assert response["Location"].startswith("/espace-producteur/connexion/?next="), name


@pytest.mark.parametrize("method", ["get", "post"])
def test_producers_get_403(farmer, urls, method):
    for name, url in urls:
        assert getattr(farmer.client, method)(url).status_code == 403, name


@pytest.mark.parametrize("method", ["get", "post"])
def test_staff_without_the_group_get_403(staff_without_group, urls, method):
    for name, url in urls:
        assert getattr(staff_without_group.client, method)(url).status_code == 403, name


def test_the_group_reaches_every_page(cci, urls):
    for name, url in urls:
        response = cci.client.get(url)

        # Pages answer 200; POST-only actions 405; nothing is refused.
        assert response.status_code in (200, 405), (name, response.status_code)


def test_the_group_holds_exactly_the_permissions_the_views_ask_for(db):
    asked = {"curation.access_curation"} | {
        getattr(p.callback, "curation_permission") for p in curation_patterns()}  # noqa: B009
    group = Group.objects.get(name=CCI_GROUP)
    held = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}

    assert held == asked == set(CCI_PERMISSIONS)


def test_the_group_gives_nothing_of_the_django_admin(cci):
    assert cci.client.get("/admin/").status_code == 302
