"""Demo workshops: the 2008 POLIS online workshop as a past workshop (a reconstruction), and an upcoming one.

About the 2008 workshop only these facts are used: it ran on POLIS from 13 to 24 October 2008
and brought over 70 experts from 24 countries to six recorded keynotes and 192 comments. Session
titles are descriptive, written for this portal, not the original programme.
"""

import datetime
import zoneinfo

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from forum.models import Post, Topic
from portal.demo import register_seeder
from portal.pages.seed import ensure_child, translated
from portal.sanitise import render_markdown

from .discussions import participant_add
from .models import (
    Evaluation,
    Registration,
    RegistrationStatus,
    WorkshopIndexPage,
    WorkshopMaterial,
    WorkshopPage,
    WorkshopSession,
)

VIENNA = zoneinfo.ZoneInfo("Europe/Vienna")


def six(en, de, fr, it, ru, es):
    return {"en": en, "de": de, "fr": fr, "it": it, "ru": ru, "es": es}


PAST = {
    "slug": six(*["countering-sexual-exploitation-2008"] * 6),
    "title": six(
        "Countering sexual exploitation of children on the internet (2008)",
        "Bekämpfung der sexuellen Ausbeutung von Kindern im Internet (2008)",
        "Lutter contre l’exploitation sexuelle des enfants sur Internet (2008)",
        "Contrastare lo sfruttamento sessuale dei minori su Internet (2008)",
        "Противодействие сексуальной эксплуатации детей в Интернете (2008)",
        "Combatir la explotación sexual de niños en Internet (2008)",
    ),
    "summary": six(
        "Reconstruction of the online workshop held on POLIS from 13 to 24 October 2008: over 70 experts from 24 "
        "countries, six recorded keynotes and 192 comments. The programme below is a reconstruction.",
        "Rekonstruktion des Online-Workshops auf POLIS vom 13. bis 24. Oktober 2008: über 70 Fachleute aus 24 "
        "Ländern, sechs aufgezeichnete Grundsatzreferate und 192 Kommentare. Das Programm ist eine Rekonstruktion.",
        "Reconstitution de l’atelier en ligne tenu sur POLIS du 13 au 24 octobre 2008 : plus de 70 experts de 24 "
        "pays, six discours liminaires enregistrés et 192 commentaires. Le programme est une reconstitution.",
        "Ricostruzione del workshop online tenuto su POLIS dal 13 al 24 ottobre 2008: oltre 70 esperti di 24 paesi, "
        "sei interventi principali registrati e 192 commenti. Il programma è una ricostruzione.",
        "Реконструкция онлайн-семинара, проходившего на POLIS с 13 по 24 октября 2008 года: более 70 экспертов из "
        "24 стран, шесть записанных основных докладов и 192 комментария. Программа является реконструкцией.",
        "Reconstrucción del taller en línea celebrado en POLIS del 13 al 24 de octubre de 2008: más de 70 expertos de "
        "24 países, seis ponencias principales grabadas y 192 comentarios. El programa es una reconstrucción.",
    ),
}
PAST_SESSIONS = [
    six(
        "Keynote: the challenge for law enforcement",
        "Grundsatzreferat: die Herausforderung für die Strafverfolgung",
        "Discours liminaire : le défi pour les services répressifs",
        "Intervento principale: la sfida per le forze dell’ordine",
        "Основной доклад: задача для правоохранительных органов",
        "Ponencia principal: el reto para las fuerzas del orden",
    ),
    six(
        "Keynote: legislation and model laws",
        "Grundsatzreferat: Gesetzgebung und Mustergesetze",
        "Discours liminaire : législation et lois types",
        "Intervento principale: legislazione e leggi modello",
        "Основной доклад: законодательство и типовые законы",
        "Ponencia principal: legislación y leyes modelo",
    ),
    six(
        "Keynote: investigating online exploitation",
        "Grundsatzreferat: Ermittlungen zur Ausbeutung im Internet",
        "Discours liminaire : enquêter sur l’exploitation en ligne",
        "Intervento principale: indagare sullo sfruttamento online",
        "Основной доклад: расследование эксплуатации в Интернете",
        "Ponencia principal: investigar la explotación en línea",
    ),
    six(
        "Keynote: identifying victims",
        "Grundsatzreferat: Opfer identifizieren",
        "Discours liminaire : identifier les victimes",
        "Intervento principale: identificare le vittime",
        "Основной доклад: установление личности жертв",
        "Ponencia principal: identificar a las víctimas",
    ),
    six(
        "Keynote: international co-operation",
        "Grundsatzreferat: internationale Zusammenarbeit",
        "Discours liminaire : coopération internationale",
        "Intervento principale: cooperazione internazionale",
        "Основной доклад: международное сотрудничество",
        "Ponencia principal: cooperación internacional",
    ),
    six(
        "Keynote: hotlines and public-private partnership",
        "Grundsatzreferat: Meldestellen und öffentlich-private Partnerschaft",
        "Discours liminaire : lignes de signalement et partenariat public-privé",
        "Intervento principale: linee di segnalazione e partenariato pubblico-privato",
        "Основной доклад: горячие линии и государственно-частное партнёрство",
        "Ponencia principal: líneas de denuncia y colaboración público-privada",
    ),
]
UPCOMING = {
    "slug": six(*["victim-identification-workshop"] * 6),
    "title": six(
        "Online workshop: victim identification across borders",
        "Online-Workshop: grenzüberschreitende Opferidentifizierung",
        "Atelier en ligne : l’identification des victimes par-delà les frontières",
        "Workshop online: l’identificazione delle vittime oltre i confini",
        "Онлайн-семинар: установление личности жертв за рубежом",
        "Taller en línea: identificación de víctimas más allá de las fronteras",
    ),
    "summary": six(
        "Sample workshop for this demo: three live sessions and a discussion per session for vetted members.",
        "Beispiel-Workshop dieser Demo: drei Live-Sitzungen und eine Diskussion je Sitzung für überprüfte Mitglieder.",
        "Atelier d’exemple de cette démo : trois séances en direct et une discussion par séance pour les membres "
        "vérifiés.",
        "Workshop di esempio di questa demo: tre sessioni dal vivo e una discussione per sessione per i membri "
        "verificati.",
        "Демонстрационный семинар: три сессии в прямом эфире и обсуждение каждой сессии для проверенных участников.",
        "Taller de ejemplo de esta demostración: tres sesiones en directo y un debate por sesión para miembros "
        "verificados.",
    ),
}
UPCOMING_SESSIONS = [
    six(
        "Working with international image databases",
        "Arbeit mit internationalen Bilddatenbanken",
        "Travailler avec les bases de données internationales d’images",
        "Lavorare con le banche dati internazionali di immagini",
        "Работа с международными базами изображений",
        "Trabajar con bases de datos internacionales de imágenes",
    ),
    six(
        "Joint taskforces: lessons learned",
        "Gemeinsame Taskforces: Erfahrungen",
        "Groupes de travail communs : enseignements",
        "Task force congiunte: lezioni apprese",
        "Совместные оперативные группы: извлечённые уроки",
        "Grupos de trabajo conjuntos: lecciones aprendidas",
    ),
    six(
        "Conclusions and recommendations",
        "Schlussfolgerungen und Empfehlungen",
        "Conclusions et recommandations",
        "Conclusioni e raccomandazioni",
        "Выводы и рекомендации",
        "Conclusiones y recomendaciones",
    ),
]


