"""The full-text search index: FTS5 tables on SQLite, tsvector + GIN (and pg_trgm) on PostgreSQL."""

import django.db.models.deletion
from django.db import migrations, models

import marketplace.search.lookups

SQLITE = [
    "CREATE VIRTUAL TABLE marketplace_productsearch USING fts5("
    "name, category, producer, commune, description, "
    "tokenize = 'unicode61 remove_diacritics 2')",
    "CREATE VIRTUAL TABLE marketplace_productsearch_vocab "
    "USING fts5vocab(marketplace_productsearch, 'row')",
    "CREATE VIRTUAL TABLE marketplace_producersearch USING fts5("
    "name, category, producer, commune, description, "
    "tokenize = 'unicode61 remove_diacritics 2')",
    "CREATE VIRTUAL TABLE marketplace_producersearch_vocab "
    "USING fts5vocab(marketplace_producersearch, 'row')",
]
SQLITE_DROP = [
    "DROP TABLE IF EXISTS marketplace_productsearch_vocab",
    "DROP TABLE IF EXISTS marketplace_productsearch",
    "DROP TABLE IF EXISTS marketplace_producersearch_vocab",
    "DROP TABLE IF EXISTS marketplace_producersearch",
]

POSTGRES = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    # French parser and stop words, accents folded by unaccent. The words arrive already
    # stemmed by the shared normalizer (Snowball's French stemmer, the algorithm of PostgreSQL's
    # french_stem), so a `simple` dictionary keeps them as they are: stemming them twice would
    # make PostgreSQL match more than SQLite ("fermier" would find every "ferme").
    # There is no CREATE TEXT SEARCH CONFIGURATION IF NOT EXISTS, hence the guard.
    """DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_dict WHERE dictname = 'omlot_french_words') THEN
            CREATE TEXT SEARCH DICTIONARY omlot_french_words (TEMPLATE = simple, STOPWORDS = french);
        END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'omlot_french') THEN
            CREATE TEXT SEARCH CONFIGURATION omlot_french (COPY = french);
            ALTER TEXT SEARCH CONFIGURATION omlot_french
                ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
                WITH unaccent, omlot_french_words;
        END IF;
    END $$""",
    "CREATE TABLE marketplace_productsearch ("
    "rowid bigint PRIMARY KEY REFERENCES producers_product (id) "
    "ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, document tsvector NOT NULL)",
    "CREATE INDEX marketplace_productsearch_document ON marketplace_productsearch "
    "USING gin (document)",
    "CREATE TABLE marketplace_producersearch ("
    "rowid bigint PRIMARY KEY REFERENCES producers_producer (id) "
    "ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, document tsvector NOT NULL)",
    "CREATE INDEX marketplace_producersearch_document ON marketplace_producersearch "
    "USING gin (document)",
    "CREATE TABLE marketplace_searchterm (term text PRIMARY KEY)",
    "CREATE INDEX marketplace_searchterm_trgm ON marketplace_searchterm "
    "USING gin (term gin_trgm_ops)",
]
POSTGRES_DROP = [
    "DROP TABLE IF EXISTS marketplace_productsearch",
    "DROP TABLE IF EXISTS marketplace_producersearch",
    "DROP TABLE IF EXISTS marketplace_searchterm",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


def fill(apps, schema_editor):
    # A database that already holds products gets them indexed now; a fresh one has nothing to
    # index (and later code must not run against this migration's older schema).
    if apps.get_model("producers", "Product").objects.exists():
        from marketplace.search.indexing import rebuild_index

        rebuild_index()


class Migration(migrations.Migration):
    dependencies = [
        ("marketplace", "0002_taxonomy"),
        ("producers", "0002_photo_thumbnails"),
    ]

    operations = [
        migrations.CreateModel(
            name="ProductSearchEntry",
            fields=[
                (
                    "product",
                    models.OneToOneField(
                        db_column="rowid", db_constraint=False, primary_key=True, serialize=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="search_entry", to="producers.product",
                    ),
                ),
                ("document", marketplace.search.lookups.SearchDocumentField()),
            ],
            options={"db_table": "marketplace_productsearch", "managed": False},
        ),
        migrations.CreateModel(
            name="ProducerSearchEntry",
            fields=[
                (
                    "producer",
                    models.OneToOneField(
                        db_column="rowid", db_constraint=False, primary_key=True, serialize=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="search_entry", to="producers.producer",
                    ),
                ),
                ("document", marketplace.search.lookups.SearchDocumentField()),
            ],
            options={"db_table": "marketplace_producersearch", "managed": False},
        ),
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            _run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
