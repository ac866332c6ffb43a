"""Indexing throughput and query times of the portal's search, on SQLite and on PostgreSQL.

    .venv/bin/python bench/search.py [--sizes 1000 10000 100000] [--runs 50] [--databases sqlite postgresql]

For each database and size, builds a scratch database (SQLite in a temporary file, PostgreSQL
`portal_bench_search` on 127.0.0.1:5432 as user postgres), migrates it and indexes synthetic
documents through `portal.search.index.replace` in batches of 500: the six languages evenly
spread, 100–150 words of the field's professional vocabulary, random kinds, topics, countries and
years, one in ten restricted to a forum category. Every document contains the acronym OSCE; each
rarer term occurs in about one document in ten of its language; one in twenty documents uses its
language's term of the one thesaurus entry (grooming, Cybergrooming, груминг, ...). PostgreSQL's
tables are then vacuumed and analysed, as autovacuum soon would; indexing time excludes that.

Then times `portal.search.service.search` as an anonymous visitor, so permissions, thesaurus and
snippets are included, with varied query words: a rarer term (plain, and faceted with one kind
filter), a thesaurus term of another language (cross-language), and OSCE (common: plain, faceted
with a kind filter, and with every facet and no filter as the search page first asks). Prints one
table: documents indexed per second, median and 95th percentile in ms.

Each database is measured in a process of its own (the script runs itself with --child), because
Django fixes its database engine at start-up.
"""

import argparse
import contextlib
import datetime
import io
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import AnonymousUser, Group  # noqa: E402
from django.db import connection  # noqa: E402

from forum.models import Category  # noqa: E402
from forum.search import CATEGORY  # noqa: E402
from portal.search.backends.database import DatabaseBackend  # noqa: E402
from portal.search.index import replace  # noqa: E402
from portal.search.models import SearchDocument, ThesaurusEntry  # noqa: E402
from portal.search.registry import Entry, audience  # noqa: E402
from portal.search.service import search  # noqa: E402

DATABASE_URLS = {
    "sqlite": "sqlite://:memory:",  # never opened: the scratch database is a temporary file
    "postgresql": "postgres://postgres@127.0.0.1:5432/postgres",
}
POSTGRESQL_SCRATCH_DATABASE = "portal_bench_search"
BATCH = 500
LANGUAGES = ["en", "de", "fr", "it", "ru", "es"]
KINDS = ["practice", "method", "training", "software", "model-law", "country", "awareness", "forum-post"]
TOPICS = [
    "grooming",
    "sextortion",
    "csam-distribution",
    "live-streaming",
    "victim-identification",
    "digital-forensics",
    "legislation",
    "prevention",
    "hotlines",
    "training",
    "international-cooperation",
    "victim-support",
]
COUNTRIES = "AT BE CH DE ES FR GB GE IT KZ MD NL PL RO RS RU SE TR UA US"
COMMON_TERM = "OSCE"
# Most frequent first: words are drawn with Zipf weights, as in natural text.
VOCABULARY = {
    "en": """policy investigation victims identification hotline reports legislation law enforcement training
        prosecutors cooperation international national online children protection evidence digital forensic
        analysis platforms removal content referral guidelines assessment prevention awareness schools parents
        survivors support services network data database procedures officers courts jurisdiction standards
        research campaign education""",
    "de": """Richtlinien Ermittlungen Opfer Identifizierung Meldestelle Meldungen Gesetzgebung Gesetz
        Strafverfolgung Schulung Staatsanwaltschaft Zusammenarbeit international national online Kinder
        Kinderschutz Beweise digitale forensische Analyse Plattformen Löschung Inhalte Verweisung Leitlinien
        Bewertung Prävention Sensibilisierung Schulen Eltern Betroffene Unterstützung Beratung Netzwerk Daten
        Datenbank Verfahren Polizei Gerichte Zuständigkeit Standards Forschung Kampagne Bildung""",
    "fr": """politique enquête victimes identification signalement législation loi répression formation
        procureurs coopération internationale nationale ligne enfants protection preuves numérique
        criminalistique analyse plateformes retrait contenus orientation directrices évaluation prévention
        sensibilisation écoles parents survivants soutien services réseau données base procédures policiers
        tribunaux compétence normes recherche campagne éducation""",
    "it": """politiche indagini vittime identificazione segnalazione legislazione legge contrasto formazione
        procuratori cooperazione internazionale nazionale rete minori tutela protezione prove digitale forense
        analisi piattaforme rimozione contenuti orientamento linee guida valutazione prevenzione
        sensibilizzazione scuole genitori sostegno servizi dati banca procedure polizia tribunali competenza
        norme ricerca campagna educazione""",
    "ru": """политика расследование жертвы идентификация горячая линия сообщения законодательство закон
        правоохранительные органы обучение прокуроры сотрудничество международное национальный интернет дети
        защита доказательства цифровые криминалистика анализ платформы удаление контент направление
        рекомендации оценка профилактика осведомлённость школы родители пострадавшие поддержка службы сеть
        данные база процедуры полиция суды юрисдикция стандарты исследования кампания образование""",
    "es": """política investigación víctimas identificación denuncia legislación ley persecución formación
        fiscales cooperación internacional nacional internet menores infancia protección pruebas digital forense
        análisis plataformas retirada contenidos derivación directrices evaluación prevención sensibilización
        escuelas familias supervivientes apoyo servicios red datos base procedimientos policía tribunales
        jurisdicción normas estudios campaña educación""",
}
RARER_TERMS = {
    "en": ["hashing", "extradition", "takedown", "interoperability", "mentoring"],
    "de": ["Hashwerte", "Auslieferung", "Durchsuchung", "Interoperabilität", "Supervision"],
    "fr": ["hachage", "perquisition", "habilitation", "mutualisation", "tutorat"],
    "it": ["perquisizione", "estradizione", "interoperabilità", "tutoraggio", "crittografia"],
    "ru": ["хеширование", "экстрадиция", "обыск", "совместимость", "наставничество"],
    "es": ["allanamiento", "extradición", "interoperabilidad", "tutoría", "cifrado"],
}
QUERY_TYPES = ["plain", "faceted", "cross-language", "common", "common faceted", "common unfiltered"]
THESAURUS_TERMS = {
    "en": "grooming",
    "de": "Cybergrooming",
    "fr": "pédopiégeage",
    "it": "adescamento",
    "ru": "груминг",
    "es": "ciberembaucamiento",
}


