import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from tqdm import tqdm

from producers.catalogue_io import CatalogueFileError, RowError, catalogue_import


class _Bar:
    """A tqdm bar per phase of the import, on a terminal only."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.bar: tqdm[Any] | None = None

    def start(self, phase: str, total: int | None) -> None:
        self.close()
        if self.enabled:
            self.bar = tqdm(total=total, desc=phase, unit=" lignes", file=sys.stderr)

    def advance(self, rows: int) -> None:
        if self.bar is not None:
            self.bar.update(rows)

    def write(self, text: str, stream: Any) -> None:
        if self.bar is not None:
            self.bar.write(text, file=stream)
        else:
            stream.write(text + "\n")

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


class Command(BaseCommand):
    help = _(
        "Importe un catalogue (CSV, XLSX ou ODS ; une ligne par produit) : producteurs par "
        "SIRET, produits par producteur et nom. Un fichier avec une ligne invalide ne change "
        "rien, sauf avec --skip-invalid."
    )

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("file", help=_("le fichier à importer (.csv, .xlsx, .ods)"))
        parser.add_argument("--dry-run", action="store_true",
                            help=_("vérifier et dire ce qui changerait, sans rien enregistrer"))
        parser.add_argument("--skip-invalid", action="store_true",
                            help=_("importer les lignes valides et signaler les autres"))

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        bar = _Bar(enabled=sys.stderr.isatty())

        def on_error(error: RowError) -> None:
            bar.write(str(error), self.stdout)

        try:
            report = catalogue_import(
                source=options["file"], dry_run=options["dry_run"],
                skip_invalid=options["skip_invalid"], progress=bar, on_error=on_error,
            )
        except CatalogueFileError as exc:
            raise CommandError(str(exc)) from exc
        finally:
            bar.close()
        for warning in report.warnings:
            self.stderr.write(_("Attention : %(warning)s") % {"warning": warning})
        for line in report.summary():
            self.stdout.write(line)
        if not report.ok:
            sys.exit(1)
