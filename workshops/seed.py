"""Demo workshops: the 2008 POLIS online workshop as a past workshop (a reconstruction), and an upcoming one.

About the 2008 workshop only these facts are used: it ran on POLIS from 13 to 24 October 2008
and brought over 70 experts from 24 countries to six recorded keynotes and 192 comments. Session
titles are descriptive, written for this portal, not the original programme.
"""

import datetime
import zoneinfo

from django.utils import timezone

from portal.demo import register_seeder
from portal.pages.seed import ensure_child, translated

from .models import WorkshopIndexPage, WorkshopPage, WorkshopSession

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


@register_seeder(order=50, name="workshops")
def seed_workshops():
    index = WorkshopIndexPage.objects.get()
    past_start = datetime.date(2008, 10, 13)
    ensure_child(
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
        **translated("title", PAST["title"]),
        **translated("summary", PAST["summary"]),
    )
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
        **translated("title", UPCOMING["title"]),
        **translated("summary", UPCOMING["summary"]),
    )
