"""Every dashboard page: the owner and staff read it, another producer gets 404, anonymous
visitors are sent to the login; pages extend the site layout and load the dashboard CSS."""

import pytest
from django.urls import reverse

from tests.factories import PointOfSaleFactory, ProductFactory
from tests.producers.factories import ProducerPhotoFactory

PAGES = ["home", "profile", "photos", "points_of_sale", "point_of_sale_create",
         "point_of_sale_update", "point_of_sale_delete", "team", "products", "product_create",
         "product_update", "product_delete"]


@pytest.fixture
def farm_objects(owner):
    return {
        "point": PointOfSaleFactory.create(producer=owner.producer).pk,
        "product": ProductFactory.create(producer=owner.producer).pk,
        "photo": ProducerPhotoFactory.create(producer=owner.producer).pk,
    }


def page_url(name: str, objects: dict) -> str:
    kwargs: dict = {"slug": "la-borie"}
    if name.startswith("point_of_sale_") and name != "point_of_sale_create":
        kwargs["pk"] = objects["point"]
    if name in ("product_update", "product_delete"):
        kwargs["pk"] = objects["product"]
    return reverse(f"producers:{name}", kwargs=kwargs)


@pytest.mark.django_db
@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize(("actor_name", "status"), [
    ("owner", 200), ("staff", 200), ("other", 404), ("anonymous", 302),
])
def test_dashboard_pages_are_scoped(request, owner, other, farm_objects, name, actor_name,
                                    status):
    actor = request.getfixturevalue(actor_name)

    response = actor.client.get(page_url(name, farm_objects))

    assert response.status_code == status
    if status == 200:
        html = response.content.decode()
        assert "css/dashboard.css" in html and 'id="contenu"' in html
        assert 'aria-current="page"' in html
    if status == 302:
        assert response["Location"].startswith("/espace-producteur/connexion/?next=")
