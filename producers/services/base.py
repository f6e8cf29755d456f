"""Helpers of the catalogue's services: field assignment and file clean-up after commit."""

from collections.abc import Mapping
from typing import Any

from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models.fields.files import FieldFile


def assign(instance: Any, data: Mapping[str, Any], allowed: frozenset[str]) -> list[str]:
    """Set the fields of `data` on the instance; a field outside `allowed` is a caller's bug."""
    unknown = set(data) - allowed
    if unknown:
        raise TypeError(f"Fields not writable here: {sorted(unknown)}")
    for name, value in data.items():
        setattr(instance, name, value)
    return list(data)


def delete_files_after_commit(*files: FieldFile) -> None:
    # Files are written before the row commits; a rollback leaves an orphan file, never a row
    # without its file. Deleting waits for the commit for the same reason.
    names = [f.name for f in files if f and f.name]
    storage = files[0].storage if files else default_storage

    def delete() -> None:
        for name in names:
            storage.delete(name)

    transaction.on_commit(delete)
