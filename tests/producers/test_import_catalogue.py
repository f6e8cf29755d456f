"""`manage.py import_catalogue`: the report, all or nothing, dry run, skip-invalid, upsert."""

from decimal import Decimal
from typing import cast

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import CommandError
from django.test import Client

from marketplace.reference.models import Label
from producers.catalogue_io import RowError, catalogue_import
from producers.models import Producer, ProducerStatus, Product
from tests.factories import MembershipFactory, ProducerFactory, ProductFactory, UserFactory
from tests.producers.conftest_import import (  # noqa: F401 - fixtures
    FIXTURES,
    SIRET_A,
    SIRET_B,
    catalogue_fixture,
    row,
    run,
    snapshot,
)

EXCEL_FR = FIXTURES / "catalogue_excel_fr.csv"
BAD_ROWS = FIXTURES / "catalogue_bad_rows.csv"

pytestmark = pytest.mark.django_db


def product(nom: str = "Rocamadour AOP", siret: str = SIRET_A) -> Product:
    return Product.objects.get(producer__siret=siret, nom=nom)


# --- The French-Excel sample file -----------------------------------------------------------

def test_french_excel_csv_imports_in_one_command(lot_communes):
    code, out, err = run("import_catalogue", str(EXCEL_FR))

    assert code == 0
    assert "Producteurs : 30 créé(s), 0 mis à jour, 0 inchangé(s)" in out
    assert "Produits : 300 créé(s), 0 mis à jour, 0 inchangé(s)" in out
    assert err == ""
    assert Producer.objects.count() == 30
    assert Product.objects.count() == 300


def test_french_excel_values_are_read_as_a_french_person_wrote_them(lot_communes):
    run("import_catalogue", str(EXCEL_FR))

    farm = Producer.objects.get(nom="Ferme de la Borie n°1")
    assert farm.commune_id == "46042"
    assert farm.description == "Une ferme du Lot ; élevage et cultures, « depuis 1950 »."
    assert (farm.email, farm.phone) == ("contact1@ferme-borie.test", "05 65 10 12 34")
    cheese = farm.products.get(nom="Rocamadour AOP")
    assert cheese.price == Decimal("5.90")  # written « 5,90 € »
    assert cheese.unit == "piece"  # written « pièce »
    assert cheese.category.slug == "fromages-de-chevre"  # written « Fromages de chèvre »
    assert cheese.stock == 29
    assert list(cheese.labels.values_list("slug", flat=True)) == ["aop"]
    wine = farm.products.get(nom="Vin de Cahors Malbec")
    assert wine.unit == "bouteille"
    assert sorted(wine.labels.values_list("slug", flat=True)) == [
        "agriculture-biologique", "aoc"]
    assert farm.products.get(nom="Œufs fermiers").category.slug == "oeufs"


def test_imported_producers_are_approved_without_login_and_keep_their_contact(lot_communes):
    run("import_catalogue", str(EXCEL_FR))

    farm = Producer.objects.order_by("pk")[0]
    assert farm.status == ProducerStatus.APPROVED
    assert farm.approved_at is not None
    assert farm.memberships.count() == 0
    assert farm.is_public
    assert Product.objects.published().count() == 300


def test_reimporting_the_same_file_changes_nothing_and_says_so(lot_communes):
    run("import_catalogue", str(EXCEL_FR))
    before = snapshot()

    code, out, _err = run("import_catalogue", str(EXCEL_FR))

    assert code == 0
    assert "Producteurs : 0 créé(s), 0 mis à jour, 30 inchangé(s)" in out
    assert "Produits : 0 créé(s), 0 mis à jour, 300 inchangé(s)" in out
    assert "Rien n'a changé : le catalogue était déjà à jour." in out
    assert snapshot() == before


# --- Upsert ---------------------------------------------------------------------------------

def test_a_changed_price_updates_just_that_product(catalogue):
    run("import_catalogue", str(catalogue([row(), row(product_name="Cabécou", price="1,80")])))
    before = snapshot()

    code, out, _err = run("import_catalogue", str(catalogue(
        [row(price="2,70"), row(product_name="Cabécou", price="1,80")])))

    assert code == 0
    assert "Produits : 0 créé(s), 1 mis à jour, 1 inchangé(s)" in out
    assert "Producteurs : 0 créé(s), 0 mis à jour, 1 inchangé(s)" in out
    assert product().price == Decimal("2.70")
    after = snapshot()
    assert after[0] == before[0]  # the producer untouched
    assert [p for p in after[1] if p[3] == "Cabécou"] == [p for p in before[1] if p[3] == "Cabécou"]


