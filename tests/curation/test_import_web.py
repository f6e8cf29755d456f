"""The web import: the same engine and report as `import_catalogue`, checked first, imported
once confirmed, in background tasks, without locking other writers out for the whole file."""

import threading
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from marketplace.curation.models import ImportRun, ImportStatus
from producers.catalogue_io import catalogue_import
from producers.models import Producer, ProducerOrigin, ProducerStatus, Product
from tests.factories import ProducerFactory
from tests.producers.conftest_import import SIRET_A, SIRET_B, row, run, snapshot, write_csv


def upload(person, path: Path, capture):
    with capture(execute=True):  # the check task is enqueued on commit
        return person.client.post("/curation/import/", {
            "file": SimpleUploadedFile(path.name, path.read_bytes(), "text/csv")})


def two_bad_rows() -> list[dict[str, str]]:
    return [row(), row(product_name="Cabécou", price="gratuit"),
            row(producer_siret=SIRET_B, producer_name="Le Mas", product_name="Miel",
                product_category="miels", producer_commune_insee="99999")]


def test_a_file_with_two_bad_rows_shows_them_and_imports_nothing(
        cci, tmp_path, django_capture_on_commit_callbacks):
    path = write_csv(tmp_path / "catalogue.csv", two_bad_rows())
    before = snapshot()

    response = upload(cci, path, django_capture_on_commit_callbacks)

    run_ = ImportRun.objects.get()
    assert response["Location"] == f"/curation/import/{run_.pk}/"
    assert run_.status == ImportStatus.INVALID
    page = cci.client.get(response["Location"])
    assert page.context["report"]["errors"] == [
        [3, "price", "« gratuit » n'est pas un prix (par exemple 12,50)."],
        [4, "producer_commune_insee",
         "« 99999 » n'est pas le code INSEE d'une commune du territoire (Lot)."],
    ]
    assert page.context["report"]["summary"] == [
        "2 ligne(s) refusée(s) sur 3 : rien n'a été importé (corrigez le fichier et "
        "déposez-le à nouveau)."]
    assert "Confirmer l&#x27;import" not in page.content.decode()
    assert snapshot() == before


def test_the_page_shows_the_same_errors_as_the_command(cci, tmp_path,
                                                       django_capture_on_commit_callbacks):
    path = write_csv(tmp_path / "catalogue.csv", two_bad_rows())
    _code, out, _err = run("import_catalogue", str(path), "--dry-run")

    upload(cci, path, django_capture_on_commit_callbacks)

    report = ImportRun.objects.get().report
    html = cci.client.get(f"/curation/import/{ImportRun.objects.get().pk}/").content.decode()
    command_errors = [line for line in out.splitlines() if line.startswith("ligne ")]
    assert len(command_errors) == report["error_count"] == 2
    for line, column, message in report["errors"]:
        assert f"ligne {line}, colonne {column} : {message}" in command_errors
        assert f"<td>{line}</td><td>{column}</td>" in html


def test_a_fixed_file_is_checked_then_imported_once_confirmed(
        cci, tmp_path, django_capture_on_commit_callbacks):
    path = write_csv(tmp_path / "catalogue.csv", [
        row(), row(product_name="Cabécou", price="1,80"),
        row(producer_siret=SIRET_B, producer_name="Le Mas", product_name="Miel",
            product_category="miels", producer_commune_insee="46102")])

    upload(cci, path, django_capture_on_commit_callbacks)
    run_ = ImportRun.objects.get()

    assert run_.status == ImportStatus.CHECKED
    assert run_.report["summary"] == ["3 ligne(s) vérifiée(s), aucune refusée : rien n'est "
                                      "encore enregistré, confirmez pour importer."]
    assert not Product.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = cci.client.post(f"/curation/import/{run_.pk}/confirmer/")

    assert response.status_code == 302
    run_.refresh_from_db()
    assert (run_.status, run_.confirmed_by) == (ImportStatus.DONE, cci.user)
    assert run_.report["summary"] == ["Producteurs : 2 créé(s), 0 mis à jour, 0 inchangé(s)",
                                      "Produits : 3 créé(s), 0 mis à jour, 0 inchangé(s)"]
    assert sorted(Product.objects.values_list("nom", flat=True)) == [
        "Cabécou", "Miel", "Rocamadour AOP"]
    assert set(Producer.objects.values_list("origin", "status")) == {
        (ProducerOrigin.IMPORT, ProducerStatus.APPROVED)}


