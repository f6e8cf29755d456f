"""The SQL of a full-text match and rank, on the document field of a joined index row.

A lookup (rather than a bare expression) makes Django join the index with an INNER JOIN, which
lets the database drive the query from the full-text index.
"""

from typing import Any

from django.db.models import Expression, FloatField, Lookup, TextField

PG_CONFIG = "omlot_french"
# ts_rank weights for {D, C, B, A} = {description, producer and commune, category, name}.
PG_WEIGHTS = "{0.02, 0.2, 0.5, 1.0}"
# bm25 weights per FTS5 column: name, category, producer, commune, description.
SQLITE_WEIGHTS = (100.0, 30.0, 10.0, 10.0, 1.0)


class SearchDocumentField(TextField):
    """A document of a search index: an FTS5 table itself on SQLite, a tsvector on PostgreSQL."""


@SearchDocumentField.register_lookup
class FullTextMatch(Lookup):
    lookup_name = "match"
    prepare_rhs = False

    def as_sql(self, compiler: Any, connection: Any) -> Any:
        if connection.vendor == "sqlite":
            # FTS5 matches on the table itself: `<table> MATCH 'query'`.
            return f"{compiler.quote_name(self.lhs.alias)} MATCH %s", (self.rhs,)
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs} @@ to_tsquery('{PG_CONFIG}', %s)", (*lhs_params, self.rhs)


class FullTextRank(Expression):
    """Relevance of the matched document; lower is better on every backend."""

    output_field = FloatField()

    def __init__(self, document: Any, query: str) -> None:
        super().__init__()
        self.document = document
        self.query = query

    def get_source_expressions(self) -> list[Any]:
        return [self.document]

    def set_source_expressions(self, exprs: Any) -> None:
        (self.document,) = exprs

    def as_sql(self, compiler: Any, connection: Any) -> Any:
        if connection.vendor == "sqlite":
            weights = ", ".join(str(w) for w in SQLITE_WEIGHTS)
            alias = compiler.quote_name(self.document.alias)
            return f"bm25({alias}, {weights})", ()
        sql, params = compiler.compile(self.document)
        return (f"-ts_rank('{PG_WEIGHTS}', {sql}, to_tsquery('{PG_CONFIG}', %s))",
                (*params, self.query))
