"""Visitors' messages to a producer or to the CCI's team: written by the contact forms,
sent by a task (`tasks.send_contact_message`) once the request's transaction commits. Nothing
is stored: the site keeps no copy of the message."""

from django.db import transaction

from marketplace.directory.tasks import producer_recipients, send_contact_message
from producers.models import Producer


def producer_contactable(producer: Producer) -> bool:
    """Whether a message to this farm would reach someone."""
    return bool(producer_recipients(producer))


def contact_send(*, producer: Producer | None, name: str, email: str, phone: str,
                 message: str) -> None:
    """Send the visitor's message once the transaction commits (producer None: to the team)."""
    producer_id = producer.pk if producer is not None else None
    transaction.on_commit(lambda: send_contact_message.enqueue(
        producer_id=producer_id, name=name, email=email, phone=phone, message=message))