def test_a_changed_stock_updates_just_that_product(catalogue):
    run("import_catalogue", str(catalogue([row(), row(product_name="Cabécou")])))

    code, out, _err = run("import_catalogue", str(catalogue(
        [row(stock="3"), row(product_name="Cabécou")])))

    assert code == 0
    assert "Produits : 0 créé(s), 1 mis à jour, 1 inchangé(s)" in out
    assert product().stock == 3
    assert product("Cabécou").stock == 40


def test_an_empty_stock_means_on_demand(catalogue):
    run("import_catalogue", str(catalogue([row(stock="12")])))

    run("import_catalogue", str(catalogue([row(stock="")])))

    assert product().stock is None
    assert product().on_demand


def test_products_missing_from_the_file_are_left_as_they_are(catalogue):
    run("import_catalogue", str(catalogue([row(), row(product_name="Cabécou")])))
    cabecou = snapshot()[1][1]

    code, out, _err = run("import_catalogue", str(catalogue([row(price="3,00")])))

    assert code == 0
    assert "Produits : 0 créé(s), 1 mis à jour, 0 inchangé(s)" in out
    assert snapshot()[1][1] == cabecou


def test_products_are_matched_by_name_whatever_its_case_and_spaces(catalogue):
    run("import_catalogue", str(catalogue([row()])))

    code, out, _err = run("import_catalogue", str(catalogue(
        [row(product_name="  rocamadour   AOP ")])))

    assert code == 0
    assert "Produits : 0 créé(s), 1 mis à jour, 0 inchangé(s)" in out
    assert list(Product.objects.values_list("nom", "slug")) == [
        ("rocamadour AOP", "rocamadour-aop")]


def test_a_producer_is_updated_by_siret(catalogue):
    run("import_catalogue", str(catalogue([row()])))
    slug = Producer.objects.get().slug

    code, out, _err = run("import_catalogue", str(catalogue(
        [row(producer_name="Ferme du Pech Merle", producer_commune_insee="46102",
             producer_phone="+33 5 65 99 88 77")])))

    assert code == 0
    assert "Producteurs : 0 créé(s), 1 mis à jour, 0 inchangé(s)" in out
    assert "Produits : 0 créé(s), 0 mis à jour, 1 inchangé(s)" in out
    farm = Producer.objects.get()
    assert (farm.nom, farm.commune_id, farm.phone) == (
        "Ferme du Pech Merle", "46102", "05 65 99 88 77")
    assert farm.slug == slug  # public URLs do not move


def test_labels_are_replaced_by_the_files(catalogue):
    run("import_catalogue", str(catalogue([row(labels="aop|agriculture-biologique")])))

    code, out, _err = run("import_catalogue", str(catalogue([row(labels="AOP | igp")])))

    assert code == 0
    assert "Produits : 0 créé(s), 1 mis à jour, 0 inchangé(s)" in out
    assert sorted(product().labels.values_list("slug", flat=True)) == ["aop", "igp"]


def test_columns_left_out_of_the_file_leave_those_fields_as_they_are(catalogue):
    run("import_catalogue", str(catalogue([row(stock="7", labels="aop")])))
    columns = ["producer_siret", "producer_name", "producer_commune_insee", "product_name",
               "product_category", "price", "unit"]

    code, out, _err = run("import_catalogue", str(catalogue([row(price="9")], columns=columns)))

    assert code == 0
    cheese = product()
    assert (cheese.price, cheese.stock, cheese.description) == (
        Decimal("9.00"), 7, "Petit fromage de chèvre au lait cru.")
    assert list(cheese.labels.values_list("slug", flat=True)) == ["aop"]
    assert Producer.objects.get().email == "contact@fermedupech.test"


