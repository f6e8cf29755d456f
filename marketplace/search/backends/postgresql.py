"""PostgreSQL: a weighted tsvector per document (GIN index) in the `omlot_french` configuration
(unaccent + french stemming), fed with the normalizer's forms, so both databases see the same
words; typo tolerance compares the query's unknown words with the table of the index's words
(held per process, as on SQLite)."""

import time
from collections.abc import Sequence
from typing import Any

from marketplace.search.backends.base import (
    SIGNALS,
    Compiled,
    Document,
    SearchBackend,
    close_words,
    combined_rank_sql,
    reader,
    writer,
)
from marketplace.search.text import QueryWord

TABLES = {"product": "search_product", "producer": "search_producer"}
# The text search configuration created by this app's migration.
PG_CONFIG = "omlot_french"
# ts_rank weights for {D, C, B, A} = {description, producer and commune, category, name}.
PG_WEIGHTS = "{0.02, 0.2, 0.5, 1.0}"
# A product's name: its document's weight-A words, indexed on their own (migration 0002).
NAMES = "ts_filter(document, '{a}')"

_DOCUMENT = (
    f"setweight(to_tsvector('{PG_CONFIG}', %s), 'A') || "
    f"setweight(to_tsvector('{PG_CONFIG}', %s), 'B') || "
    f"setweight(to_tsvector('{PG_CONFIG}', %s), 'C') || "
    f"setweight(to_tsvector('{PG_CONFIG}', %s), 'D')"
)


# The index's words, held per process for a minute (forgotten when this process writes), to
# tell a whole word from one to complete and to correct typos.
TERMS_TTL = 60.0
_held: dict[str, object] = {"at": -TERMS_TTL, "terms": frozenset()}


def forget_terms() -> None:
    _held["at"] = -TERMS_TTL


def _terms() -> frozenset[str]:
    if time.monotonic() - float(_held["at"]) > TERMS_TTL:  # type: ignore[arg-type]
        with reader().cursor() as cursor:
            cursor.execute("SELECT term FROM search_term")
            _held["terms"] = frozenset(row[0] for row in cursor.fetchall())
        _held["at"] = time.monotonic()
    return _held["terms"]  # type: ignore[return-value]


def _quoted(term: str) -> str:
    # The normalizer only yields letters and digits; quoting keeps to_tsquery's syntax safe.
    return "'" + term.replace("'", "") + "'"


