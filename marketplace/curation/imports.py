"""The web import: the same engine as `manage.py import_catalogue`, run by background tasks.

Upload → a task checks every row (the engine's report of refused rows, nothing written) →
staff read the report and confirm → a task imports it, batch by batch. The file waits on the
default storage, so the tasks take only the run's id; progress goes to the cache, which every
process shares.
"""

from pathlib import PurePath
from typing import IO, Any

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.tasks import task
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.curation import states
from marketplace.curation.models import ImportRun, ImportStatus
from producers.catalogue_io import CatalogueFileError, ImportReport, Source, catalogue_import

EXTENSIONS = (".csv", ".xlsx", ".ods")
MAX_UPLOAD = 50 * 1024 * 1024
PROGRESS_TTL = 24 * 3600


def progress_key(run_id: int) -> str:
    return f"curation:import:{run_id}:progress"


class CacheProgress:
    """The engine's progress, written to the cache for the run's page (every few hundred rows,
    not every row)."""

    STEP = 500

    def __init__(self, run_id: int) -> None:
        self.key = progress_key(run_id)
        self.phase: str = ""
        self.total: int | None = None
        self.done = self.unsaved = 0

    def start(self, phase: str, total: int | None) -> None:
        self.phase, self.total, self.done, self.unsaved = phase, total, 0, 0
        self._save()

    def advance(self, rows: int) -> None:
        self.done += rows
        self.unsaved += rows
        if self.unsaved >= self.STEP:
            self._save()

    def _save(self) -> None:
        self.unsaved = 0
        cache.set(self.key, {"phase": self.phase, "total": self.total, "done": self.done},
                  PROGRESS_TTL)


def progress(run: ImportRun) -> dict[str, Any] | None:
    data = cache.get(progress_key(run.pk)) if run.in_progress else None
    if data and data.get("total"):
        data["percent"] = min(100, round(100 * data["done"] / data["total"]))
    return data


def report_data(report: ImportReport) -> dict[str, Any]:
    """The engine's report as plain data for the run's row (and the same page as the command's
    output: every refused row with its line and column, the warnings, the summary)."""
    return {
        "rows": report.rows,
        "refused": report.refused,
        "error_count": report.error_count,
        "errors": [[e.line, e.column, e.message] for e in report.errors],
        "warnings": list(report.warnings),
        "summary": report.summary(hint=False),
        "producers": {"created": report.producers.created, "updated": report.producers.updated,
                      "unchanged": report.producers.unchanged},
        "products": {"created": report.products.created, "updated": report.products.updated,
                     "unchanged": report.products.unchanged},
        "ok": report.ok,
    }


def _move(run: ImportRun, name: str, **fields: Any) -> ImportRun:
    transition = states.IMPORT.check(name, run.status)
    run.status = transition.target
    for key, value in fields.items():
        setattr(run, key, value)
    run.save(update_fields=["status", *fields])
    return run


@transaction.atomic
def import_upload(*, upload: IO[bytes], name: str, actor: Any) -> ImportRun:
    """Keep the file and have it checked in the background."""
    if not name.lower().endswith(EXTENSIONS):
        raise ValidationError({"file": _("Choisissez un fichier CSV, XLSX ou ODS.")})
    size = getattr(upload, "size", 0) or 0
    if size > MAX_UPLOAD:
        raise ValidationError({"file": _("Le fichier dépasse 50 Mo.")})
    run = ImportRun(original_name=PurePath(name).name[:200], created_by=actor)
    run.file.save(PurePath(name).name, upload, save=False)  # type: ignore[arg-type]
    run.save()
    transaction.on_commit(lambda: import_check.enqueue(run_id=run.pk))
    return run


@transaction.atomic
def import_confirm(*, run: ImportRun, actor: Any) -> ImportRun:
    """Staff read the check's report and confirm: the import itself runs in the background."""
    run = ImportRun.objects.select_for_update().get(pk=run.pk)
    _move(run, "start", confirmed_by=actor, confirmed_at=timezone.now())
    transaction.on_commit(lambda: import_write.enqueue(run_id=run.pk))
    return run


def _run(run_id: int, status: str, *, dry_run: bool) -> None:
    """Run the engine on the run's file, unless the run has moved on already (a task may be
    delivered twice: the second delivery finds the status changed and does nothing)."""
    run = ImportRun.objects.filter(pk=run_id, status=status).first()
    if run is None:
        return
    try:
        with run.file.open("rb") as handle:
            # Checking writes nothing; importing commits batch by batch, so other writers
            # (a producer saving its page) wait a moment at most, never the whole file.
            report = catalogue_import(source=Source(handle, name=run.original_name),
                                      check_only=dry_run, commit_each_batch=not dry_run,
                                      progress=CacheProgress(run.pk))
    except CatalogueFileError as error:
        with transaction.atomic():
            _move(run, "fail", report={"fatal": str(error)}, finished_at=timezone.now())
        return
    data = report_data(report)
    with transaction.atomic():
        if dry_run:
            _move(run, "check_passed" if data["ok"] else "check_refused", report=data)
        else:
            _move(run, "finish", report=data, finished_at=timezone.now())
    cache.delete(progress_key(run.pk))


@task
def import_check(*, run_id: int) -> None:
    """Check every row of the file (the refused rows with their line and column)."""
    _run(run_id, ImportStatus.CHECKING, dry_run=True)


@task
def import_write(*, run_id: int) -> None:
    """Import the checked file (the engine refuses it whole if a row went bad meanwhile)."""
    _run(run_id, ImportStatus.IMPORTING, dry_run=False)
