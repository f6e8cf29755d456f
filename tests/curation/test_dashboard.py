"""The dashboard (charts drawn by the server), searches logged without personal data, the
reference data and the exports."""

import csv
import io
from datetime import timedelta

from django.utils import timezone

from marketplace.directory.models import SearchLog
from orders.models import Order, OrderStatus
from producers.models import ProducerStatus
from tests.factories import ProducerFactory, ProductFactory, UserFactory, commune
from tests.orders.ordering import ordered


def test_searches_are_logged_without_personal_data(client, lot_communes):
    ProductFactory.create(nom="Rocamadour")
    client.force_login(UserFactory.create(username="quelquun@example.test"))

    client.get("/produits/?q=Rocamadour", REMOTE_ADDR="203.0.113.9")
    client.get("/produits/?q=Rocamadour&page=2")  # a further page is the same search
    client.get("/producteurs/?q=Xylophone quantique")

    rows = list(SearchLog.objects.order_by("pk").values())
    assert [{k: v for k, v in r.items() if k != "id"} for r in rows] == [
        {"day": timezone.localdate(), "kind": "products", "query": "rocamadour", "results": 1},
        {"day": timezone.localdate(), "kind": "producers", "query": "xylophone quantique",
         "results": 0},
    ]
    assert {f.name for f in SearchLog._meta.get_fields()} == {
        "id", "day", "kind", "query", "results"}


def test_the_dashboard_draws_its_charts_as_svg_with_tables(cci, client, lot_communes):
    ProducerFactory.create(nom="Ferme de Figeac", commune=commune("46102"))
    ProducerFactory.create(nom="Attente", status=ProducerStatus.PENDING)
    ProductFactory.create(nom="Sans photo")
    client.get("/produits/?q=zzzz")

    response = cci.client.get("/curation/")

    html = response.content.decode()
    assert html.count('<svg class="chart"') == 5
    assert "<script" not in html.split("<main")[1].split("</main>")[0]
    assert response.context["without_photo"] == 1
    assert response.context["no_result"] == [("zzzz", 1)]
    assert [p.nom for p, _days in response.context["waiting"]] == ["Attente"]
    assert [(b.label, b.value) for b in response.context["by_epci"].bars] == [
        ("Communauté d'agglomération du Grand Cahors", 1),
        ("Communauté de communes Grand-Figeac", 1)]
    assert ">Communauté de communes Grand-Figeac</td><td>1</td>" in html


def test_orders_per_week_are_charted_and_given_as_a_table(cci, lot_communes):
    last_week = ordered(ProductFactory.create())
    ordered(ProductFactory.create())
    unpaid = ordered(ProductFactory.create())
    Order.objects.filter(pk=last_week.pk).update(placed_at=timezone.now() - timedelta(weeks=1))
    Order.objects.filter(pk=unpaid.pk).update(status=OrderStatus.AWAITING_PAYMENT)
    monday = timezone.localdate() - timedelta(days=timezone.localdate().weekday())

    response = cci.client.get("/curation/")

    bars = [(b.label, b.value) for b in response.context["orders"].bars]
    assert len(bars) == 12 and sum(v for _, v in bars) == 2
    assert bars[-2:] == [(f"{monday - timedelta(weeks=1):%d/%m}", 1), (f"{monday:%d/%m}", 1)]
    html = response.content.decode()
    assert 'aria-labelledby="chart-orders-caption"' in html  # the chart is named
    assert f"<td>{monday:%d/%m}</td><td>1</td>" in html  # and given as a table
    assert response.context["order_total"] == 2


def test_the_statistics_export_escapes_formulas(cci, client, lot_communes):
    client.get("/produits/?q==HYPERLINK(1)")

    response = cci.client.get("/curation/exports/statistiques.csv")

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert ["recherches sans résultat (90 jours)", "'=hyperlink(1)", "1"] in rows


def test_the_directory_export_is_the_import_columns(cci, lot_communes):
    ProductFactory.create(nom="Noix")

    response = cci.client.get("/curation/exports/annuaire.csv")

    header = response.content.decode("utf-8-sig").splitlines()[0]
    assert header.startswith("producer_siret;producer_name;producer_commune_insee")
    assert response["Content-Disposition"].startswith('attachment; filename="annuaire-')


def test_the_reference_data_lists_categories_labels_and_communes(cci):
    response = cci.client.get("/curation/referentiel/")

    assert len(response.context["communes"]) == 312
    html = response.content.decode()
    assert '<td>Fromages de chèvre</td><td>Fromages et produits laitiers</td>' in html
    assert '<td lang="en">Goat cheese</td>' in html
