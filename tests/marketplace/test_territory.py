import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from marketplace.reference.models import Commune, Epci
from marketplace.reference.territory import communes_import


@pytest.fixture(autouse=True)
def _empty_territory(db):
    """The test database holds the Lot's communes; these tests start without any (the
    deletion is rolled back with the test)."""
    Commune.objects.all().delete()
    Epci.objects.all().delete()


@pytest.mark.django_db
def test_import_communes_loads_the_312_communes_of_the_lot():
    result = communes_import(departements=["46"])

    assert result.created == 312
    cahors = Commune.objects.get(code_insee="46042")
    assert cahors.nom == "Cahors"
    assert cahors.departement_id == "46"
    assert cahors.postal_codes == ["46000"]
    assert cahors.epci is not None and cahors.epci.nom.startswith("Communauté d'agglomération")
    assert (cahors.latitude, cahors.longitude) == (44.44683, 1.44062)
    assert Epci.objects.filter(communes__departement_id="46").distinct().count() == 10


@pytest.mark.django_db
def test_import_communes_twice_changes_nothing():
    communes_import(departements=["46"])

    again = communes_import(departements=["46"])

    assert (again.created, again.updated, again.unchanged) == (0, 0, 312)
    assert Commune.objects.count() == 312


@pytest.mark.django_db
def test_import_communes_updates_a_changed_row():
    communes_import(departements=["46"])
    Commune.objects.filter(code_insee="46102").update(nom="Figeac ancien nom")

    again = communes_import(departements=["46"])

    assert again.updated == 1
    assert Commune.objects.get(code_insee="46102").nom == "Figeac"


@pytest.mark.django_db
def test_import_communes_of_another_departement_reads_the_national_file():
    call_command("import_communes", "--departement", "2A", stdout=open("/dev/null", "w"))  # noqa: SIM115

    ajaccio = Commune.objects.get(code_insee="2A004")
    assert ajaccio.nom == "Ajaccio"
    assert not Commune.objects.filter(departement_id="46").exists()


@pytest.mark.django_db
def test_import_communes_refuses_an_unknown_departement():
    with pytest.raises(CommandError, match="Département inconnu : 99"):
        call_command("import_communes", "--departement", "99")

    assert Commune.objects.count() == 0
