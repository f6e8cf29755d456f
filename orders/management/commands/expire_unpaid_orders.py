from typing import Any

from django.core.management.base import BaseCommand

from orders.payments.services import unpaid_orders_expire


class Command(BaseCommand):
    help = ("Libère le stock et les créneaux des commandes restées sans paiement en ligne "
            "(session Stripe expirée sans nouvelle). Se relance sans risque, par exemple "
            "toutes les dix minutes.")

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{unpaid_orders_expire()} commande(s) libérée(s).")