def test_a_pending_producer_in_the_file_stays_pending_for_staff_to_review(catalogue):
    owner = UserFactory.create()
    farm = ProducerFactory.create(siret=SIRET_A, nom="Ferme du Pech", status=ProducerStatus.PENDING,
                           description="Chèvres sur le causse.",
                           email="contact@fermedupech.test", phone="05 65 12 34 56")
    MembershipFactory.create(producer=farm, user=owner)

    code, out, err = run("import_catalogue", str(catalogue([row()])))

    assert code == 0
    assert "Producteurs : 0 créé(s), 0 mis à jour, 1 inchangé(s)" in out
    assert "producteur « En attente de validation », statut conservé" in err
    farm.refresh_from_db()
    assert farm.status == ProducerStatus.PENDING and farm.approved_at is None
    assert list(farm.memberships.values_list("user", flat=True)) == [owner.pk]
    assert not farm.status_changes.exists()


def test_a_suspended_producer_stays_suspended_and_the_report_says_so(catalogue):
    ProducerFactory(siret=SIRET_A, nom="Ferme du Pech", status=ProducerStatus.SUSPENDED)

    code, _out, err = run("import_catalogue", str(catalogue([row()])))

    assert code == 0
    assert Producer.objects.get().status == ProducerStatus.SUSPENDED
    assert f"SIRET {SIRET_A} (Ferme du Pech) : producteur « Suspendu », statut conservé." in err


def test_slugs_are_unique_for_producers_and_for_a_producers_products(catalogue):
    ProducerFactory(nom="Ferme du Pech", slug="ferme-du-pech")

    run("import_catalogue", str(catalogue([
        row(), row(product_name="Miel !"), row(product_name="Miel ?"),
        row(producer_siret=SIRET_B, product_name="Miel"),
    ])))

    assert sorted(Producer.objects.values_list("slug", flat=True)) == [
        "ferme-du-pech", "ferme-du-pech-2", "ferme-du-pech-3"]
    farm = Producer.objects.get(siret=SIRET_A)
    assert sorted(farm.products.values_list("slug", flat=True)) == [
        "miel", "miel-2", "rocamadour-aop"]


def test_a_blank_cell_takes_the_value_given_on_the_producers_other_rows(catalogue):
    code, _out, _err = run("import_catalogue", str(catalogue([
        row(producer_email="", producer_phone=""), row(product_name="Cabécou"),
    ])))

    assert code == 0
    farm = Producer.objects.get()
    assert (farm.email, farm.phone) == ("contact@fermedupech.test", "05 65 12 34 56")


def test_headers_match_whatever_their_case_spaces_or_usual_french_name(catalogue):
    columns = [" SIRET ", "Producer_Name", "code INSEE", "Courriel", "Téléphone",
               "producer_description", "Produit", "Catégorie", "product_description", "Prix",
               "Unité", "STOCK", "labels"]
    path = catalogue([])
    lines = path.read_text().splitlines()
    path.write_text(";".join(columns) + "\n" + ";".join(row().values()) + "\n")
    assert lines  # the helper wrote a header we replaced

    code, out, _err = run("import_catalogue", str(path))

    assert code == 0
    assert "Produits : 1 créé(s)" in out
    assert product().price == Decimal("2.50")


# --- Refused rows: all or nothing -----------------------------------------------------------

def test_a_file_with_bad_rows_changes_nothing_and_names_every_line(lot_communes):
    run("import_catalogue", str(EXCEL_FR))
    before = snapshot()

    code, out, _err = run("import_catalogue", str(BAD_ROWS))

    assert code == 1
    assert snapshot() == before
    refused = [line for line in out.splitlines() if line.startswith("ligne ")]
    assert [line.split(",")[0].split(" :")[0] for line in refused] == [
        f"ligne {n}" for n in range(3, 13)]
    assert "ligne 3, colonne price : « abc » n'est pas un prix (par exemple 12,50)." in out
    assert "10 ligne(s) refusée(s) sur 11 : rien n'a été importé" in out


