"""Log a search of the list pages, without personal data (see models.SearchLog)."""

import logging

from django.db import DatabaseError
from django.utils import timezone

from marketplace.common.text import clean_line, fold
from marketplace.directory.models import SearchLog

MAX_QUERY = 100
logger = logging.getLogger(__name__)


def search_logged(*, kind: str, query: str, results: int) -> None:
    """Record the words searched and how many results they found. Never fails the page: a log
    that cannot be written is skipped."""
    words = fold(clean_line(query))[:MAX_QUERY].strip()
    if not words:
        return
    # One INSERT in the request's autocommit (no savepoint: a list page stays within its
    # query budget); a failed insert is logged and the page is served all the same.
    try:
        SearchLog.objects.create(day=timezone.localdate(), kind=kind, query=words,
                                 results=results)
    except DatabaseError:
        logger.warning("search not logged", exc_info=True)
