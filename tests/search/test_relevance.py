"""A relevance set: what a visitor types in each language, and what a person who knows the demo content
would put first (and, where a second answer is as useful, within the first three).

The expectations are human judgements on the demo content, not a record of what the engine returns:
where the engine disagrees, the case stays here, marked as an expected failure with the reason.
"""

import re
from collections import Counter
from html import unescape

from django.db import connection

import pytest

pytestmark = pytest.mark.usefixtures("demo_site")

RESULT_TITLE = re.compile(r'<li class="item-card" lang="[\w-]+">\s*<h3><a href="[^"]*">(.*?)</a></h3>', re.S)

# Short pages (a country's hotline names, a web link's one-line description) that mention a term once
# outrank the page about it: SQLite's bm25() normalises by the length of the whole row, so the title
# weight of 10 does not lift a long page whose title names the subject.
SHORT_PAGES_WIN = "a short page mentioning the term once outranks the page about it (bm25 length normalisation)"


def xfail(reason, on=("sqlite", "postgresql")):
    """An expected failure on the databases `on` (their ranking functions differ)."""
    return pytest.mark.xfail(connection.vendor in on, reason=reason, strict=True)


RELEVANCE = [
    # English
    (
        "en",
        "what is online grooming",
        "Online grooming: recognising the warning signs and talking with your child",
        None,
    ),
    ("en", "perceptual hashing", "PDQ and TMK+PDQF perceptual hashing (Meta)", None),
    (
        "en",
        "victim identification taskforce",
        "Joint victim identification: Europol's Victim Identification Taskforce",
        None,
    ),
    (
        "en",
        "first responders digital evidence",
        "Securing digital evidence at the scene: a sample curriculum for first responders",
        None,
    ),
    ("en", "INHOPE ICCAM", "From hotline report to police: INHOPE's network and the ICCAM platform", None),
    # Both answer it: the service that removes images, and the page that explains what to do.
    (
        "en",
        "remove nude images",
        ("Take It Down (NCMEC)", "Pressured or threatened over images? You can get help"),
        None,
    ),
    ("en", "Internet Watch Foundation", "Internet Watch Foundation (IWF)", "United Kingdom"),
    (
        "en",
        "Lanzarote Convention",
        "Model Law on Child Sexual Abuse Material and the Online Sexual Exploitation of Children",
        None,
    ),
    (
        "en",
        "Decision 9/07",
        "Decision No. 9/07: Combating Sexual Exploitation of Children on the Internet",
        "A national centre bringing police, hotline and industry together",
    ),
    pytest.param(
        "en",
        "sextortion",
        "Pressured or threatened over images? You can get help",
        None,
        marks=xfail(f"e-Enfance / 3018 (France) comes first: {SHORT_PAGES_WIN}"),
    ),
    # Both answer it: the model law on such material, and the network of hotlines that receive reports of it.
    (
        "en",
        "CSAM",
        (
            "Model Law on Child Sexual Abuse Material and the Online Sexual Exploitation of Children",
            "INHOPE – International Association of Internet Hotlines",
        ),
        None,
    ),
    # German
    ("de", "Was ist Cybergrooming", "Cybergrooming: Warnzeichen erkennen und mit Ihrem Kind sprechen", None),
    (
        "de",
        "Opferidentifizierung Europol",
        "Gemeinsame Opferidentifizierung: die Victim Identification Taskforce von Europol",
        None,
    ),
    (
        "de",
        "digitale Beweismittel sichern",
        "Digitale Beweismittel im ersten Angriff sichern: ein Musterlehrplan für Ersteinschreitende",
        None,
    ),
    ("de", "perzeptuelles Hashing", "PDQ und TMK+PDQF – perzeptuelles Hashing (Meta)", None),
    ("de", "Nacktbilder entfernen", "Take It Down (NCMEC)", "Druck oder Drohungen wegen Bildern? Du bekommst Hilfe"),
    (
        "de",
        "Meldestelle Polizei Wirtschaft",
        "Ein nationales Zentrum, das Polizei, Meldestelle und Wirtschaft zusammenbringt",
        None,
    ),
    (
        "de",
        "Hinweise für Lehrkräfte",
        "Sexuelle Ausbeutung im Netz erkennen: Hinweise für Lehr- und Gesundheitsfachkräfte",
        None,
    ),
    (
        "de",
        "Verjährung",
        "Mustergesetz über Darstellungen sexuellen Missbrauchs von Kindern und die sexuelle Ausbeutung von Kindern "
        "im Internet",
        None,
    ),
    pytest.param(
        "de",
        "Sextortion",
        "Druck oder Drohungen wegen Bildern? Du bekommst Hilfe",
        None,
        marks=xfail(f"e-Enfance / 3018 (Frankreich) comes first: {SHORT_PAGES_WIN}"),
    ),
    pytest.param(
        "de",
        "Missbrauchsdarstellungen",
        "Mustergesetz über Darstellungen sexuellen Missbrauchs von Kindern und die sexuelle Ausbeutung von Kindern "
        "im Internet",
        None,
    ),
    # French
    (
        "fr",
        "qu'est-ce que le pédopiégeage",
        "Pédopiégeage en ligne : reconnaître les signaux d'alerte et en parler avec votre enfant",
        None,
    ),
    (
        "fr",
        "identification des victimes Europol",
        "Identification conjointe des victimes : la Victim Identification Taskforce d'Europol",
        None,
    ),
    (
        "fr",
        "preuves numériques primo-intervenants",
        "Préserver les preuves numériques sur les lieux : un programme de formation type pour les primo-intervenants",
        None,
    ),
    ("fr", "hachage perceptuel", "PDQ et TMK+PDQF – hachage perceptuel (Meta)", None),
    (
        "fr",
        "conseils aux enseignants",
        "Repérer l'exploitation sexuelle en ligne : conseils aux enseignants et aux professionnels de santé",
        None,
    ),
    (
        "fr",
        "ligne de signalement police industrie",
        "Un centre national réunissant police, ligne de signalement et industrie",
        None,
    ),
    ("fr", "sextorsion que faire", "Pression ou menaces à cause de photos ? Tu peux obtenir de l'aide", None),
    (
        "fr",
        "délai de prescription",
        "Loi type relative au matériel d'abus sexuels sur enfants et à l'exploitation sexuelle des enfants en ligne",
        None,
    ),
    pytest.param(
        "fr",
        "pédopornographie",
        "Loi type relative au matériel d'abus sexuels sur enfants et à l'exploitation sexuelle des enfants en ligne",
        None,
    ),
    # Italian
    (
        "it",
        "cos'è l'adescamento online",
        "Adescamento online: riconoscere i segnali di allarme e parlarne con i tuoi figli",
        None,
    ),
    (
        "it",
        "identificazione delle vittime Europol",
        "Identificazione congiunta delle vittime: la Victim Identification Taskforce di Europol",
        None,
    ),
    (
        "it",
        "prove digitali primo intervento",
        "Tutelare le prove digitali sul luogo dell'intervento: un programma formativo tipo per il personale di primo "
        "intervento",
        None,
    ),
    ("it", "hashing percettivo", "PDQ e TMK+PDQF – hashing percettivo (Meta)", None),
    (
        "it",
        "indicazioni per insegnanti",
        "Riconoscere lo sfruttamento sessuale online: indicazioni per insegnanti e personale sanitario",
        None,
    ),
    ("it", "foto minacce aiuto", "Pressioni o minacce per delle foto? Puoi chiedere aiuto", None),
    (
        "it",
        "prescrizione",
        "Legge modello sul materiale di abuso sessuale su minori e sullo sfruttamento sessuale dei minori online",
        None,
    ),
    ("it", "Germania", "Germania", "klicksafe – iniziativa UE per la sicurezza online (Germania)"),
    # Russian
    (
        "ru",
        "что такое груминг",
        "Груминг в Интернете: как распознать тревожные признаки и поговорить с ребёнком",
        None,
    ),
    (
        "ru",
        "идентификация жертв Европол",
        "Совместная идентификация жертв: оперативная группа Европола по идентификации жертв (VIDTF)",
        None,
    ),
    (
        "ru",
        "цифровые доказательства",
        "Сохранение цифровых доказательств на месте происшествия: примерная учебная программа для сотрудников "
        "первого реагирования",
        None,
    ),
    ("ru", "перцептивное хеширование", "PDQ и TMK+PDQF — перцептивное хеширование (Meta)", None),
    (
        "ru",
        "рекомендации для педагогов",
        "Как распознать сексуальную эксплуатацию детей в Интернете: рекомендации для педагогов и медицинских "
        "работников",
        None,
    ),
    ("ru", "угрожают из-за фотографий", "На тебя давят или угрожают из-за фотографий? Тебе помогут", None),
    pytest.param(
        "ru",
        "сексторшн",
        "На тебя давят или угрожают из-за фотографий? Тебе помогут",
        None,
        marks=xfail(
            "PostgreSQL puts the model law first: its ts_rank, even weighted by inverse document frequency and "
            "divided by the logarithm of the length, favours the long text that uses the word more often",
            on=("postgresql",),
        ),
    ),
    (
        "ru",
        "срок давности",
        "Типовой закон о материалах сексуального насилия над детьми и сексуальной эксплуатации детей в интернете",
        None,
    ),
    # Spanish
    ("es", "qué es el grooming", "Grooming: cómo reconocer las señales de alerta y hablar con tus hijos", None),
    (
        "es",
        "identificación de víctimas Europol",
        "Identificación conjunta de víctimas: la Victim Identification Taskforce de Europol",
        None,
    ),
    (
        "es",
        "pruebas digitales primeros intervinientes",
        "Preservar las pruebas digitales en el lugar de los hechos: un programa formativo modelo para primeros "
        "intervinientes",
        None,
    ),
    ("es", "hash perceptual", "PDQ y TMK+PDQF – hash perceptual (Meta)", None),
    (
        "es",
        "orientaciones para docentes",
        "Detectar la explotación sexual en línea: orientaciones para docentes y personal sanitario",
        None,
    ),
    ("es", "sextorsión ayuda", "¿Te presionan o amenazan por unas imágenes? Puedes pedir ayuda", None),
    (
        "es",
        "cadena de custodia",
        "Preservar las pruebas digitales en el lugar de los hechos: un programa formativo modelo para primeros "
        "intervinientes",
        None,
    ),
    (
        "es",
        "prescripción",
        "Ley modelo sobre material de abuso sexual infantil y explotación sexual de menores en línea",
        None,
    ),
]


def case_id(case):
    values = case.values if hasattr(case, "values") else case
    return f"{values[0]}:{values[1]}"


def result_titles(client, language, query):
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    return [unescape(title) for title in RESULT_TITLE.findall(response.content.decode())]


@pytest.mark.parametrize(("language", "query", "first", "also_in_top_three"), RELEVANCE, ids=map(case_id, RELEVANCE))
def test_the_best_answer_comes_first(client, language, query, first, also_in_top_three):
    titles = result_titles(client, language, query)

    assert titles, f"nothing found for {query!r}"
    if isinstance(first, tuple):  # equally good answers: one of them first, all of them in the first three
        assert titles[0] in first
        assert set(first) <= set(titles[:3])
    else:
        assert titles[0] == first
    if also_in_top_three:
        assert also_in_top_three in titles[:3]


def test_the_set_has_at_least_five_queries_per_language():
    languages = Counter(case_id(case).split(":")[0] for case in RELEVANCE)

    assert min(languages[code] for code in ("en", "de", "fr", "it", "ru", "es")) >= 5
