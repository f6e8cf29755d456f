"""Catalogue import and export: one engine that `manage.py import_catalogue` calls today and a
staff page in /curation/ will call tomorrow (the command only parses arguments and prints).

    report = catalogue_import(source=path_or_upload, dry_run=False, skip_invalid=False)
    catalogue_export(out=binary_file, file_format="csv")
"""

from producers.catalogue_io.columns import COLUMNS, REQUIRED
from producers.catalogue_io.exporter import FORMATS, ExportResult, catalogue_export
from producers.catalogue_io.importer import CatalogueFileError, Progress, catalogue_import
from producers.catalogue_io.readers import Source
from producers.catalogue_io.report import Counts, ImportReport, RowError

__all__ = [
    "COLUMNS", "FORMATS", "REQUIRED", "CatalogueFileError", "Counts", "ExportResult",
    "ImportReport", "Progress", "RowError", "Source", "catalogue_export", "catalogue_import",
]