BAD_CELLS = [
    ({"producer_siret": ""}, "producer_siret", "SIRET manquant."),
    ({"producer_siret": "7328293200007"}, "producer_siret", "compte exactement 14 chiffres"),
    ({"producer_siret": "7328293200007A"}, "producer_siret", "ne contient que des chiffres"),
    ({"producer_siret": "73282932000075"}, "producer_siret", "clé de contrôle ne correspond"),
    ({"producer_commune_insee": ""}, "producer_commune_insee", "code INSEE de la commune "
     "manquant"),
    ({"producer_commune_insee": "75056"}, "producer_commune_insee",
     "n'est pas le code INSEE d'une commune du territoire (Lot)"),
    ({"producer_commune_insee": "46000"}, "producer_commune_insee", "est un code postal"),
    ({"producer_name": ""}, "producer_name", "nom du producteur manquant."),
    ({"producer_name": "x" * 151}, "producer_name", "151 caractères, au plus 150 permis."),
    ({"producer_email": "contact@"}, "producer_email", "n'est pas une adresse e-mail valide"),
    ({"producer_phone": "05 65 12 34"}, "producer_phone", "n'est pas un numéro de téléphone "
     "français"),
    ({"producer_phone": "+44 20 7946 0958"}, "producer_phone", "téléphone français"),
    ({"producer_description": "x" * 5001}, "producer_description", "au plus 5000 permis"),
    ({"product_name": ""}, "product_name", "nom du produit manquant."),
    ({"product_name": "x" * 151}, "product_name", "au plus 150 permis"),
    ({"product_category": ""}, "product_category", "catégorie manquante."),
    ({"product_category": "fromages-magiques"}, "product_category", "catégorie inconnue"),
    ({"product_description": "x" * 5001}, "product_description", "au plus 5000 permis"),
    ({"price": ""}, "price", "prix manquant."),
    ({"price": "abc"}, "price", "n'est pas un prix"),
    ({"price": "0"}, "price", "le prix doit être supérieur à 0 €."),
    ({"price": "-2,50"}, "price", "le prix doit être supérieur à 0 €."),
    ({"price": "10000,01"}, "price", "le prix ne peut dépasser 10 000 €."),
    ({"price": "12,505"}, "price", "au plus deux décimales"),
    ({"unit": ""}, "unit", "unité manquante"),
    ({"unit": "caisse"}, "unit", "unité inconnue : « caisse »"),
    ({"stock": "-1"}, "stock", "le stock ne peut être négatif."),
    ({"stock": "2,5"}, "stock", "le stock est un nombre entier"),
    ({"stock": "beaucoup"}, "stock", "le stock est un nombre entier"),
    ({"labels": "aop|bio-du-coin"}, "labels", "label(s) inconnu(s) : « bio-du-coin »"),
]


@pytest.mark.parametrize(("bad", "column", "reason"), BAD_CELLS,
                         ids=[f"{c}={next(iter(b.values()))[:20]!r}" for b, c, _r in BAD_CELLS])
def test_every_kind_of_bad_cell_is_refused_and_nothing_changes(catalogue, bad, column, reason):
    run("import_catalogue", str(catalogue([row()])))
    before = snapshot()
    good_then_bad = [row(price="9,99"), row(producer_siret=SIRET_B, product_name="Cabécou")
                     | bad]

    code, out, _err = run("import_catalogue", str(catalogue(good_then_bad)))

    assert code == 1
    assert f"ligne 3, colonne {column} : " in out
    assert reason in out
    assert "rien n'a été importé" in out
    assert snapshot() == before  # not even the good row's new price


def test_one_siret_with_two_producer_names_is_refused(catalogue):
    code, out, _err = run("import_catalogue", str(catalogue([
        row(), row(product_name="Cabécou", producer_name="Ferme du Pech Merle")])))

    assert code == 1
    assert (f"ligne 3, colonne producer_name : le SIRET {SIRET_A} figure ligne 2 avec une "
            "autre valeur (« Ferme du Pech »)") in out
    assert Producer.objects.count() == 0


@pytest.mark.parametrize(("column", "value"), [
    ("producer_commune_insee", "46102"), ("producer_email", "autre@fermedupech.test"),
    ("producer_phone", "05 65 00 00 00"), ("producer_description", "Autre présentation."),
])
def test_one_siret_with_two_different_producer_details_is_refused(catalogue, column, value):
    code, out, _err = run("import_catalogue", str(catalogue([
        row(), row(product_name="Cabécou", **{column: value})])))

    assert code == 1
    assert f"ligne 3, colonne {column} : le SIRET {SIRET_A} figure ligne 2" in out
    assert Producer.objects.count() == 0


