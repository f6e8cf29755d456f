"""The full-text index tables: FTS5 on SQLite, tsvector + GIN (and pg_trgm) on PostgreSQL.

Rows are keyed by the id of what they describe, with no foreign key: the engine knows no
catalogue, whose writers keep the index in step (see producers.indexing)."""

from django.db import migrations

SQLITE = [
    "CREATE VIRTUAL TABLE search_product USING fts5("
    "name, category, producer, commune, description, "
    "tokenize = 'unicode61 remove_diacritics 2')",
    "CREATE VIRTUAL TABLE search_product_vocab USING fts5vocab(search_product, 'row')",
    "CREATE VIRTUAL TABLE search_producer USING fts5("
    "name, category, producer, commune, description, "
    "tokenize = 'unicode61 remove_diacritics 2')",
    "CREATE VIRTUAL TABLE search_producer_vocab USING fts5vocab(search_producer, 'row')",
]
SQLITE_DROP = [
    "DROP TABLE IF EXISTS search_product_vocab",
    "DROP TABLE IF EXISTS search_product",
    "DROP TABLE IF EXISTS search_producer_vocab",
    "DROP TABLE IF EXISTS search_producer",
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
    "CREATE TABLE search_product (rowid bigint PRIMARY KEY, document tsvector NOT NULL)",
    "CREATE INDEX search_product_document ON search_product USING gin (document)",
    "CREATE TABLE search_producer (rowid bigint PRIMARY KEY, document tsvector NOT NULL)",
    "CREATE INDEX search_producer_document ON search_producer USING gin (document)",
    "CREATE TABLE search_term (term text PRIMARY KEY)",
    "CREATE INDEX search_term_trgm ON search_term USING gin (term gin_trgm_ops)",
]
POSTGRES_DROP = [
    "DROP TABLE IF EXISTS search_product",
    "DROP TABLE IF EXISTS search_producer",
    "DROP TABLE IF EXISTS search_term",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            _run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}),
        ),
    ]
