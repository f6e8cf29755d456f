"""Requests built to cost the server more than a visitor's: repeated filters, odd numbers, long
addresses, big bodies. Each gets a clear answer at the cost of a normal one."""

import pytest

from producers import services
from tests.factories import label

pytestmark = pytest.mark.django_db


def test_a_label_repeated_many_times_counts_once(client, catalogue,
                                                 django_assert_max_num_queries):
    services.product_update(product=catalogue.products["rocamadour"], data={},
                            labels=[label("aop")])
    once = client.get("/produits/", {"label": "aop"})

    with django_assert_max_num_queries(8):
        repeated = client.get("/produits/?" + "&".join(["label=aop"] * 200))

    assert repeated.status_code == 200
    assert [p.pk for p in repeated.context["results"]] == [p.pk for p in once.context["results"]]
    assert len(once.context["results"]) == 1  # the Rocamadour AOP


def test_a_label_repeated_a_thousand_times_is_refused_before_any_query(
    client, django_assert_num_queries
):
    with django_assert_num_queries(0):
        response = client.get("/produits/?" + "&".join(["label=aop"] * 1000))

    assert response.status_code == 414


def test_the_api_dedupes_repeated_filters_too(client, catalogue):
    response = client.get("/api/v1/producers/?" + "&".join(["point_of_sale=market"] * 60))

    assert response.status_code == 200
    assert response.json()["count"] == 2


def test_more_than_ten_different_labels_is_a_form_error_and_a_400(client, catalogue):
    query = "&".join(f"label=l{n}" for n in range(11))

    page = client.get(f"/produits/?{query}")
    api = client.get(f"/api/v1/products/?{query}")

    assert page.status_code == 200
    assert "10 valeurs différentes au plus." in page.content.decode()
    assert api.status_code == 400
    assert api.json() == {"label": ["10 valeurs différentes au plus."]}


@pytest.mark.parametrize("value", ["²", "٣", "1e3", "-1", "0", "9999999999"])
def test_odd_page_numbers_are_refused_clearly(client, catalogue, value):
    page = client.get("/produits/", {"page": value, "page_size": value})
    api = client.get("/api/v1/products/", {"page": value})

    assert page.status_code == 200
    assert "n&#x27;est pas un nombre entier positif" in page.content.decode()
    assert api.status_code in (400, 404)  # 404: a page past the last one
    if value != "9999999999":
        assert api.status_code == 400
        assert api.json()["page"] == [f"« {value} » n'est pas un nombre entier positif."]


def test_an_address_longer_than_any_the_site_makes_is_refused(client):
    response = client.get("/produits/?q=" + "x" * 3000)

    assert response.status_code == 414
    assert "Cette adresse est trop longue" in response.content.decode()


def test_the_api_refuses_a_too_long_address_in_json_as_its_schema_says(client):
    response = client.get("/api/v1/categories/?q=" + "x" * 3000)
    schema = client.get("/api/schema/?format=json").json()

    assert response.status_code == 414
    assert response.json()["detail"] == (
        "Cette adresse est trop longue : retirez des filtres et réessayez.")
    for item in schema["paths"].values():
        for operation in item.values():
            assert "414" in operation["responses"]


def test_a_big_anonymous_body_is_refused_before_it_is_read(client):
    response = client.post("/espace-producteur/connexion/", {"username": "x", "password": "y"},
                           CONTENT_LENGTH=str(300 * 1024 * 1024))

    assert response.status_code == 413
    assert "256 Ko au plus" in response.content.decode()


def test_a_big_body_is_refused_in_json_by_the_api(client):
    response = client.post("/api/v1/auth/token/", {"username": "x"},
                           content_type="application/json", CONTENT_LENGTH=str(2 * 1024 * 1024))

    assert response.status_code == 413
    assert response.json()["detail"].startswith("La requête est trop volumineuse")
