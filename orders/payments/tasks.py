"""Payment work done after commit, as tasks with plain ids (safe to run twice)."""

from marketplace.common.tasks import retrying_task
from orders.payments import money


@retrying_task()
def send_transfer(order_id: int) -> bool:
    return money.transfer_send(order_id)


@retrying_task()
def send_refund(order_id: int) -> bool:
    return money.refund_send(order_id)
