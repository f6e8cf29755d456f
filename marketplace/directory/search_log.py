"""Log a search of the list pages, without personal data (see models.SearchLog)."""

from django.db import DatabaseError, transaction
from django.utils import timezone

from marketplace.common.text import clean_line, fold
from marketplace.directory.models import SearchLog

MAX_QUERY = 100


def search_logged(*, kind: str, query: str, results: int) -> None:
    """Record the words searched and how many results they found. Never fails the page: a log
    that cannot be written is skipped."""
    words = fold(clean_line(query))[:MAX_QUERY].strip()
    if not words:
        return
    try:
        with transaction.atomic():
            SearchLog.objects.create(day=timezone.localdate(), kind=kind, query=words,
                                     results=results)
    except DatabaseError:
        pass