def sessions(titles, first_day, *, hour, spacing_days, live):
    result = []
    for number, title in enumerate(titles):
        day = first_day + datetime.timedelta(days=number * spacing_days)
        starts_at = datetime.datetime.combine(day, datetime.time(hour), tzinfo=VIENNA)
        result.append(
            WorkshopSession(
                starts_at=starts_at,
                ends_at=starts_at + datetime.timedelta(hours=1, minutes=30),
                live_url=f"https://meet.example.org/demo-session-{number + 1}" if live else "",
                **translated("title", title),
            )
        )
    return result


# Sample comments for the reconstructed discussion: written for this portal, not the 2008 comments.
PAST_COMMENTS = [
    [
        (
            "investigator",
            "en",
            "Reconstructed sample comment: the volume of material grows faster than our capacity to "
            "review it, so prioritising cases where a child may still be at risk is essential.",
        ),
        (
            "olga.ivanova",
            "ru",
            "Восстановленный пример комментария: без специализированных подразделений и обучения "
            "следователей невозможно эффективно расследовать такие преступления.",
        ),
    ],
    [
        (
            "luc.moreau",
            "en",
            "Reconstructed sample comment: a clear definition of child sexual abuse material in law "
            "makes cross-border requests much simpler.",
        ),
        (
            "moderator",
            "en",
            "Reconstructed sample comment: the model legislation criteria are a useful checklist when "
            "a ministry drafts amendments.",
        ),
    ],
    [
        (
            "anna.berger",
            "en",
            "Reconstructed sample comment: preserving the web address and the time of the report "
            "is the first step; copying material never is.",
        ),
    ],
    [
        (
            "investigator",
            "en",
            "Reconstructed sample comment: victim identification works best when specialists of "
            "several countries look at the same series together.",
        ),
    ],
    [
        (
            "olga.ivanova",
            "en",
            "Reconstructed sample comment: a single national point of contact speeds up mutual legal assistance.",
        ),
    ],
    [
        (
            "anna.berger",
            "en",
            "Reconstructed sample comment: hotlines and industry reporting give the police the "
            "addresses; agreements on preserving data keep the evidence.",
        ),
    ],
]
PAST_RECOMMENDATIONS = six(
    "Reconstruction for this demo, not the 2008 report. Facts of the 2008 workshop: over 70 experts from 24 "
    "countries, six recorded keynotes, 192 comments.\n\nRecommendations: establish specialised units and national "
    "points of contact; align legislation with the model-legislation criteria; connect hotlines with the police; "
    "repeat the online workshop regularly.",
    "Rekonstruktion für diese Demo, nicht der Bericht von 2008. Fakten des Workshops 2008: über 70 Fachleute aus 24 "
    "Ländern, sechs aufgezeichnete Grundsatzreferate, 192 Kommentare.\n\nEmpfehlungen: spezialisierte Einheiten und "
    "nationale Kontaktstellen schaffen; die Gesetzgebung an den Kriterien der Mustergesetzgebung ausrichten; "
    "Meldestellen mit der Polizei verbinden; den Online-Workshop regelmäßig wiederholen.",
    "Reconstitution pour cette démo, et non le rapport de 2008. Faits de l’atelier de 2008 : plus de 70 experts de "
    "24 pays, six discours liminaires enregistrés, 192 commentaires.\n\nRecommandations : créer des unités "
    "spécialisées et des points de contact nationaux ; aligner la législation sur les critères de la législation "
    "type ; relier les lignes de signalement à la police ; renouveler régulièrement l’atelier en ligne.",
    "Ricostruzione per questa demo, non la relazione del 2008. Fatti del workshop del 2008: oltre 70 esperti di 24 "
    "paesi, sei interventi principali registrati, 192 commenti.\n\nRaccomandazioni: istituire unità specializzate e "
    "punti di contatto nazionali; allineare la legislazione ai criteri della legislazione modello; collegare le linee "
    "di segnalazione con la polizia; ripetere regolarmente il workshop online.",
    "Реконструкция для этой демонстрации, а не отчёт 2008 года. Факты семинара 2008 года: более 70 экспертов из 24 "
    "стран, шесть записанных основных докладов, 192 комментария.\n\nРекомендации: создать специализированные "
    "подразделения и национальные контактные пункты; привести законодательство в соответствие с критериями типового "
    "законодательства; связать горячие линии с полицией; регулярно проводить онлайн-семинар.",
    "Reconstrucción para esta demostración, no el informe de 2008. Hechos del taller de 2008: más de 70 expertos de "
    "24 países, seis ponencias principales grabadas, 192 comentarios.\n\nRecomendaciones: crear unidades "
    "especializadas y puntos de contacto nacionales; ajustar la legislación a los criterios de la legislación modelo; "
    "conectar las líneas de denuncia con la policía; repetir periódicamente el taller en línea.",
)
MATERIAL_TEXT = (
    "Sample material written for this portal (demo): reading list for the session on international image databases.\n"
)
PAST_PARTICIPANTS = ["investigator", "moderator", "anna.berger", "luc.moreau", "olga.ivanova"]