def text(rng, language, length):
    vocabulary = VOCABULARY[language].split()
    return rng.choices(vocabulary, weights=[1 / rank for rank in range(1, len(vocabulary) + 1)], k=length)


def sentences(words):
    pieces, position = [], 0
    while position < len(words):
        length = 8 + position % 7
        sentence = " ".join(words[position : position + length])
        pieces.append(sentence[0].upper() + sentence[1:] + ".")
        position += length
    return " ".join(pieces)


def document(rng, number, restricted_audience):
    language = LANGUAGES[number % len(LANGUAGES)]
    special = [COMMON_TERM] + [term for term in RARER_TERMS[language] if rng.random() < 0.1]
    if rng.random() < 0.05:
        special.append(THESAURUS_TERMS[language])
    body = text(rng, language, rng.randint(100, 150) - len(special))
    for term in special:
        body.insert(rng.randrange(len(body) + 1), term)
    title = " ".join(text(rng, language, rng.randint(4, 8)))
    return Entry(
        language=language,
        title=title[0].upper() + title[1:],
        body=sentences(body),
        url=f"/{language}/bench/{number}/",
        kind=rng.choice(KINDS),
        date=datetime.date(rng.randint(2015, 2026), rng.randint(1, 12), rng.randint(1, 28)),
        topics=rng.sample(TOPICS, rng.randint(1, 2)),
        countries=rng.sample(COUNTRIES.split(), rng.randint(1, 2)),
        audiences=[restricted_audience] if rng.random() < 0.1 else [],
    )


def fill(size):
    """Indexes `size` documents and returns the documents indexed per second."""
    ThesaurusEntry.objects.create(
        name="grooming", **{f"terms_{language}": term for language, term in THESAURUS_TERMS.items()}
    )
    category = Category.objects.create(slug="bench", name_en="Benchmark")
    category.read_groups.add(Group.objects.create(name="Benchmark readers"))
    restricted_audience = audience(CATEGORY, category.pk)
    rng = random.Random(size)  # noqa: S311  (reproducible documents, no secret)
    backend = DatabaseBackend()
    elapsed = 0
    for start in range(0, size, BATCH):
        items = [
            (f"bench.document:{number}", [document(rng, number, restricted_audience)])
            for number in range(start, min(start + BATCH, size))
        ]
        started = time.perf_counter()
        replace(items, backends=[backend])
        elapsed += time.perf_counter() - started
    if connection.vendor == "postgresql":
        # Where autovacuum brings the tables soon after a bulk load: planner statistics, GIN pending lists merged.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE search_fulltext, search_searchdocument")
    return size / elapsed


