from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from marketplace.search.indexing import rebuild_index
from producers.models import Producer, Product


class Command(BaseCommand):
    help = "Reconstruit l'index de recherche à partir du catalogue."

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            rebuild_index()
        self.stdout.write(self.style.SUCCESS(
            f"Index reconstruit : {Product.objects.published().count()} produits, "
            f"{Producer.objects.public().count()} producteurs."
        ))
