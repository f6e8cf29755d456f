"""Payment work done after commit, as tasks with plain ids (safe to run twice)."""

from django.tasks import task

from orders.payments import money


@task()
def send_transfer(order_id: int) -> bool:
    return money.transfer_send(order_id)


@task()
def send_refund(order_id: int) -> bool:
    return money.refund_send(order_id)
