"""Background work on the database backend: a worker runs what is queued; a task that fails is
tried again, then recorded as failed; running it twice does no harm."""

import pytest
from django_tasks_db.models import DBTaskResult

from marketplace.common.tasks import retrying_task
from tests.conftest import work_queued_tasks as _work

# The worker closes and reopens its connections, as a separate process would.
pytestmark = pytest.mark.django_db(transaction=True)
CALLS: list[str] = []


@retrying_task()
def flaky(name: str) -> str:
    CALLS.append(name)
    if name == "toujours" or (name == "une-fois" and CALLS.count(name) == 1):
        raise ConnectionError("le serveur de mail ne répond pas")
    return name



def test_a_queued_task_waits_for_the_worker(database_backend):
    CALLS.clear()
    result = flaky.enqueue("bonjour")

    assert CALLS == [] and DBTaskResult.objects.get(id=result.id).status == "READY"
    _work()

    assert CALLS == ["bonjour"]
    assert DBTaskResult.objects.get(id=result.id).status == "SUCCESSFUL"


def test_a_failing_task_is_tried_again(database_backend):
    CALLS.clear()
    flaky.enqueue("une-fois")
    _work()
    assert CALLS == ["une-fois"]
    assert DBTaskResult.objects.filter(status="FAILED").count() == 1
    assert DBTaskResult.objects.filter(status="READY").count() == 1  # again, two minutes on

    DBTaskResult.objects.filter(status="READY").update(run_after="2000-01-01T00:00Z")
    _work()

    assert CALLS == ["une-fois", "une-fois"]
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == 1


def test_a_task_that_keeps_failing_is_recorded_as_failed(database_backend):
    CALLS.clear()
    flaky.enqueue("toujours")
    for _ in range(4):
        DBTaskResult.objects.filter(status="READY").update(run_after="2000-01-01T00:00Z")
        _work()

    assert CALLS == ["toujours"] * 4
    failed = DBTaskResult.objects.filter(status="FAILED")
    assert sorted(r.args_kwargs["kwargs"].get("attempt", 1) for r in failed) == [1, 2, 3, 4]
    assert not DBTaskResult.objects.filter(status="READY").exists()  # given up
    assert all("le serveur de mail ne répond pas" in r.traceback for r in failed)
