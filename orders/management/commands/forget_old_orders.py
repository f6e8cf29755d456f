from typing import Any

from django.core.management.base import BaseCommand

from orders.services.privacy import expired_checkouts_forget


class Command(BaseCommand):
    help = ("Efface les coordonnées des clients des commandes terminées depuis plus de "
            "ORDER_PERSONAL_DATA_DAYS jours (à lancer chaque jour ; sans risque deux fois).")

    def handle(self, *args: Any, **options: Any) -> None:
        count = expired_checkouts_forget()
        self.stdout.write(f"{count} passage(s) en caisse anonymisé(s).")
