"""Demo content of the knowledge library, in six languages, from `seed_content/` and `data/`.

Country names come from CLDR through Babel (`portal.osce`); hotlines and the legislation sample come from the
sourced reference data in `data/` (see its SOURCES.md and LEGISLATION.md).
"""

import csv
import datetime
import json
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from portal.accounts import VETTED_MEMBERS_GROUP
from portal.demo import register_seeder
from portal.osce import country_name, participating_state_codes
from portal.pages.seed import ensure_child, paragraphs_body, publish_child, same_in_every_language, translated

from .choices import Verification
from .models import (
    AwarenessIndexPage,
    AwarenessPage,
    BestPracticePage,
    CountryIndexPage,
    CountryPage,
    Hotline,
    ItemAttachment,
    LegislationAssessment,
    LibraryIndexPage,
    LibrarySectionPage,
    ModelLawPage,
    ModelLawPart,
    ModelLawProvision,
    SoftwareToolPage,
    Topic,
    WebLink,
)

CONTENT_DIR = Path(__file__).parent / "seed_content"
DATA_DIR = Path(__file__).parent / "data"
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]

COUNTRY_INDEX = {
    "slug": {"en": "countries", "de": "laender", "fr": "pays", "it": "paesi", "ru": "strany", "es": "paises"},
    "title": {
        "en": "Countries and legislation",
        "de": "Länder und Gesetzgebung",
        "fr": "Pays et législation",
        "it": "Paesi e legislazione",
        "ru": "Страны и законодательство",
        "es": "Países y legislación",
    },
    "intro": {
        "en": "The 57 OSCE participating States: national hotlines and an assessment of their legislation on "
        "child sexual abuse material. Legislation data marked as sample data is still to be verified.",
        "de": "Die 57 OSZE-Teilnehmerstaaten: nationale Meldestellen und eine Bewertung ihrer Gesetzgebung zu "
        "Darstellungen sexuellen Kindesmissbrauchs. Als Beispieldaten gekennzeichnete Angaben sind noch zu prüfen.",
        "fr": "Les 57 États participants de l'OSCE : lignes de signalement nationales et évaluation de leur "
        "législation sur le matériel d'abus sexuels sur enfants. Les données signalées comme exemples restent à "
        "vérifier.",
        "it": "I 57 Stati partecipanti dell'OSCE: linee di segnalazione nazionali e una valutazione della loro "
        "legislazione sul materiale di abuso sessuale su minori. I dati indicati come esempio sono da verificare.",
        "ru": "57 государств – участников ОБСЕ: национальные горячие линии и оценка их законодательства о "
        "материалах сексуального насилия над детьми. Данные, помеченные как примерные, ещё подлежат проверке.",
        "es": "Los 57 Estados participantes de la OSCE: líneas de denuncia nacionales y una evaluación de su "
        "legislación sobre material de abuso sexual infantil. Los datos marcados como ejemplo están pendientes de "
        "verificación.",
    },
}
MEMBERS_SECTION = {
    "slug": same_in_every_language("members"),
    "title": {
        "en": "Members' library",
        "de": "Bibliothek für Mitglieder",
        "fr": "Bibliothèque des membres",
        "it": "Biblioteca dei membri",
        "ru": "Библиотека для участников",
        "es": "Biblioteca de miembros",
    },
    "intro": {
        "en": "Methods, tools and case studies for vetted law-enforcement members only.",
        "de": "Methoden, Werkzeuge und Fallstudien nur für überprüfte Mitglieder der Strafverfolgung.",
        "fr": "Méthodes, outils et études de cas réservés aux membres vérifiés des services répressifs.",
        "it": "Metodi, strumenti e casi di studio riservati ai membri verificati delle forze dell'ordine.",
        "ru": "Методы, инструменты и практические примеры только для проверенных сотрудников правоохранительных "
        "органов.",
        "es": "Métodos, herramientas y estudios de caso solo para miembros verificados de las fuerzas del orden.",
    },
}
RESTRICTED_COLLECTION = "Members' documents"
# Where the reference data says a hotline's facts come from: hotlines.csv `verified` column.
VERIFICATION = {"yes": Verification.VERIFIED, "partial": Verification.PARTIAL}


