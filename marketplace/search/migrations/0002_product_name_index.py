"""On PostgreSQL, a GIN index of the products' names alone (the document's weight-A words):
the autocompletion completes a prefix among names (« fro » → fromage) without reading, then
discarding, the many documents whose description or category holds the word. SQLite's FTS5
filters on its name column already."""

from django.db import migrations

POSTGRES = [
    "CREATE INDEX IF NOT EXISTS search_product_name ON search_product "
    "USING gin (ts_filter(document, '{a}'))",
]
POSTGRES_DROP = ["DROP INDEX IF EXISTS search_product_name"]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(_run(POSTGRES), _run(POSTGRES_DROP))]