class PostgresBackend(SearchBackend):
    vendor = "postgresql"

    def check_words(self, words: Sequence[QueryWord], *,
                    completing: QueryWord | None) -> tuple[dict[str, tuple[str, ...]], bool]:
        # The index's words held in this process, as on SQLite: no query per search, and the
        # same corrections on both databases (pg_trgm's similarity missed swaps: "agnaeu").
        known = _terms()
        corrections = {
            w.folded: close_words(w.folded, known)
            for w in words
            if w.typo_tolerant and known.isdisjoint(w.forms)
        }
        return corrections, completing is not None and completing.folded in known

    def compile(self, words: Sequence[QueryWord], corrections: dict[str, tuple[str, ...]],
                *, prefix_last: bool) -> Compiled:
        exact = [[_quoted(t) for t in (*w.forms, *corrections.get(w.folded, ()))] for w in words]
        prefix = ((_quoted(words[-1].folded) + ":*")
                  if prefix_last and words else "")

        def joined(operator: str, *, weights: str = "", complete: bool = True,
                   parts: list[list[str]] = exact) -> str:
            groups = []
            for position, terms in enumerate(parts):
                terms = [f"{t}:{weights}" if weights else t for t in terms]
                if complete and prefix and position == len(parts) - 1:
                    terms.append(prefix + weights)
                groups.append("(" + " | ".join(terms) + ")")
            return f" {operator} ".join(groups)

        return Compiled(
            any=joined("|"), all=joined("&"), exact=joined("&", complete=False),
            # The name is weight A, the category B (see _DOCUMENT).
            strong=joined("&", weights="AB"), name=joined("&", weights="A"),
            phrase=joined("<->", weights="AB", complete=False) if len(words) > 1 else "",
        )

    def ids_sql(self, index: str, query: Compiled) -> tuple[str, list[Any]]:
        return (f"SELECT rowid FROM {TABLES[index]} "  # noqa: S608
                f"WHERE document @@ to_tsquery('{PG_CONFIG}', %s)", [query.any])

    def ranked(self, index: str, query: Compiled, *,
               within: tuple[str, Sequence[Any]] | None = None,
               boost: tuple[str, Sequence[Any]] | None = None,
               offset: int = 0, limit: int | None = None) -> list[tuple[int, float]]:
        # Each signal is tested on the matched row's tsvector, already in hand: no index probe.
        # Its tsquery is parsed once, in FROM (in the select list, PostgreSQL would parse and
        # stem it again for every matched row).
        columns: list[str] = []
        queries: list[str] = []
        column_params: list[Any] = []
        query_params: list[Any] = [query.any]
        for name in SIGNALS:
            if name == "boost":
                columns.append(f"rowid IN ({boost[0]})" if boost else "false")
                column_params.extend(boost[1] if boost else ())
            elif name == "phrase" and not query.phrase:
                columns.append("false")
            elif getattr(query, name) == query.any:  # one word, whole: every match has it
                columns.append("true")
            else:
                columns.append(f"document @@ q_{name}")
                queries.append(f", to_tsquery('{PG_CONFIG}', %s) AS q_{name}")
                query_params.append(getattr(query, name))
        # ts_rank is a float4: widened as Python did before, so ties fall the same way.
        signals = ", ".join(f"({c})::int AS s{i}" for i, c in enumerate(columns))
        sql = (f"SELECT rowid, (-ts_rank('{PG_WEIGHTS}', document, q))::float8 AS r, "  # noqa: S608
               f"{signals} "
               f"FROM {TABLES[index]}, to_tsquery('{PG_CONFIG}', %s) AS q{''.join(queries)} "
               "WHERE document @@ q")
        params = [*column_params, *query_params]
        if within is not None:
            sql += f" AND rowid IN ({within[0]})"
            params.extend(within[1])
        # OFFSET 0 keeps the subquery whole: flattened, ts_rank would run once per mention.
        rank = combined_rank_sql([f"s{i}" for i in range(len(columns))], "r")
        sql = (f"SELECT rowid, {rank} AS rank FROM ({sql} OFFSET 0) AS matches "  # noqa: S608
               "ORDER BY rank, rowid LIMIT %s OFFSET %s")
        with reader().cursor() as cursor:
            cursor.execute(sql, [*params, limit, offset])
            return cursor.fetchall()

    def count(self, index: str, query: Compiled, *,
              within: tuple[str, Sequence[Any]] | None = None) -> int:
        sql = (f"SELECT count(*) FROM {TABLES[index]} "  # noqa: S608
               f"WHERE document @@ to_tsquery('{PG_CONFIG}', %s)")
        params: list[Any] = [query.any]
        if within is not None:
            sql += f" AND rowid IN ({within[0]})"
            params.extend(within[1])
        with reader().cursor() as cursor:
            cursor.execute(sql, params)
            return int(cursor.fetchone()[0])

    def first_ids(self, index: str, query: Compiled, limit: int) -> list[int]:
        if index == "product":
            # The names alone, through their own index (migration 0002): every word anywhere,
            # among the names, is `query.name` without its weights.
            sql = (f"SELECT rowid FROM search_product WHERE {NAMES} "  # noqa: S608
                   f"@@ to_tsquery('{PG_CONFIG}', %s) LIMIT %s")
            params: list[Any] = [query.all, limit]
        else:
            sql = (f"SELECT rowid FROM {TABLES[index]} "  # noqa: S608
                   f"WHERE document @@ to_tsquery('{PG_CONFIG}', %s) LIMIT %s")
            params = [query.name, limit]
        with reader().cursor() as cursor:
            cursor.execute(sql, params)
            return [row[0] for row in cursor.fetchall()]

    def write(self, index: str, documents: Sequence[Document]) -> None:
        if not documents:
            return
        table = TABLES[index]
        terms = sorted({term for d in documents
                        for text in (d.name, d.category, d.producer, d.commune, d.description)
                        for term in text.split()})
        with writer().cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {table} (rowid, document) VALUES (%s, {_DOCUMENT}) "  # noqa: S608
                "ON CONFLICT (rowid) DO UPDATE SET document = EXCLUDED.document",
                [(d.id, d.name, d.category, f"{d.producer} {d.commune}", d.description)
                 for d in documents],
            )
            cursor.execute(
                "INSERT INTO search_term (term) SELECT unnest(%s::text[]) "
                "ON CONFLICT DO NOTHING", [terms],
            )
        forget_terms()

    def delete(self, index: str, ids: Sequence[int]) -> None:
        if ids:
            with writer().cursor() as cursor:
                cursor.execute(f"DELETE FROM {TABLES[index]} WHERE rowid = ANY(%s)",  # noqa: S608
                               [list(ids)])

    def clear(self) -> None:
        with writer().cursor() as cursor:
            # DELETE rather than TRUNCATE: it works inside a transaction that has just
            # written products (their deferred foreign-key checks are still pending).
            for table in (*TABLES.values(), "search_term"):
                cursor.execute(f"DELETE FROM {table}")  # noqa: S608
        forget_terms()
