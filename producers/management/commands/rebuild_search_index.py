from typing import Any

from django.core.management.base import BaseCommand
from django.db import connection, transaction

from producers.indexing import rebuild_index
from producers.models import Producer, Product


class Command(BaseCommand):
    help = "Reconstruit l'index de recherche à partir du catalogue."

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            rebuild_index()
        # Fresh planner statistics: after a rebuild (or a bulk import before it) the tables'
        # sizes have changed, and both databases choose their plans from these numbers.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.stdout.write(self.style.SUCCESS(
            f"Index reconstruit : {Product.objects.published().count()} produits, "
            f"{Producer.objects.public().count()} producteurs."
        ))