def load_json(name):
    return json.loads((CONTENT_DIR / name).read_text(encoding="utf-8"))


def load_csv(name):
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def text_body(blocks):
    """`[["heading", "x"], ["paragraph", "y"]]` as StreamField data."""
    stream = []
    for block_type, text in blocks:
        if block_type == "heading":
            stream.append(("heading", {"text": text, "level": "h2"}))
        else:
            stream.extend(paragraphs_body([text]))
    return stream


def seed_topics():
    return {
        entry["key"]: Topic.objects.get_or_create(key=entry["key"], defaults=translated("name", entry["name"]))[0]
        for entry in load_json("topics.json")
    }


def seed_countries(library):
    index = ensure_child(
        library,
        CountryIndexPage,
        COUNTRY_INDEX["slug"],
        **translated("title", COUNTRY_INDEX["title"]),
        **translated("intro", COUNTRY_INDEX["intro"]),
    )
    hotlines = load_csv("hotlines.csv")
    assessments = load_csv("legislation_sample.csv")
    existing = {country.iso_code: country for country in CountryPage.objects.child_of(index)}
    for iso in participating_state_codes():
        if iso in existing:
            continue
        names = {code: country_name(iso, code) for code in LANGUAGE_CODES}
        country = CountryPage(
            iso_code=iso,
            **translated("title", names),
            **translated("slug", same_in_every_language(iso.lower())),
        )
        for row in hotlines:
            if row["iso2"] == iso:
                country.hotlines.add(
                    Hotline(
                        name=row["hotline_name"],
                        organisation=row["organisation"],
                        report_url=row["report_url"],
                        website=row["website"],
                        member_of_inhope=row["member_of_inhope"],
                        verification=VERIFICATION.get(row["verified"], Verification.UNVERIFIED),
                        sources=row["source"],
                        checked_on=datetime.date(2026, 11, 29),
                    )
                )
        for row in assessments:
            if row["iso2"] == iso:
                country.assessments.add(
                    LegislationAssessment(
                        criterion=row["criterion"],
                        status=row["status"],
                        law=row["law"],
                        article=row["article"],
                        url=row["url"],
                        note=row["note"],
                        is_sample=True,
                    )
                )
        existing[iso] = publish_child(index, country)
    return existing


def ensure_members_section(library):
    section = ensure_child(
        library,
        LibrarySectionPage,
        MEMBERS_SECTION["slug"],
        **translated("title", MEMBERS_SECTION["title"]),
        **translated("intro", MEMBERS_SECTION["intro"]),
    )
    vetted, _ = Group.objects.get_or_create(name=VETTED_MEMBERS_GROUP)
    if not PageViewRestriction.objects.filter(page=section).exists():
        restriction = PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.GROUPS)
        restriction.groups.add(vetted)
    return section


def ensure_document(title, filename, text, collection):
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document:
        return document
    document = Document(title=title, collection=collection)
    document.file.save(filename, ContentFile(text.encode("utf-8")), save=False)
    document.save()
    return document


def restricted_collection():
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=RESTRICTED_COLLECTION).first()
    if collection is None:
        collection = root.add_child(name=RESTRICTED_COLLECTION)
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
        restriction.groups.add(Group.objects.get_or_create(name=VETTED_MEMBERS_GROUP)[0])
    return collection


def item_fields(entry, topics, countries):
    return {
        **translated("title", entry["title"]),
        **translated("summary", entry["summary"]),
        "topics": [topics[key] for key in entry.get("topics", [])],
        "countries": [countries[code] for code in entry.get("countries", []) if code in countries],
    }


def seed_best_practices(library, members, topics, countries, documents):
    """The first item of each shelf carries a document: a public one, and one in a private collection."""
    attachments = {
        False: [ItemAttachment(document=documents["public"])],
        True: [ItemAttachment(document=documents["members"])],
    }
    for entry in load_json("best_practices.json"):
        ensure_child(
            members if entry["restricted"] else library,
            BestPracticePage,
            entry["slug"],
            kind=entry["kind"],
            date=datetime.date.fromisoformat(entry["date"]),
            source_organisation=entry["source_organisation"],
            **translated("context", entry["context"]),
            **translated("what_was_done", entry["what_was_done"]),
            **translated("results", entry["results"]),
            **item_fields(entry, topics, countries),
            attachments=attachments.pop(entry["restricted"], []),
        )


