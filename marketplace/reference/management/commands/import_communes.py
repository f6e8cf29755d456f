import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from marketplace.reference.territory import communes_import, count_communes


class Command(BaseCommand):
    help = "Importe (ou met à jour) les communes des départements du territoire."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument(
            "--departement", action="append", dest="departements",
            help="Code du département (répétable). Par défaut : le territoire configuré.",
        )

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        departements = options["departements"] or settings.TERRITORY_DEPARTEMENTS
        total = count_communes(departements)
        with tqdm(total=total, unit=" communes", disable=not sys.stderr.isatty()) as bar:
            try:
                result = communes_import(departements=departements, progress=bar.update)
            except ValueError as exc:
                raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Communes : {result.created} créées, {result.updated} mises à jour, "
            f"{result.unchanged} inchangées."
        )
