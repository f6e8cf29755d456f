from django.core.management.base import BaseCommand

from marketplace.demo.data.seed import (
    PRODUCER_EMAIL,
    PRODUCER_PASSWORD,
    STAFF_EMAIL,
    STAFF_PASSWORD,
    demo_seed,
)


class Command(BaseCommand):
    help = "Charge les données de démonstration (uniquement si l'annuaire est vide)."

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        result = demo_seed()
        if result.skipped:
            self.stdout.write("L'annuaire contient déjà des producteurs : rien n'a été chargé.")
            return
        self.stdout.write(
            f"Démo chargée : {result.producers} producteurs, {result.products} produits.\n"
            f"Équipe CCI : {STAFF_EMAIL} / {STAFF_PASSWORD}\n"
            f"Producteur : {PRODUCER_EMAIL} / {PRODUCER_PASSWORD}"
        )