def test_a_run_cannot_be_confirmed_twice(cci, tmp_path, django_capture_on_commit_callbacks):
    path = write_csv(tmp_path / "catalogue.csv", [row()])
    upload(cci, path, django_capture_on_commit_callbacks)
    run_ = ImportRun.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        cci.client.post(f"/curation/import/{run_.pk}/confirmer/")

    with django_capture_on_commit_callbacks(execute=True):
        cci.client.post(f"/curation/import/{run_.pk}/confirmer/")

    assert Product.objects.count() == 1
    run_.refresh_from_db()
    assert run_.status == ImportStatus.DONE


def test_a_file_that_is_not_a_spreadsheet_is_refused(cci, lot_communes):
    response = cci.client.post("/curation/import/", {
        "file": SimpleUploadedFile("photo.jpg", b"\xff\xd8\xff", "image/jpeg")})

    assert response.status_code == 400
    assert response.context["form"].errors["file"] == ["Choisissez un fichier CSV, XLSX ou ODS."]
    assert not ImportRun.objects.exists()


def test_an_unreadable_file_fails_with_its_reason(cci, tmp_path,
                                                  django_capture_on_commit_callbacks):
    path = tmp_path / "catalogue.xlsx"
    path.write_bytes(b"PK\x03\x04 ceci n'est pas un classeur")

    upload(cci, path, django_capture_on_commit_callbacks)

    run_ = ImportRun.objects.get()
    assert run_.status == ImportStatus.FAILED
    assert run_.report["fatal"]


def test_an_existing_producer_keeps_its_status_and_owners(cci, farmer, tmp_path,
                                                          django_capture_on_commit_callbacks):
    """Issue 22: a staff import never approves or re-owns a listing someone signed up with."""
    squatted = farmer.producer
    Producer.objects.filter(pk=squatted.pk).update(siret=SIRET_A,
                                                   status=ProducerStatus.PENDING)
    path = write_csv(tmp_path / "catalogue.csv", [row()])
    upload(cci, path, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        cci.client.post(f"/curation/import/{ImportRun.objects.get().pk}/confirmer/")

    squatted.refresh_from_db()
    assert squatted.status == ProducerStatus.PENDING
    assert list(squatted.memberships.values_list("user__email", flat=True)) == [
        "jeanne@borie.test"]
    assert squatted.origin == ProducerOrigin.SIGNUP


@pytest.mark.django_db(transaction=True)
def test_other_writers_are_not_locked_out_during_a_web_import(lot_communes, tmp_path):
    """Between two batches, another connection writes at once (on SQLite, the one writer
    lock is free): a producer saving its page no longer fails with "database is locked"."""
    other = ProducerFactory.create(nom="Voisin")
    path = write_csv(tmp_path / "catalogue.csv",
                     [row(product_name=f"Fromage {n}") for n in range(2500)])
    saved: list[str] = []

    def save_elsewhere() -> None:
        from django.db import connection

        try:
            Producer.objects.filter(pk=other.pk).update(description="Écrit pendant l'import")
            saved.append("ok")
        finally:
            connection.close()

    class Probe:
        def start(self, phase: str, total: int | None) -> None:
            self.phase = phase

        def advance(self, rows: int) -> None:
            if self.phase == "Import" and not saved:
                thread = threading.Thread(target=save_elsewhere)
                thread.start()
                thread.join(timeout=30)

    report = catalogue_import(source=path, commit_each_batch=True, progress=Probe())

    assert saved == ["ok"]
    assert report.products.created == 2500
    assert Producer.objects.get(pk=other.pk).description == "Écrit pendant l'import"


def test_the_uploaded_file_gets_a_name_nobody_can_guess(cci, tmp_path,
                                                        django_capture_on_commit_callbacks):
    path = write_csv(tmp_path / "producteurs-et-telephones.csv", [row()])

    upload(cci, path, django_capture_on_commit_callbacks)

    run_ = ImportRun.objects.get()
    assert run_.original_name == "producteurs-et-telephones.csv"
    stored = run_.file.name or ""
    assert stored.startswith("imports/") and stored.endswith(".csv")
    assert "producteurs" not in stored and len(stored) == len("imports/") + 36
