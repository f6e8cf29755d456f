"""The field type of an index row's document (see marketplace.models.ProductSearchEntry)."""

from django.db.models import TextField

PG_CONFIG = "omlot_french"
# ts_rank weights for {D, C, B, A} = {description, producer and commune, category, name}.
PG_WEIGHTS = "{0.02, 0.2, 0.5, 1.0}"
# bm25 weights per FTS5 column: name, category, producer, commune, description.
SQLITE_WEIGHTS = (100.0, 30.0, 10.0, 10.0, 1.0)


class SearchDocumentField(TextField):
    """A document of a search index: an FTS5 table itself on SQLite, a tsvector on PostgreSQL."""
