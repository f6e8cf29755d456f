"""Background work for orders (django.tasks): arguments are plain ids and strings, and each task
can run twice without doing anything twice (the e-mails remember what they sent)."""

from marketplace.common.tasks import retrying_task
from orders import emails


@retrying_task()
def send_order_email(order_id: int, kind: str, key: str = "") -> bool:
    return emails.send(order_id, kind, key)