def seed_software_tools(library, members, topics, countries):
    for entry in load_json("software_tools.json"):
        ensure_child(
            members if entry["restricted"] else library,
            SoftwareToolPage,
            entry["slug"],
            maintainer=entry["maintainer"],
            platforms=entry["platforms"],
            interface_languages=entry["interface_languages"],
            availability=entry["availability"],
            current_version=entry["current_version"],
            last_reviewed=datetime.date.fromisoformat(entry["last_reviewed"]),
            date=datetime.date.fromisoformat(entry["last_reviewed"]),
            **translated("purpose", entry["purpose"]),
            **translated("licence_and_cost", entry["licence_and_cost"]),
            **translated("how_to_obtain", entry["how_to_obtain"]),
            **translated("members_only_notes", entry["members_only_notes"]),
            **item_fields(entry, topics, countries),
        )


def seed_model_law(library, topics):
    entry = load_json("model_law.json")
    page = ModelLawPage(
        **translated("title", entry["title"]),
        **translated("slug", entry["slug"]),
        **translated("summary", entry["intro"]),
        **translated("intro", entry["intro"]),
        topics=[topics["legislation"]],
    )
    for part in entry["parts"]:
        page.parts.add(ModelLawPart(number=part["number"], **translated("title", part["title"])))
        for provision in part["provisions"]:
            page.provisions.add(
                ModelLawProvision(
                    part_number=part["number"],
                    number=provision["number"],
                    criterion=provision["criterion"] or "",
                    **translated("title", provision["title"]),
                    **translated("text", provision["text"]),
                    **translated("commentary", provision["commentary"]),
                )
            )
    if not ModelLawPage.objects.child_of(library).exists():
        publish_child(library, page)


def seed_awareness(home, topics, countries):
    index = AwarenessIndexPage.objects.child_of(home).get()
    for entry in load_json("awareness.json"):
        country = countries.get(entry.get("related_hotline_country") or "")
        ensure_child(
            index,
            AwarenessPage,
            entry["slug"],
            audiences=entry["audiences"],
            topics=[topics[key] for key in entry.get("topics", [])],
            related_hotline=country.hotlines.first() if country else None,
            **translated("title", entry["title"]),
            **translated("summary", entry["summary"]),
            **translated("body", {code: text_body(blocks) for code, blocks in entry["body"].items()}),
        )
    for entry in load_json("web_links.json"):
        if not WebLink.objects.filter(url=entry["url"]).exists():
            WebLink.objects.create(
                url=entry["url"],
                language=entry["language"],
                audience=entry["audience"],
                **translated("title", entry["title"]),
                **translated("description", entry["description"]),
            )


def seed_documents():
    return {
        "public": ensure_document(
            "Checklist: reporting to a hotline (sample)",
            "reporting-checklist.txt",
            "Sample document written for this portal.\n"
            "1. Note the web address. 2. Do not download or forward. 3. Report to the national hotline.\n",
            Collection.get_first_root_node(),
        ),
        "members": ensure_document(
            "Case coordination template (members only, sample)",
            "case-coordination-template.txt",
            "Sample document written for this portal, for vetted members.\n"
            "Case reference / Lead agency / Partner agencies / Points of contact / Next review date\n",
            restricted_collection(),
        ),
    }


@register_seeder(order=30, name="knowledge library")
def seed_knowledge():
    library = LibraryIndexPage.objects.get()
    home = library.get_parent()
    topics = seed_topics()
    countries = seed_countries(library)
    members = ensure_members_section(library)
    seed_best_practices(library, members, topics, countries, seed_documents())
    seed_software_tools(library, members, topics, countries)
    seed_model_law(library, topics)
    seed_awareness(home, topics, countries)
