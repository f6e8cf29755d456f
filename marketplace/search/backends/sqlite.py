"""SQLite: FTS5 tables (`unicode61 remove_diacritics 2`) fed with the normalizer's forms.

Typo tolerance compares the query's unknown words with the index's own vocabulary (fts5vocab):
a few thousand words, held in memory for a minute and reloaded after this process writes.
"""

import itertools
import math
import time
from collections.abc import Sequence
from typing import Any

from marketplace.search.backends.base import (
    FIELDS,
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
VOCABULARY_TTL = 60.0
MAX_PHRASES = 64  # NEAR groups per phrase signal; longer queries go without it
# bm25 weights per FTS5 column: name, category, producer, commune, description. Steep enough
# that a word in the name outweighs it in the category, which outweighs the rest: bm25 itself
# then orders the "strong" and "name" signals, each of which would cost one more full-text
# query (twice the time of a broad search on 40,000 products).
SQLITE_WEIGHTS = (1000.0, 100.0, 10.0, 10.0, 1.0)
BM25_SIGNALS = frozenset({"strong", "name"})

_vocabulary: dict[str, object] = {"loaded_at": 0.0, "words": frozenset()}


def forget_vocabulary() -> None:
    _vocabulary["loaded_at"] = 0.0


def vocabulary() -> frozenset[str]:
    if time.monotonic() - float(_vocabulary["loaded_at"]) > VOCABULARY_TTL:  # type: ignore[arg-type]
        with reader().cursor() as cursor:
            cursor.execute(
                "SELECT term FROM search_product_vocab UNION "
                "SELECT term FROM search_producer_vocab"
            )
            _vocabulary["words"] = frozenset(row[0] for row in cursor.fetchall())
        _vocabulary["loaded_at"] = time.monotonic()
    return _vocabulary["words"]  # type: ignore[return-value]


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _near(groups: list[list[str]]) -> str:
    """The words next to each other in the name or category: each word is indexed as up to
    three forms, so "next to" is NEAR within a few tokens (one NEAR per choice of forms)."""
    if not 2 <= len(groups) <= 4 or math.prod(len(g) for g in groups) > MAX_PHRASES:
        return ""
    distance = max(len(g) for g in groups) + 1
    nears = [f"NEAR({' '.join(choice)}, {distance})" for choice in itertools.product(*groups)]
    return "{name category} : (" + " OR ".join(nears) + ")"


class SqliteBackend(SearchBackend):
    vendor = "sqlite"

    def check_words(self, words: Sequence[QueryWord], *,
                    completing: QueryWord | None) -> tuple[dict[str, tuple[str, ...]], bool]:
        tolerant = [w for w in words if w.typo_tolerant]
        if not tolerant and completing is None:
            return {}, False
        known = vocabulary()
        corrections = {
            w.folded: close_words(w.folded, known)
            for w in tolerant
            if not known.intersection(w.forms)
        }
        return corrections, completing is not None and completing.folded in known

    def compile(self, words: Sequence[QueryWord], corrections: dict[str, tuple[str, ...]],
                *, prefix_last: bool) -> Compiled:
        exact = [[_quoted(t) for t in (*w.forms, *corrections.get(w.folded, ()))] for w in words]
        groups = [list(terms) for terms in exact]
        if prefix_last and words:
            groups[-1].append(_quoted(words[-1].folded) + "*")

        def joined(parts: list[list[str]], operator: str) -> str:
            return f" {operator} ".join("(" + " OR ".join(terms) + ")" for terms in parts)

        every = joined(groups, "AND")
        return Compiled(
            any=joined(groups, "OR"), all=every, exact=joined(exact, "AND"),
            strong=f"{{name category}} : ({every})", name=f"{{name}} : ({every})",
            phrase=_near(exact),
        )

    def ids_sql(self, index: str, query: Compiled) -> tuple[str, list[Any]]:
        table = TABLES[index]
        return f"SELECT rowid FROM {table} WHERE {table} MATCH %s", [query.any]  # noqa: S608

    def ranked(self, index: str, query: Compiled, *,
               within: tuple[str, Sequence[Any]] | None = None,
               boost: tuple[str, Sequence[Any]] | None = None,
               offset: int = 0, limit: int | None = None) -> list[tuple[int, float]]:
        table = TABLES[index]
        weights = ", ".join(str(w) for w in SQLITE_WEIGHTS)
        # Each signal is one more full-text query, run once (SQLite materializes an
        # uncorrelated `IN (SELECT …)`), not once per match.
        signal = f"rowid IN (SELECT rowid FROM {table} WHERE {table} MATCH %s)"  # noqa: S608
        columns: list[str] = []
        params: list[Any] = []
        for name in SIGNALS:
            text = getattr(query, name, "")
            if name == "boost":
                columns.append(f"rowid IN ({boost[0]})" if boost else "0")
                params.extend(boost[1] if boost else ())
            elif (name == "phrase" and not text) or name in BM25_SIGNALS:
                columns.append("0")
            elif text == query.any:  # one word, whole: every match has it (a query saved)
                columns.append("1")
            else:
                columns.append(signal)
                params.append(text)
        sql = (f"{self._matches(table, f'bm25({table}, {weights}) AS r')} "  # noqa: S608
               f"SELECT rowid, {combined_rank_sql(columns, 'r')} AS rank FROM matches")
        params = [query.any, *params]
        if within is not None:
            sql += f" WHERE rowid IN ({within[0]})"
            params.extend(within[1])
        # LIMIT -1: no limit, in SQLite's syntax.
        with reader().cursor() as cursor:
            cursor.execute(sql + " ORDER BY rank, rowid LIMIT %s OFFSET %s",
                           [*params, -1 if limit is None else limit, offset])
            return cursor.fetchall()

    def count(self, index: str, query: Compiled, *,
              within: tuple[str, Sequence[Any]] | None = None) -> int:
        table = TABLES[index]
        sql = f"{self._matches(table)} SELECT count(*) FROM matches"  # noqa: S608
        params: list[Any] = [query.any]
        if within is not None:
            sql += f" WHERE rowid IN ({within[0]})"
            params.extend(within[1])
        with reader().cursor() as cursor:
            cursor.execute(sql, params)
            return int(cursor.fetchone()[0])

    @staticmethod
    def _matches(table: str, *columns: str) -> str:
        """The matches, materialized first so that SQLite runs the full-text query once: left
        to its planner, it may walk the other filters' ids and probe the index for each one,
        re-running the MATCH thousands of times (a second instead of milliseconds)."""
        selected = ", ".join(["rowid", *columns])
        return (f"WITH matches AS MATERIALIZED (SELECT {selected} FROM {table} "  # noqa: S608
                f"WHERE {table} MATCH %s)")

    def first_ids(self, index: str, query: Compiled, limit: int) -> list[int]:
        table = TABLES[index]
        with reader().cursor() as cursor:
            cursor.execute(f"SELECT rowid FROM {table} WHERE {table} MATCH %s LIMIT %s",  # noqa: S608
                           [query.name, limit])
            return [row[0] for row in cursor.fetchall()]

    def write(self, index: str, documents: Sequence[Document]) -> None:
        if not documents:
            return
        table = TABLES[index]
        columns = ", ".join(FIELDS)
        with writer().cursor() as cursor:
            self._delete(cursor, table, [d.id for d in documents])
            cursor.executemany(
                f"INSERT INTO {table} (rowid, {columns}) VALUES (%s, %s, %s, %s, %s, %s)",  # noqa: S608
                [(d.id, d.name, d.category, d.producer, d.commune, d.description)
                 for d in documents],
            )
        forget_vocabulary()

    def delete(self, index: str, ids: Sequence[int]) -> None:
        if ids:
            with writer().cursor() as cursor:
                self._delete(cursor, TABLES[index], ids)

    def clear(self) -> None:
        with writer().cursor() as cursor:
            for table in TABLES.values():
                cursor.execute(f"DELETE FROM {table}")  # noqa: S608
        forget_vocabulary()

    @staticmethod
    def _delete(cursor: object, table: str, ids: Sequence[int]) -> None:
        for start in range(0, len(ids), 500):
            chunk = list(ids[start:start + 500])
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(f"DELETE FROM {table} WHERE rowid IN ({marks})", chunk)  # type: ignore[attr-defined]  # noqa: S608
