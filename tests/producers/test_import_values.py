"""One cell at a time: prices, stocks, units, phones, SIRETs, communes, header names."""

from decimal import Decimal

import pytest

from marketplace.common.spreadsheet import escape_formula, unescape_formula
from marketplace.common.text import fold_words
from producers.catalogue_io import values as v
from producers.catalogue_io.columns import HeaderError, canonical, parse_header


@pytest.mark.parametrize(("text", "price"), [
    ("12.50", "12.50"), ("12,50", "12.50"), ("12,50 €", "12.50"), ("12,50€", "12.50"),
    ("€12.50", "12.50"), ("12 EUR", "12.00"), ("1 234,50 €", "1234.50"),
    ("1\u202f234,50\u00a0€", "1234.50"), ("1.234,50", "1234.50"), ("1,234.50", "1234.50"),
    ("12.5", "12.50"), ("12,500", "12.50"), ("0,01", "0.01"), ("10000", "10000.00"),
])
def test_prices_as_people_write_them(text, price):
    assert v.parse_price(text) == Decimal(price)


@pytest.mark.parametrize(("text", "reason"), [
    ("", "prix manquant"), ("douze", "n'est pas un prix"), ("12,5,0", "n'est pas un prix"),
    ("NaN", "n'est pas un prix"), ("Infinity", "n'est pas un prix"),
    ("0", "supérieur à 0"), ("-1", "supérieur à 0"), ("10000,01", "ne peut dépasser"),
    ("1,234", "au plus deux décimales"),
])
def test_bad_prices(text, reason):
    with pytest.raises(v.CellError, match=reason):
        v.parse_price(text)


@pytest.mark.parametrize(("text", "stock"), [
    ("", None), ("0", 0), ("12", 12), ("12,0", 12), ("12.0", 12), ("1 200", 1200),
])
def test_stocks(text, stock):
    assert v.parse_stock(text) == stock


@pytest.mark.parametrize("text", ["-1", "1,5", "dix", "99999999999"])
def test_bad_stocks(text):
    with pytest.raises(v.CellError):
        v.parse_stock(text)


@pytest.mark.parametrize(("text", "unit"), [
    ("kg", "kg"), ("KG", "kg"), ("kilo", "kg"), ("le kilo", "kg"), ("pièce", "piece"),
    ("Pieces", "piece"), ("la pièce", "piece"), ("unité", "piece"), ("bouteille", "bouteille"),
    ("Bouteilles", "bouteille"), ("douzaine", "douzaine"), ("demi-douzaine", "demi-douzaine"),
    ("Demi douzaine", "demi-douzaine"), ("botte", "botte"), ("les 100 g", "g"), ("g", "g"),
    ("litre", "litre"), ("L", "litre"), ("barquette", "barquette"), ("pot", "pot"),
    ("panier", "panier"), ("lot", "lot"),
])
def test_units_with_their_usual_spellings(text, unit):
    assert v.parse_unit(text) == unit


@pytest.mark.parametrize(("text", "phone"), [
    ("05 65 12 34 56", "05 65 12 34 56"), ("0565123456", "05 65 12 34 56"),
    ("05.65.12.34.56", "05 65 12 34 56"), ("05-65-12-34-56", "05 65 12 34 56"),
    ("+33 5 65 12 34 56", "05 65 12 34 56"), ("+33 (0)5 65 12 34 56", "05 65 12 34 56"),
    ("0033 6 12 34 56 78", "06 12 34 56 78"), ("", ""),
])
def test_french_phone_numbers_are_kept_the_french_way(text, phone):
    assert v.parse_phone(text) == phone


@pytest.mark.parametrize("text", ["05 65 12 34", "00 65 12 34 56", "+44 20 7946 0958", "abc"])
def test_bad_phone_numbers(text):
    with pytest.raises(v.CellError, match="téléphone français"):
        v.parse_phone(text)


def test_siret_with_spaces_is_compacted():
    assert v.parse_siret("732 829 320 00074") == "73282932000074"


def test_a_commune_code_that_lost_its_leading_zero_is_restored():
    communes = frozenset({"01001", "46042"})
    assert v.parse_commune("1001", communes=communes, postal_codes=frozenset(),
                           territory="Ain") == "01001"


@pytest.mark.parametrize(("text", "folded"), [
    ("Œufs", "oeufs"), ("Fromages de chèvre", "fromages-de-chevre"),
    ("  Bœuf & veau ", "boeuf-veau"),
])
def test_fold(text, folded):
    assert fold_words(text) == folded


@pytest.mark.parametrize(("header", "column"), [
    (" Producer_SIRET ", "producer_siret"), ("PRICE", "price"), ("Prix TTC", "price"),
    ("product name", "product_name"), ("Catégorie", "product_category"),
])
def test_header_names(header, column):
    assert canonical(header) == column


def test_header_positions_and_unknown_columns():
    header = parse_header(["SIRET", "producer_name", "producer_commune_insee", "product_name",
                           "product_category", "price", "unit", "Remarque", ""])

    assert header.positions["price"] == 5
    assert header.unknown == ("Remarque",)
    assert header.label("producer_siret") == "SIRET"
    assert "stock" not in header.present


def test_header_missing_columns_are_all_named():
    with pytest.raises(HeaderError, match="producer_siret, price"):
        parse_header(["producer_name", "producer_commune_insee", "product_name",
                      "product_category", "unit"])


@pytest.mark.parametrize("text", ["=HYPERLINK(\"x\")", "+33 5", "-- note", "@SUM(A1)", "ok"])
def test_formula_escaping_round_trips(text):
    assert unescape_formula(escape_formula(text)) == text
    assert not escape_formula(text).startswith(("=", "+", "-", "@"))