def upcoming_material():
    material = WorkshopMaterial(title="Reading list (sample)")
    material.file.save("reading-list.txt", ContentFile(MATERIAL_TEXT.encode()), save=False)
    return material


def seed_past_discussion(workshop):
    """Registrations and the reconstructed discussion of the 2008 workshop."""
    if Registration.objects.filter(workshop=workshop).exists():
        return
    User = get_user_model()
    users = {user.username: user for user in User.objects.filter(username__in=PAST_PARTICIPANTS)}
    for username in PAST_PARTICIPANTS:
        Registration.objects.create(
            workshop=workshop,
            user=users[username],
            status=RegistrationStatus.REGISTERED,
            created_at=datetime.datetime(2008, 10, 1, tzinfo=VIENNA),
        )
        participant_add(workshop, users[username])
    for session, comments in zip(workshop.sessions.order_by("starts_at"), PAST_COMMENTS, strict=False):
        moment = session.starts_at
        for username, language, text in comments:
            moment += datetime.timedelta(hours=5)
            Post.objects.create(
                topic_id=session.discussion_topic_id,
                author=users[username],
                body=text,
                body_html=render_markdown(text),
                language=language,
                created_at=moment,
            )
        Topic.objects.filter(pk=session.discussion_topic_id).update(post_count=len(comments), last_post_at=moment)
    Evaluation.objects.create(
        registration=Registration.objects.get(workshop=workshop, user=users["investigator"]),
        usefulness=5,
        organisation=4,
        comments="Reconstructed sample evaluation: more time for questions to the speakers.",
        consent_to_be_named=True,
    )


