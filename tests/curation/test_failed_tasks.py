"""Background tasks given up after their attempts are listed for staff, with their error; the
attempts that were tried again, and what succeeded in the end, are not."""

import pytest
from django.tasks import task
from django_tasks_db.models import DBTaskResult

from marketplace.common.tasks import retrying_task
from tests.conftest import work_queued_tasks

# The worker closes and reopens its connections, as a separate process would.
pytestmark = pytest.mark.django_db(transaction=True)
URL = "/curation/taches-en-echec/"
SEEN: list[str] = []


@retrying_task()
def send_reminder(address: str) -> None:
    SEEN.append(address)
    if address == "inconnu@exemple.test" or SEEN.count(address) == 1:
        raise ConnectionRefusedError(f"le serveur de mail refuse {address}")


@task()
def rebuild_once(name: str) -> None:
    raise ValueError(f"fichier illisible : {name}")


def _work_until_done() -> None:
    for _ in range(5):
        DBTaskResult.objects.filter(status="READY").update(run_after="2000-01-01T00:00Z")
        work_queued_tasks()


def test_a_task_given_up_is_listed_with_its_error_and_attempts(cci, database_backend):
    SEEN.clear()
    send_reminder.enqueue("inconnu@exemple.test")
    send_reminder.enqueue("jeanne@borie.test")  # fails once, then succeeds
    _work_until_done()
    assert DBTaskResult.objects.filter(status="FAILED").count() == 5  # 4 attempts + 1

    response = cci.client.get(URL)

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("tests.curation.test_failed_tasks.send_reminder") == 1
    assert "le serveur de mail refuse inconnu@exemple.test" in html
    assert "<td>4</td>" in html
    assert "jeanne@borie.test" not in html


def test_a_plain_task_that_failed_once_is_listed(cci, database_backend):
    rebuild_once.enqueue("catalogue.ods")
    work_queued_tasks()

    html = cci.client.get(URL).content.decode()

    assert "tests.curation.test_failed_tasks.rebuild_once" in html
    assert "ValueError: fichier illisible : catalogue.ods" in html
    assert "<td>1</td>" in html


def test_nothing_failed_says_so(cci, database_backend):
    html = cci.client.get(URL).content.decode()

    assert "Aucune tâche abandonnée." in html


def test_without_a_queue_the_page_says_where_errors_go(cci):
    html = cci.client.get(URL).content.decode()

    assert "Les tâches s'exécutent immédiatement" in html


def test_visitors_and_producers_cannot_see_it(farmer, lot_communes, client):
    assert client.get(URL).status_code == 302
    assert farmer.client.get(URL).status_code == 403