def test_the_same_product_twice_is_refused(catalogue):
    code, out, _err = run("import_catalogue", str(catalogue([
        row(), row(product_name="Cabécou"), row(product_name="ROCAMADOUR aop", price="3")])))

    assert code == 1
    assert ("ligne 4, colonne product_name : « ROCAMADOUR aop » figure déjà ligne 2 pour le "
            f"même producteur (SIRET {SIRET_A}).") in out
    assert Product.objects.count() == 0


def test_the_same_product_name_for_two_producers_is_fine(catalogue):
    code, out, _err = run("import_catalogue", str(catalogue([
        row(), row(producer_siret=SIRET_B, producer_name="Chèvrerie du Causse")])))

    assert code == 0
    assert "Produits : 2 créé(s)" in out


def test_a_row_with_cells_beyond_the_header_is_refused(catalogue):
    path = catalogue([row()])
    path.write_text(path.read_text() + ";".join(row(product_name="Cabécou").values())
                    + ";en trop\n")

    code, out, _err = run("import_catalogue", str(path))

    assert code == 1
    assert "ligne 3 : la ligne a des valeurs au-delà des 13 colonnes de l'en-tête" in out
    assert Product.objects.count() == 0


def test_a_missing_required_column_is_reported_before_any_row(catalogue):
    columns = [c for c in row() if c not in ("price", "unit")]
    path = catalogue([row(producer_siret="pas un siret")], columns=columns)

    with pytest.raises(CommandError) as error:
        run("import_catalogue", str(path))

    assert str(error.value) == (
        "colonne(s) obligatoire(s) absente(s) de l'en-tête : price, unit.")
    assert Producer.objects.count() == 0


def test_unknown_columns_are_named_in_a_warning(catalogue):
    path = catalogue([row() | {"Remarques": "livraison le mardi"}],
                     columns=[*row(), "Remarques"])

    code, out, err = run("import_catalogue", str(path))

    assert code == 0
    assert "Attention : colonne(s) inconnue(s), ignorée(s) : Remarques" in err
    assert "Produits : 1 créé(s)" in out


def test_a_missing_file_is_a_clear_error(tmp_path, lot_communes):
    with pytest.raises(CommandError, match="impossible d'ouvrir"):
        run("import_catalogue", str(tmp_path / "absent.csv"))


# --- --dry-run and --skip-invalid -----------------------------------------------------------

def test_dry_run_reports_what_would_happen_and_changes_nothing(catalogue):
    run("import_catalogue", str(catalogue([row()])))
    before = snapshot()

    code, out, _err = run("import_catalogue", str(catalogue(
        [row(price="3,10"), row(product_name="Cabécou")])), "--dry-run")

    assert code == 0
    assert "Produits : 1 créé(s), 1 mis à jour, 0 inchangé(s)" in out
    assert "Simulation (--dry-run) : aucune modification n'a été enregistrée." in out
    assert snapshot() == before


def test_dry_run_of_a_file_with_bad_rows_reports_them(catalogue):
    code, out, _err = run("import_catalogue", str(catalogue([row(price="gratuit")])),
                          "--dry-run")

    assert code == 1
    assert "ligne 2, colonne price" in out
    assert Product.objects.count() == 0


def test_skip_invalid_imports_the_good_rows_and_reports_the_bad_ones(catalogue):
    code, out, _err = run("import_catalogue", str(catalogue([
        row(), row(product_name="Cabécou", price="cher"),
        row(producer_siret=SIRET_B, producer_name="Chèvrerie", product_category="?"),
    ])), "--skip-invalid")

    assert code == 1  # something was refused
    assert "ligne 3, colonne price" in out and "ligne 4, colonne product_category" in out
    assert "2 ligne(s) refusée(s) sur 3, ignorées." in out
    assert "Producteurs : 1 créé(s)" in out and "Produits : 1 créé(s)" in out
    assert list(Product.objects.values_list("nom", flat=True)) == ["Rocamadour AOP"]
    assert list(Producer.objects.values_list("siret", flat=True)) == [SIRET_A]


# --- The engine, for tomorrow's staff page --------------------------------------------------

def test_the_engine_imports_an_upload_and_returns_a_report(lot_communes, catalogue):
    content = catalogue([row()]).read_bytes()
    upload = SimpleUploadedFile("catalogue.csv", content, content_type="text/csv")

    report = catalogue_import(source=upload)

    assert report.ok and report.written
    assert (report.producers.created, report.products.created) == (1, 1)
    assert report.file_format == "csv"


