"""The database backend's full-text table, in the form each database engine offers (see backends/database.py)."""

from django.db import migrations

SQLITE = [
    # Everything written here is already analysed (stems, tags); the tokenizer only splits on spaces.
    "CREATE VIRTUAL TABLE search_fulltext USING fts5(title, body, extra, tags, words, tokenize = \"unicode61 tokenchars '_-'\")",
]
SQLITE_REVERSE = ["DROP TABLE search_fulltext"]

POSTGRESQL = [
    # No foreign key: the backend deletes its rows itself, and `flush` may then truncate the documents.
    "CREATE TABLE search_fulltext ("
    " document_id integer PRIMARY KEY, vector tsvector NOT NULL, tags tsvector NOT NULL, words tsvector NOT NULL)",
    "CREATE INDEX search_fulltext_vector ON search_fulltext USING gin (vector)",
    "CREATE INDEX search_fulltext_tags ON search_fulltext USING gin (tags)",
    "CREATE INDEX search_fulltext_words ON search_fulltext USING gin (words)",
]
POSTGRESQL_REVERSE = ["DROP TABLE search_fulltext"]


def run(statements):
    def operation(apps, schema_editor):
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE, "postgresql": POSTGRESQL}),
            run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRESQL_REVERSE}),
        )
    ]
