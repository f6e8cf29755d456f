"""Background work on the database backend: a worker runs what is queued; a task that fails is
tried again, then recorded as failed; running it twice does no harm."""

import pytest
from asgiref.local import Local
from django.conf import settings as django_settings
from django.core.management import call_command
from django.tasks import task_backends
from django_tasks_db.models import DBTaskResult

from marketplace.common.tasks import retrying_task

# The worker closes and reopens its connections, as a separate process would.
pytestmark = pytest.mark.django_db(transaction=True)
CALLS: list[str] = []


@retrying_task()
def flaky(name: str) -> str:
    CALLS.append(name)
    if name == "toujours" or (name == "une-fois" and CALLS.count(name) == 1):
        raise ConnectionError("le serveur de mail ne répond pas")
    return name


def _forget_backends() -> None:
    # Django builds the task backends once from TASKS; this test changes TASKS.
    task_backends._settings = None  # type: ignore[attr-defined]
    task_backends.__dict__.pop("settings", None)
    task_backends._connections = Local(task_backends.thread_critical)  # type: ignore[attr-defined]


@pytest.fixture
def database_backend(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    _forget_backends()
    CALLS.clear()
    yield
    settings.TASKS = django_settings.TASKS
    _forget_backends()


def _work() -> None:
    call_command("db_worker", "--batch", "--interval", "0", verbosity=0)


def test_a_queued_task_waits_for_the_worker(database_backend):
    result = flaky.enqueue("bonjour")

    assert CALLS == [] and DBTaskResult.objects.get(id=result.id).status == "READY"
    _work()

    assert CALLS == ["bonjour"]
    assert DBTaskResult.objects.get(id=result.id).status == "SUCCESSFUL"


def test_a_failing_task_is_tried_again(database_backend):
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
    flaky.enqueue("toujours")
    for _ in range(4):
        DBTaskResult.objects.filter(status="READY").update(run_after="2000-01-01T00:00Z")
        _work()

    assert CALLS == ["toujours"] * 4
    failed = DBTaskResult.objects.filter(status="FAILED")
    assert sorted(r.args_kwargs["kwargs"].get("attempt", 1) for r in failed) == [1, 2, 3, 4]
    assert not DBTaskResult.objects.filter(status="READY").exists()  # given up
    assert all("le serveur de mail ne répond pas" in r.traceback for r in failed)
