"""The staff area's own records: web imports of the catalogue (the file, its report, who and
when). The area's permissions are declared here too (see permissions.py)."""

import uuid
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportStatus(models.TextChoices):
    CHECKING = "checking", _("Vérification en cours")
    CHECKED = "checked", _("Vérifié, prêt à importer")
    INVALID = "invalid", _("Lignes refusées : rien importé")
    IMPORTING = "importing", _("Import en cours")
    DONE = "done", _("Importé")
    FAILED = "failed", _("Échec")


def import_path(instance: "ImportRun", filename: str) -> str:
    """A name nobody can guess: the file holds producers' addresses and phone numbers, and the
    default storage may serve its files publicly."""
    return f"imports/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()[:5]}"


class ImportRun(models.Model):
    """A catalogue file uploaded by staff: checked first (the report of a dry run), then
    imported once confirmed, by background tasks that read it from the default storage."""

    file = models.FileField(_("fichier"), upload_to=import_path)
    original_name = models.CharField(_("nom du fichier"), max_length=200)
    status = models.CharField(_("statut"), max_length=10, choices=ImportStatus.choices,
                              default=ImportStatus.CHECKING, db_index=True)
    # The engine's report, as plain data (producers.catalogue_io.ImportReport → report_data).
    report: Any = models.JSONField(_("rapport"), default=dict, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, related_name="+", verbose_name=_("par"))
    created_at = models.DateTimeField(_("déposé le"), auto_now_add=True)
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                     null=True, blank=True, related_name="+",
                                     verbose_name=_("import confirmé par"))
    confirmed_at = models.DateTimeField(_("import confirmé le"), null=True, blank=True)
    finished_at = models.DateTimeField(_("terminé le"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("import du catalogue")
        permissions = [
            ("access_curation", _("Accéder à l'espace CCI")),
            ("import_catalogue", _("Importer un catalogue depuis l'espace CCI")),
            ("export_directory", _("Exporter l'annuaire et les statistiques")),
        ]

    def __str__(self) -> str:
        return self.original_name

    @property
    def in_progress(self) -> bool:
        return self.status in (ImportStatus.CHECKING, ImportStatus.IMPORTING)