def test_the_engine_streams_every_error_and_keeps_them_in_the_report(catalogue):
    streamed: list[RowError] = []

    report = catalogue_import(source=catalogue([row(price="x"), row(unit="")]),
                              on_error=streamed.append)

    assert [str(e) for e in streamed] == [str(e) for e in report.errors]
    assert [(e.line, e.column) for e in report.errors] == [(2, "price"), (3, "unit")]
    assert not report.ok and not report.written


# --- Search: bulk writes bypass the index's signals, the import refreshes it itself ---------

def found(text: str) -> list[str]:
    """What the public product search (CONTRACT: GET /api/v1/products/?q=) finds."""
    response = Client().get("/api/v1/products/", {"q": text, "page_size": "100"})
    assert response.status_code == 200
    return sorted(product["nom"] for product in response.json()["results"])


def test_an_imported_product_is_found_by_search_at_once(catalogue):
    run("import_catalogue", str(catalogue([row(), row(product_name="Miel de châtaignier",
                                                      product_category="miels")])))

    assert found("rocamadour") == ["Rocamadour AOP"]
    assert found("chataignier") == ["Miel de châtaignier"]
    assert found("cahors") == ["Miel de châtaignier", "Rocamadour AOP"]  # the commune


def test_a_reimported_product_is_searchable_by_its_new_text_at_once(catalogue):
    run("import_catalogue", str(catalogue([row()])))

    run("import_catalogue", str(catalogue([row(product_description="Affiné à la truffe.")])))

    assert found("truffe") == ["Rocamadour AOP"]


def test_a_renamed_or_moved_producers_products_are_found_under_the_new_name(catalogue):
    run("import_catalogue", str(catalogue([row()])))

    run("import_catalogue", str(catalogue([row(producer_name="Chèvrerie des Merveilles",
                                               producer_commune_insee="46102")])))

    assert found("merveilles") == ["Rocamadour AOP"]
    assert found("figeac") == ["Rocamadour AOP"]
    assert found("cahors") == []


def test_a_dry_run_leaves_the_search_index_as_it_was(catalogue):
    run("import_catalogue", str(catalogue([row()])))

    run("import_catalogue", str(catalogue([row(product_description="Affiné à la truffe.")])),
        "--dry-run")

    assert found("truffe") == []
    assert found("rocamadour") == ["Rocamadour AOP"]


def test_existing_products_keep_their_labels_when_the_column_is_absent(catalogue):
    farm = ProducerFactory(siret=SIRET_A, nom="Ferme du Pech")
    cheese = cast(Product, ProductFactory(producer=farm, nom="Rocamadour AOP",
                                          price=Decimal("2.50")))
    cheese.labels.set([Label.objects.get(slug="aop")])
    columns = ["producer_siret", "producer_name", "producer_commune_insee", "product_name",
               "product_category", "price", "unit"]

    code, out, _err = run("import_catalogue", str(catalogue([row()], columns=columns)))

    assert code == 0
    assert "Produits : 0 créé(s), 0 mis à jour, 1 inchangé(s)" in out
    assert list(cheese.labels.values_list("slug", flat=True)) == ["aop"]


def test_a_concurrent_write_undoes_the_import_with_a_clear_error(catalogue, monkeypatch):
    from django.db import IntegrityError

    from producers.catalogue_io.writing import CatalogueWriter

    def clash(self, rows):
        raise IntegrityError("UNIQUE constraint failed: producers_product.slug")

    monkeypatch.setattr(CatalogueWriter, "write_products", clash)

    with pytest.raises(CommandError, match="le catalogue a été modifié pendant l'import"):
        run("import_catalogue", str(catalogue([row()])))

    assert Producer.objects.count() == 0  # the producers written before the clash are undone


def test_the_home_pages_cached_lists_follow_the_import_once_it_commits(
    catalogue, client, django_capture_on_commit_callbacks
):
    assert client.get("/").context["producer_count"] == 0  # now cached

    with django_capture_on_commit_callbacks(execute=True):
        run("import_catalogue", str(catalogue([row()])))

    assert client.get("/").context["producer_count"] == 1
