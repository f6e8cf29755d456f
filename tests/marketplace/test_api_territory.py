import pytest


@pytest.mark.django_db
def test_communes_of_the_lot_are_312_with_coordinates(client, lot_communes):
    response = client.get("/api/v1/communes/", {"departement": "46", "page_size": 100})

    body = response.json()
    assert response.status_code == 200
    assert body["count"] == 312
    assert all(c["latitude"] is not None and c["longitude"] is not None for c in body["results"])


@pytest.mark.django_db
def test_commune_fields_follow_the_contract(client, lot_communes):
    response = client.get("/api/v1/communes/46042/")

    assert response.json() == {
        "code_insee": "46042",
        "nom": "Cahors",
        "departement": "46",
        "codes_postaux": ["46000"],
        "epci": {"siren": "200023737", "nom": response.json()["epci"]["nom"]},
        "latitude": response.json()["latitude"],
        "longitude": response.json()["longitude"],
        "population": 19878,
    }
    assert "Grand Cahors" in response.json()["epci"]["nom"]


@pytest.mark.django_db
def test_commune_search_by_name_prefix_ignores_case_and_puts_larger_towns_first(
    client, lot_communes
):
    response = client.get("/api/v1/communes/", {"departement": "46", "q": "CAH"})

    assert [c["nom"] for c in response.json()["results"]] == ["Cahors", "Cahus"]


@pytest.mark.django_db
def test_commune_search_ignores_accents_and_matches_inner_words(client, lot_communes):
    response = client.get("/api/v1/communes/", {"q": "leveque"})

    assert [c["code_insee"] for c in response.json()["results"]] == ["46231"]


@pytest.mark.django_db
def test_commune_search_by_postal_code_returns_every_commune_sharing_it(client, lot_communes):
    response = client.get("/api/v1/communes/", {"q": "46100", "page_size": 100})

    codes = {c["code_insee"] for c in response.json()["results"]}
    assert "46102" in codes  # Figeac
    assert len(codes) > 1


@pytest.mark.django_db
def test_communes_list_runs_a_fixed_number_of_queries(client, lot_communes,
                                                      django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        response = client.get("/api/v1/communes/", {"page_size": 100})

    body = response.json()
    assert body["count"] == 312 and len(body["results"]) == 100
    assert all(c["epci"] and c["codes_postaux"] for c in body["results"])


@pytest.mark.django_db
def test_categories_list_gives_slug_name_and_parent(client):
    response = client.get("/api/v1/categories/", {"page_size": 100})

    by_slug = {c["slug"]: c for c in response.json()["results"]}
    assert by_slug["fromages-et-produits-laitiers"] == {
        "slug": "fromages-et-produits-laitiers", "nom": "Fromages et produits laitiers",
        "parent": None,
    }
    assert by_slug["fromages-de-chevre"]["parent"] == "fromages-et-produits-laitiers"
    assert by_slug["truffes"]["parent"] == "epicerie"


@pytest.mark.django_db
@pytest.mark.parametrize("params", [{"page": "abc"}, {"page_size": "-3"}, {"page": "0"}])
def test_malformed_page_numbers_give_a_400_with_a_french_message(client, lot_communes, params):
    response = client.get("/api/v1/communes/", params)

    assert response.status_code == 400
    assert "n'est pas un nombre entier positif" in str(response.json())


@pytest.mark.django_db
def test_page_size_is_capped_at_100(client, lot_communes):
    response = client.get("/api/v1/communes/", {"page_size": "500"})

    assert len(response.json()["results"]) == 100
