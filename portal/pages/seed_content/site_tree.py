"""The demo site's frame in six languages: the home page and the sections of the main navigation.

A section's `page_type` names the page model that serves it (a plain section page by default),
so that each module's landing page takes its place in the menu's order.

Titles, slugs and introductions are written for the portal (not quoted from any source).
"""

HOME = {
    "title": {
        "en": "Expert Portal against Child Sexual Exploitation Online",
        "de": "Expertenportal gegen die sexuelle Ausbeutung von Kindern im Internet",
        "fr": "Portail d'experts contre l'exploitation sexuelle des enfants en ligne",
        "it": "Portale di esperti contro lo sfruttamento sessuale dei minori online",
        "ru": "Экспертный портал по борьбе с сексуальной эксплуатацией детей в Интернете",
        "es": "Portal de expertos contra la explotación sexual de niños en línea",
    },
    "intro": {
        "en": "Awareness information and national hotlines for the public, and a closed knowledge space for vetted "
        "law-enforcement experts of the OSCE participating States: best practices, investigative methods and "
        "software, model legislation, an expert forum and online workshops.",
        "de": "Informationen zur Aufklärung und nationale Meldestellen für die Öffentlichkeit sowie ein geschlossener "
        "Wissensbereich für überprüfte Fachleute der Strafverfolgung aus den OSZE-Teilnehmerstaaten: bewährte "
        "Verfahren, Ermittlungsmethoden und Software, Mustergesetzgebung, ein Expertenforum und Online-Workshops.",
        "fr": "Des informations de sensibilisation et les lignes de signalement nationales pour le public, ainsi qu'un "
        "espace de connaissances réservé aux experts des services répressifs des États participants de l'OSCE, "
        "après vérification : bonnes pratiques, méthodes et logiciels d'enquête, législation type, un forum "
        "d'experts et des ateliers en ligne.",
        "it": "Informazioni di sensibilizzazione e linee di segnalazione nazionali per il pubblico, e uno spazio di "
        "conoscenze riservato agli esperti verificati delle forze dell'ordine degli Stati partecipanti "
        "dell'OSCE: buone pratiche, metodi e software investigativi, legislazione modello, un forum di esperti "
        "e workshop online.",
        "ru": "Информация для общественности и национальные горячие линии, а также закрытое пространство знаний для "
        "проверенных экспертов правоохранительных органов государств – участников ОБСЕ: передовой опыт, методы "
        "и программные средства расследования, типовое законодательство, экспертный форум и онлайн-семинары.",
        "es": "Información de sensibilización y líneas de denuncia nacionales para el público, y un espacio de "
        "conocimientos reservado a expertos verificados de las fuerzas del orden de los Estados participantes "
        "de la OSCE: buenas prácticas, métodos y programas de investigación, legislación modelo, un foro de "
        "expertos y talleres en línea.",
    },
}

