"""In production the order e-mails are sent by the worker: placing an order queues them, the
worker sends them, and running it again sends nothing twice."""

import pytest
from django.core import mail
from django_tasks_db.models import DBTaskResult

from tests.conftest import work_queued_tasks
from tests.orders.test_pages import _placed

# The worker closes and reopens its connections, as a separate process would.
pytestmark = pytest.mark.django_db(transaction=True)


def test_the_worker_sends_the_order_emails(client, borie, database_backend):
    checkout = _placed(client, borie)
    assert mail.outbox == []  # queued, not sent
    assert DBTaskResult.objects.filter(status="READY").exists()

    work_queued_tasks()

    sent = {(tuple(m.to), m.subject) for m in mail.outbox}
    assert any(to == (checkout.email,) for to, _subject in sent)  # the buyer's confirmation
    assert any(to == (borie.producer.email,) for to, _subject in sent)  # the producer's order
    count = len(mail.outbox)

    for result in DBTaskResult.objects.all():  # a second run of every task
        task = result.task_result.task
        task.enqueue(*result.args_kwargs["args"], **result.args_kwargs["kwargs"])
    work_queued_tasks()

    assert len(mail.outbox) == count
