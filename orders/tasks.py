"""Background work for orders (django.tasks): arguments are plain ids and strings, and each task
can run twice without doing anything twice (the e-mails remember what they sent)."""

from django.tasks import task

from orders import emails


@task()
def send_order_email(order_id: int, kind: str, key: str = "") -> bool:
    return emails.send(order_id, kind, key)