SECTIONS = [
    {
        "page_type": "knowledge.AwarenessIndexPage",
        "slug": {
            "en": "awareness",
            "de": "aufklaerung",
            "fr": "sensibilisation",
            "it": "sensibilizzazione",
            "ru": "informirovanie",
            "es": "sensibilizacion",
        },
        "title": {
            "en": "Awareness",
            "de": "Aufklärung",
            "fr": "Sensibilisation",
            "it": "Sensibilizzazione",
            "ru": "Информирование",
            "es": "Sensibilización",
        },
        "intro": {
            "en": "Information for parents, children and young people, teachers and medical staff on how "
            "children are put at risk online and where to find help.",
            "de": "Informationen für Eltern, Kinder und Jugendliche, Lehrkräfte und medizinisches Personal darüber, "
            "wie Kinder im Internet gefährdet werden und wo es Hilfe gibt.",
            "fr": "Des informations pour les parents, les enfants et les jeunes, les enseignants et le personnel "
            "médical sur les risques que courent les enfants en ligne et sur les moyens d'obtenir de l'aide.",
            "it": "Informazioni per genitori, bambini e ragazzi, insegnanti e personale sanitario su come i minori "
            "vengono messi in pericolo online e dove trovare aiuto.",
            "ru": "Информация для родителей, детей и подростков, учителей и медицинских работников о том, какие "
            "опасности грозят детям в Интернете и где найти помощь.",
            "es": "Información para padres, niños y jóvenes, docentes y personal sanitario sobre los riesgos que "
            "corren los niños en línea y dónde encontrar ayuda.",
        },
    },
    {
        "page_type": "knowledge.HotlineFinderPage",
        "slug": {
            "en": "report-abuse",
            "de": "missbrauch-melden",
            "fr": "signaler-un-abus",
            "it": "segnalare-un-abuso",
            "ru": "soobshchit-o-nasilii",
            "es": "denunciar-un-abuso",
        },
        "title": {
            "en": "Report abuse",
            "de": "Missbrauch melden",
            "fr": "Signaler un abus",
            "it": "Segnalare un abuso",
            "ru": "Сообщить о насилии",
            "es": "Denunciar un abuso",
        },
        "intro": {
            "en": "Find the hotline of your country. Report the web address where you saw the material; never "
            "download, copy or forward it, and do not investigate yourself.",
            "de": "Finden Sie die Meldestelle Ihres Landes. Melden Sie die Internetadresse, unter der Sie das "
            "Material gesehen haben; laden Sie es niemals herunter, kopieren oder verschicken Sie es nicht und "
            "ermitteln Sie nicht selbst.",
            "fr": "Trouvez la ligne de signalement de votre pays. Signalez l'adresse web où vous avez vu le contenu ; "
            "ne le téléchargez, ne le copiez et ne le transférez jamais, et n'enquêtez pas vous-même.",
            "it": "Trova la linea di segnalazione del tuo paese. Segnala l'indirizzo web in cui hai visto il "
            "materiale; non scaricarlo, copiarlo o inoltrarlo mai e non indagare da solo.",
            "ru": "Найдите горячую линию своей страны. Сообщите веб-адрес, по которому вы увидели материал; никогда "
            "не скачивайте, не копируйте и не пересылайте его и не проводите расследование самостоятельно.",
            "es": "Encuentre la línea de denuncia de su país. Denuncie la dirección web donde vio el material; nunca "
            "lo descargue, copie ni reenvíe, y no investigue por su cuenta.",
        },
    },
    {
        "page_type": "knowledge.LibraryIndexPage",
        "slug": {
            "en": "library",
            "de": "bibliothek",
            "fr": "bibliotheque",
            "it": "biblioteca",
            "ru": "biblioteka",
            "es": "biblioteca",
        },
        "title": {
            "en": "Knowledge library",
            "de": "Wissensbibliothek",
            "fr": "Bibliothèque de connaissances",
            "it": "Biblioteca delle conoscenze",
            "ru": "Библиотека знаний",
            "es": "Biblioteca de conocimientos",
        },
        "intro": {
            "en": "Best practices, investigative methods and software, model legislation and the legislation of "
            "the participating States.",
            "de": "Bewährte Verfahren, Ermittlungsmethoden und Software, Mustergesetzgebung und die Gesetzgebung "
            "der Teilnehmerstaaten.",
            "fr": "Bonnes pratiques, méthodes et logiciels d'enquête, législation type et législation des États "
            "participants.",
            "it": "Buone pratiche, metodi e software investigativi, legislazione modello e legislazione degli Stati "
            "partecipanti.",
            "ru": "Передовой опыт, методы и программные средства расследования, типовое законодательство и "
            "законодательство государств-участников.",
            "es": "Buenas prácticas, métodos y programas de investigación, legislación modelo y legislación de los "
            "Estados participantes.",
        },
    },
    {
        "slug": {
            "en": "expert-forum",
            "de": "expertenforum",
            "fr": "forum-experts",
            "it": "forum-esperti",
            "ru": "ekspertnyi-forum",
            "es": "foro-expertos",
        },
        # The forum itself is served by the forum app at /<lang>/forum/ for vetted members.
        "link": {
            "url_name": "forum:index",
            "label": {
                "en": "Enter the forum (vetted members)",
                "de": "Zum Forum (überprüfte Mitglieder)",
                "fr": "Entrer dans le forum (membres vérifiés)",
                "it": "Entra nel forum (membri verificati)",
                "ru": "Перейти на форум (проверенные участники)",
                "es": "Entrar en el foro (miembros verificados)",
            },
        },
        "title": {
            "en": "Expert forum",
            "de": "Expertenforum",
            "fr": "Forum d'experts",
            "it": "Forum degli esperti",
            "ru": "Экспертный форум",
            "es": "Foro de expertos",
        },
        "intro": {
            "en": "A closed, moderated discussion space where vetted investigators, prosecutors and hotline "
            "analysts exchange questions and answers on methods, software, cases and legislation.",
            "de": "Ein geschlossener, moderierter Diskussionsraum, in dem überprüfte Ermittlerinnen und Ermittler, "
            "Staatsanwaltschaften und Fachleute von Meldestellen Fragen zu Methoden, Software, Fällen und "
            "Gesetzgebung austauschen.",
            "fr": "Un espace de discussion fermé et modéré où enquêteurs, procureurs et analystes des lignes de "
            "signalement, après vérification, échangent sur les méthodes, les logiciels, les affaires et la "
            "législation.",
            "it": "Uno spazio di discussione chiuso e moderato in cui investigatori, pubblici ministeri e analisti "
            "delle linee di segnalazione verificati si scambiano domande e risposte su metodi, software, casi e "
            "legislazione.",
            "ru": "Закрытое модерируемое пространство для обсуждений, где проверенные следователи, прокуроры и "
            "аналитики горячих линий обмениваются вопросами и ответами о методах, программах, делах и "
            "законодательстве.",
            "es": "Un espacio de debate cerrado y moderado en el que investigadores, fiscales y analistas de líneas "
            "de denuncia verificados intercambian preguntas y respuestas sobre métodos, programas, casos y "
            "legislación.",
        },
    },
    {
        "page_type": "workshops.WorkshopIndexPage",
        "slug": {
            "en": "workshops",
            "de": "workshops",
            "fr": "ateliers",
            "it": "workshop",
            "ru": "seminary",
            "es": "talleres",
        },
        "title": {
            "en": "Workshops",
            "de": "Workshops",
            "fr": "Ateliers",
            "it": "Workshop",
            "ru": "Семинары",
            "es": "Talleres",
        },
        "intro": {
            "en": "Online workshops for experts: programme, keynotes, discussion per session and the report.",
            "de": "Online-Workshops für Fachleute: Programm, Grundsatzreferate, Diskussion je Sitzung und Bericht.",
            "fr": "Ateliers en ligne pour les experts : programme, discours liminaires, discussion par séance et "
            "rapport.",
            "it": "Workshop online per esperti: programma, interventi principali, discussione per sessione e "
            "relazione.",
            "ru": "Онлайн-семинары для экспертов: программа, основные доклады, обсуждение по каждой сессии и отчёт.",
            "es": "Talleres en línea para expertos: programa, ponencias principales, debate por sesión e informe.",
        },
    },
]
