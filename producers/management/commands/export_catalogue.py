import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from producers.catalogue_io import FORMATS, catalogue_export
from producers.catalogue_io.exporter import Format


class Command(BaseCommand):
    help = _(
        "Exporte tous les produits publics dans les colonnes de import_catalogue (CSV UTF-8 "
        "avec BOM pour Excel, ou XLSX) : le fichier se réimporte sans rien changer."
    )

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("file", nargs="?", default="-",
                            help=_("le fichier à écrire, ou - pour la sortie standard"))
        parser.add_argument("--format", choices=FORMATS,
                            help=_("csv ou xlsx (par défaut : d'après l'extension, sinon csv)"))

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        target = options["file"]
        file_format: Format = options["format"] or (
            "xlsx" if target != "-" and Path(target).suffix.lower() == ".xlsx" else "csv"
        )
        if target == "-":
            result = catalogue_export(out=sys.stdout.buffer, file_format=file_format)
            sys.stdout.buffer.flush()
        else:
            try:
                with open(target, "wb") as out:
                    result = catalogue_export(out=out, file_format=file_format)
            except OSError as exc:
                raise CommandError(
                    _("impossible d'écrire %(file)s : %(error)s")
                    % {"file": target, "error": exc.strerror}
                ) from exc
        self.stderr.write(_("%(count)s produit(s) exporté(s).") % {"count": result.products})
        if result.without_siret:
            self.stderr.write(_(
                "Attention : %(count)s produit(s) de producteurs sans SIRET ; ces lignes ne "
                "pourront pas être réimportées telles quelles."
            ) % {"count": result.without_siret})
