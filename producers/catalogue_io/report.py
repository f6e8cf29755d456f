"""What an import found and did, for the command's output and tomorrow's staff page."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

# A file with an encoding or column mix-up can refuse every one of 40,000 rows: the report
# keeps the first ones for a page; `on_error` streams every one of them (the command prints).
KEPT_ERRORS = 1000


@dataclass(frozen=True, slots=True)
class RowError:
    line: int
    column: str | None
    message: str

    def __str__(self) -> str:
        if self.column is None:
            return _("ligne %(line)s : %(message)s") % {"line": self.line, "message": self.message}
        return _("ligne %(line)s, colonne %(column)s : %(message)s") % {
            "line": self.line, "column": self.column, "message": self.message}


@dataclass(slots=True)
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def changed(self) -> int:
        return self.created + self.updated


@dataclass
class ImportReport:
    file_format: str = ""
    dry_run: bool = False
    skip_invalid: bool = False
    rows: int = 0  # rows with something in them, below the header
    refused_lines: set[int] = field(default_factory=set)
    errors: list[RowError] = field(default_factory=list)
    error_count: int = 0
    warnings: list[str] = field(default_factory=list)
    producers: Counts = field(default_factory=Counts)
    products: Counts = field(default_factory=Counts)
    written: bool = False  # something was written (and committed, unless a dry run)
    check_only: bool = False  # stopped after checking the rows (nothing was written)
    on_error: Callable[[RowError], None] | None = field(default=None, repr=False)

    def refuse(self, error: RowError) -> None:
        self.refused_lines.add(error.line)
        self.error_count += 1
        if len(self.errors) < KEPT_ERRORS:
            self.errors.append(error)
        if self.on_error is not None:
            self.on_error(error)

    @property
    def refused(self) -> int:
        return len(self.refused_lines)

    @property
    def ok(self) -> bool:
        """Nothing refused: the command's exit code is 0."""
        return not self.refused_lines

    @property
    def changed_nothing(self) -> bool:
        return not (self.producers.changed or self.products.changed)

    def summary(self, *, hint: bool = True) -> list[str]:
        """The closing lines of the report, in French (`hint`: the command's options)."""
        lines = []
        if self.refused and not self.skip_invalid:
            if hint:
                lines.append(
                    _("%(refused)s ligne(s) refusée(s) sur %(rows)s : rien n'a été importé "
                      "(corrigez le fichier, ou relancez avec --skip-invalid pour importer les "
                      "lignes valides).") % {"refused": self.refused, "rows": self.rows}
                )
            else:
                lines.append(
                    _("%(refused)s ligne(s) refusée(s) sur %(rows)s : rien n'a été importé "
                      "(corrigez le fichier et déposez-le à nouveau).")
                    % {"refused": self.refused, "rows": self.rows}
                )
            return lines
        if self.check_only:
            lines.append(_("%(rows)s ligne(s) vérifiée(s), aucune refusée : rien n'est encore "
                           "enregistré, confirmez pour importer.") % {"rows": self.rows})
            return lines
        if self.refused:
            lines.append(_("%(refused)s ligne(s) refusée(s) sur %(rows)s, ignorées.")
                         % {"refused": self.refused, "rows": self.rows})
        counts = _("%(created)s créé(s), %(updated)s mis à jour, %(unchanged)s inchangé(s)")
        lines.append(_("Producteurs : ") + counts % _as_dict(self.producers))
        lines.append(_("Produits : ") + counts % _as_dict(self.products))
        if self.changed_nothing:
            lines.append(_("Rien n'a changé : le catalogue était déjà à jour."))
        if self.dry_run and hint:
            lines.append(_("Simulation (--dry-run) : aucune modification n'a été enregistrée."))
        elif self.dry_run:
            lines.append(_("Vérification : rien n'est encore enregistré. Confirmez pour "
                           "importer."))
        return lines


def _as_dict(counts: Counts) -> dict[str, int]:
    return {"created": counts.created, "updated": counts.updated, "unchanged": counts.unchanged}
