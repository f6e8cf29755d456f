"""Search quality, on whichever database runs the suite (SQLite FTS5 or PostgreSQL)."""

import pytest

from marketplace import search
from marketplace.directory.views.autocomplete import product_names
from marketplace.search.text import document_text, query_words
from producers import services
from producers.models import Producer, Product
from tests.factories import ProducerFactory, ProductFactory, category, label

pytestmark = pytest.mark.django_db


def names(text: str, *, index: str = "product", **kwargs) -> list[str]:
    """What the pages list for this text, best match first."""
    found = search.match(index, text, **kwargs)
    if found is None:
        return []
    ranks = dict(found.ranked())
    model = Product if index == "product" else Producer
    rows = model.objects.filter(pk__in=found.ids()).values_list("pk", "nom")
    return [nom for pk, nom in sorted(rows, key=lambda r: (ranks[r[0]], r[1]))]


def test_the_normalizer_indexes_accented_and_folded_stems():
    assert document_text("Fermière") == "fermiere fermi fermier"
    assert [w.forms for w in query_words("les fromages de chèvre")] == [
        ("fromages", "fromag"), ("chevre", "chevr")]


def test_accents_and_case_are_ignored(catalogue):
    assert "Fromage de chèvre frais" in names("chevre")
    assert "Fromage de chèvre frais" in names("CHÈVRE")
    assert names("CAHORS")[0] == "Vin de Cahors AOC 2022"


def test_plurals_and_inflections_match(catalogue):
    assert "Fromage de chèvre frais" in names("fromages")
    assert names("truffe") == ["Truffes noires"]
    assert names("noix") == ["Noix fraîches"]


def test_fermier_finds_fermiere(catalogue):
    assert names("fermier") == ["Pintade fermière"]
    assert names("fermiere") == ["Pintade fermière"]


def test_one_typo_is_forgiven_in_long_words(catalogue):
    assert names("rocamdour") == ["Rocamadour AOP"]
    assert names("safrant") == ["Safran du Quercy"]


def test_short_words_get_no_typo_tolerance(catalogue):
    assert names("noix") == ["Noix fraîches"]
    assert names("noux") == []


def test_prefix_completes_the_last_word_in_the_search_itself(catalogue):
    assert names("roca") == ["Rocamadour AOP"]
    assert names("roca", prefix_last=False) == []
    assert product_names("roca", limit=8) == ["Rocamadour AOP"]
    # A whole word typed is not completed into longer words ranked alike: "noix" is not a prefix
    # here, but short prefixes are not completed at all (they would match most of a catalogue).
    assert names("ro") == []


def test_every_word_before_some_words(catalogue):
    # "fromage" (category) + "figeac" (the producer's commune): the one product with both first,
    # then those with one of them.
    assert names("fromage figeac")[0] == "Fromage de chèvre frais"
    assert names("truffes lalbenque")[0] == "Truffes noires"
    assert names("vin cahors")[0] == "Vin de Cahors AOC 2022"
    # No truffles in Figeac: the truffles and Figeac's products, rather than nothing.
    assert set(names("truffes figeac")) == {"Truffes noires", "Fromage de chèvre frais",
                                            "Pintade fermière"}


def test_stop_words_alone_find_nothing(catalogue):
    assert names("de la") == []
    assert names("vin de la") == ["Vin de Cahors AOC 2022"]


def test_english_staples_find_the_french_products(catalogue):
    assert set(names("goat cheese")[:3]) == {"Fromage de chèvre frais", "Bûche cendrée",
                                             "Rocamadour AOP"}
    assert names("walnuts") == ["Noix fraîches"]
    assert names("saffron") == ["Safran du Quercy"]
    assert names("truffles") == ["Truffes noires"]
    assert names("wine")[0] == "Vin de Cahors AOC 2022"


def test_only_published_products_of_public_producers_are_found(catalogue):
    found = names("chevre")

    assert "Fromage de chèvre frais" in found
    assert "Chèvre brouillon" not in found  # a draft
    assert "Chèvre caché" not in found  # its producer is pending


def test_name_ranks_above_category_above_producer_above_description(lot_communes):
    plain = ProducerFactory(nom="Ferme Alpha")
    ProductFactory(producer=plain, nom="Laine filée", category=category("textile"),
                   description="La laine de nos brebis.")
    ProductFactory(producer=ProducerFactory(nom="Bergerie des brebis"), nom="Savon doux",
                   category=category("cosmetiques"), description="Doux.")
    ProductFactory(producer=plain, nom="Pérail", category=category("fromages-de-brebis"),
                   description="Un fromage.")
    ProductFactory(producer=plain, nom="Yaourt au lait de brebis",
                   category=category("yaourts-et-cremes"), description="Nature.")

    assert names("brebis") == ["Yaourt au lait de brebis", "Pérail", "Savon doux",
                               "Laine filée"]


def test_renaming_a_product_reindexes_it(catalogue):
    services.product_update(product=catalogue.products["noix"], data={"nom": "Cerneaux de noix"})

    assert names("cerneaux") == ["Cerneaux de noix"]


def test_archiving_or_deleting_removes_from_the_index(catalogue):
    assert (names("noix"), names("safran")) == (["Noix fraîches"], ["Safran du Quercy"])

    services.product_archive(product=catalogue.products["noix"])
    services.product_remove(product=catalogue.products["safran"])

    assert names("noix") == []
    assert names("safran") == []


def test_suspending_a_producer_removes_its_products(catalogue):
    assert names("truffes") == ["Truffes noires"]

    services.producer_suspend(producer=catalogue.producers["lalbenque"], reason="Fiche à revoir")

    assert names("truffes") == []
    assert names("truffiere", index="producer") == []


def test_renaming_a_producer_reindexes_its_products(catalogue):
    services.producer_update(producer=catalogue.producers["cahors"], data={"nom": "Clos Malbec"})

    assert names("malbec") == ["Noix fraîches", "Vin de Cahors AOC 2022"]


def test_labels_are_searchable_and_follow_label_changes(catalogue):
    services.product_update(product=catalogue.products["noix"], data={},
                            labels=[label("agriculture-biologique")])

    assert names("biologique") == ["Noix fraîches"]


def test_producers_are_searched_by_name_products_and_commune(catalogue):
    assert names("truffes", index="producer") == ["Truffière de Lalbenque"]
    assert names("figeac", index="producer") == ["La Chèvrerie de Figeac"]


def test_rebuild_index_restores_everything(catalogue):
    from marketplace.search.backends import get_backend
    from producers.indexing import rebuild_index

    get_backend().clear()
    assert names("chevre") == []

    rebuild_index()

    assert set(names("chevre", prefix_last=False)) == {"Fromage de chèvre frais", "Bûche cendrée",
                                                       "Rocamadour AOP"}
