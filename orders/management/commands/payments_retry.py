from typing import Any

from django.core.management.base import BaseCommand

from orders.models import Order, PaymentMethod, PaymentStatus
from orders.payments import money


class Command(BaseCommand):
    help = ("Relance les virements aux producteurs et les remboursements restés en attente "
            "(après une panne de Stripe). Sans risque de doublon : chaque commande n'est "
            "virée et remboursée qu'une fois.")

    def handle(self, *args: Any, **options: Any) -> None:
        online = Order.objects.filter(payment_method=PaymentMethod.ONLINE)
        transfers = sum(money.transfer_send(pk) for pk in online.filter(
            payment_status=PaymentStatus.PAID, transfer__isnull=True).values_list(
                "pk", flat=True))
        refunds = sum(money.refund_send(pk) for pk in online.filter(
            payment_status=PaymentStatus.REFUND_PENDING, refund__isnull=True).values_list(
                "pk", flat=True))
        self.stdout.write(f"{transfers} virement(s), {refunds} remboursement(s) envoyé(s).")