def queries(runs):
    """{query type: [(search keyword arguments, check of the results), ...]}, `runs` of each."""

    def found(query, results):
        return bool(results.hits)

    def found_in_visitor_language(query, results):
        return bool(results.hits) and results.hits[0].document.language == query["language"]

    public = SearchDocument.objects.filter(audiences="").count()

    def found_every_public_document(query, results):
        return results.total == public

    plain, faceted, cross_language, common, common_faceted, common_unfiltered = [], [], [], [], [], []
    for run in range(runs):
        language = LANGUAGES[run % len(LANGUAGES)]
        rarer_term = RARER_TERMS[language][run // len(LANGUAGES) % len(RARER_TERMS[language])]
        other_language = LANGUAGES[(run + 1 + run // len(LANGUAGES) % 5) % len(LANGUAGES)]
        kind_filter = {"kind": [KINDS[run % len(KINDS)]]}
        plain.append(({"text": rarer_term, "language": language, "with_facets": False}, found))
        # A rarer term and one kind may have no document in common at 1,000 documents.
        faceted.append(({"text": rarer_term, "language": language, "filters": kind_filter}, None))
        cross_language.append(
            (
                {"text": THESAURUS_TERMS[other_language], "language": language, "with_facets": False},
                found_in_visitor_language,
            )
        )
        common.append(({"text": COMMON_TERM, "language": language, "with_facets": False}, found_every_public_document))
        common_faceted.append(({"text": COMMON_TERM, "language": language, "filters": kind_filter}, found))
        # What the search page asks first: every facet counted over every match.
        common_unfiltered.append(({"text": COMMON_TERM, "language": language}, found_every_public_document))
    searches = [plain, faceted, cross_language, common, common_faceted, common_unfiltered]
    return dict(zip(QUERY_TYPES, searches, strict=True))


def measure(runs):
    """Median and 95th percentile in milliseconds of a list of (query, check)."""
    visitor = AnonymousUser()
    search(visitor, limit=20, **runs[0][0])
    timings = []
    for query, check in runs:
        started = time.perf_counter()
        results = search(visitor, limit=20, **query)
        timings.append((time.perf_counter() - started) * 1000)
        assert not any(hit.document.audiences for hit in results.hits), ("restricted result", query)
        assert check is None or check(query, results), ("unexpected results", query, results.total)
    timings.sort()
    return statistics.median(timings), timings[max(0, round(0.95 * len(timings)) - 1)]


def header():
    names = f"{'':<31}" + "".join(f"{name:>18}" for name in QUERY_TYPES)
    columns = f"{'backend':<12}{'documents':>10}{'docs/s':>9}" + f"{'median':>10}{'p95':>8}" * len(QUERY_TYPES)
    return f"{names}\n{columns}"


def row(vendor, size, rate, timings):
    cells = "".join(f"{timings[name][0]:>10.1f}{timings[name][1]:>8.1f}" for name in QUERY_TYPES)
    return f"{vendor:<12}{size:>10,}{rate:>9,.0f}{cells}"


def measure_this_database(sizes, runs):
    """One row per size, each in a fresh scratch database (migrated by Django's test-database machinery)."""
    with tempfile.TemporaryDirectory() as directory:
        connection.settings_dict["TEST"]["NAME"] = (
            str(Path(directory) / "search.sqlite3") if connection.vendor == "sqlite" else POSTGRESQL_SCRATCH_DATABASE
        )
        for size in sizes:
            started = time.perf_counter()
            # wagtail_modeltranslation's migrate prints its field synchronisation whatever the verbosity.
            with contextlib.redirect_stdout(io.StringIO()):
                database = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
            try:
                rate = fill(size)
                print(f"{connection.vendor} {size:,}: indexed, {rate:,.0f} documents/s", file=sys.stderr, flush=True)
                timings = {query_type: measure(searches) for query_type, searches in queries(runs).items()}
            finally:
                connection.creation.destroy_test_db(database, verbosity=0)
            print(f"{connection.vendor} {size:,}: {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
            print(row(connection.vendor, size, rate, timings), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--databases", nargs="+", choices=DATABASE_URLS, default=list(DATABASE_URLS))
    parser.add_argument("--child", action="store_true", help="measure the database DATABASE_URL names, print its rows")
    options = parser.parse_args()
    if options.child:
        measure_this_database(options.sizes, options.runs)
        return
    rows = []
    for database in options.databases:
        completed = subprocess.run(  # noqa: S603  (this script, run by itself)
            [
                sys.executable,
                __file__,
                "--child",
                "--sizes",
                *map(str, options.sizes),
                "--runs",
                str(options.runs),
            ],
            env={**os.environ, "DATABASE_URL": DATABASE_URLS[database]},
            stdout=subprocess.PIPE,
            text=True,
            check=True,
        )
        rows.append(completed.stdout)
    print(f"{options.runs} searches per query type, as an anonymous visitor; times in ms")
    print(header())
    print("".join(rows), end="")


if __name__ == "__main__":
    main()