@register_seeder(order=50, name="workshops")
def seed_workshops():
    index = WorkshopIndexPage.objects.get()
    past_start = datetime.date(2008, 10, 13)
    past = ensure_child(
        index,
        WorkshopPage,
        PAST["slug"],
        starts_on=past_start,
        ends_on=datetime.date(2008, 10, 24),
        time_zone="Europe/Vienna",
        format="asynchronous",
        capacity=80,
        registration_opens_at=datetime.datetime(2008, 9, 15, tzinfo=VIENNA),
        registration_closes_at=datetime.datetime(2008, 10, 13, tzinfo=VIENNA),
        working_languages=["en", "ru"],
        moderators="OSCE Strategic Police Matters Unit (reconstruction)",
        sessions=sessions(PAST_SESSIONS, past_start, hour=10, spacing_days=2, live=False),
        report_published=True,
        **translated("report_recommendations", PAST_RECOMMENDATIONS),
        **translated("title", PAST["title"]),
        **translated("summary", PAST["summary"]),
    )
    seed_past_discussion(WorkshopPage.objects.get(pk=past.pk))
    if WorkshopPage.objects.filter(slug_en=UPCOMING["slug"]["en"]).exists():
        return
    upcoming_start = timezone.localdate() + datetime.timedelta(days=45)
    ensure_child(
        index,
        WorkshopPage,
        UPCOMING["slug"],
        starts_on=upcoming_start,
        ends_on=upcoming_start + datetime.timedelta(days=4),
        time_zone="Europe/Vienna",
        format="both",
        capacity=40,
        registration_opens_at=timezone.now() - datetime.timedelta(days=1),
        registration_closes_at=timezone.now() + datetime.timedelta(days=44),
        working_languages=["en", "de", "fr", "ru"],
        moderators="Morgan Moderator (demo)",
        sessions=sessions(UPCOMING_SESSIONS, upcoming_start, hour=14, spacing_days=2, live=True),
        materials=[upcoming_material()],
        **translated("title", UPCOMING["title"]),
        **translated("summary", UPCOMING["summary"]),
    )
