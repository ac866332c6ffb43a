"""The demo thesaurus: key terms of the field and their usual equivalents in the six languages.

Editors keep it under Snippets › Thesaurus entries. The terms follow the Luxembourg Terminology
Guidelines (2016) where they give one, and common legal and professional usage otherwise.
"""

THESAURUS = [
    {
        "name": "grooming",
        "en": ["grooming", "online grooming"],
        "de": ["Cybergrooming", "Grooming"],
        "fr": ["pédopiégeage", "grooming"],
        "it": ["adescamento", "grooming"],
        "ru": ["груминг", "онлайн-груминг"],
        "es": ["grooming", "engaño pederasta"],
    },
    {
        "name": "sextortion",
        "en": ["sextortion", "sexual extortion"],
        "de": ["Sextortion", "sexuelle Erpressung"],
        "fr": ["sextorsion", "extorsion sexuelle"],
        "it": ["sextortion", "estorsione sessuale"],
        "ru": ["сексторшн", "сексуальное вымогательство"],
        "es": ["sextorsión", "extorsión sexual"],
    },
    {
        "name": "child sexual abuse material",
        "en": ["child sexual abuse material", "CSAM"],
        "de": ["Darstellungen sexuellen Missbrauchs von Kindern", "Missbrauchsdarstellungen", "Kinderpornografie"],
        "fr": ["matériel d'abus sexuels sur enfants", "pédopornographie"],
        "it": ["materiale pedopornografico", "materiale di abuso sessuale su minori"],
        "ru": ["материалы сексуального насилия над детьми", "детская порнография"],
        "es": ["material de abuso sexual infantil", "pornografía infantil"],
    },
    {
        "name": "victim identification",
        "en": ["victim identification"],
        "de": ["Opferidentifizierung"],
        "fr": ["identification des victimes"],
        "it": ["identificazione delle vittime"],
        "ru": ["идентификация жертв"],
        "es": ["identificación de víctimas"],
    },
    {
        "name": "hotline",
        "en": ["hotline", "reporting hotline"],
        "de": ["Meldestelle", "Hotline"],
        "fr": ["ligne de signalement", "point de contact"],
        "it": ["linea di segnalazione", "hotline"],
        "ru": ["горячая линия"],
        "es": ["línea de denuncia"],
    },
    {
        "name": "live streaming",
        "en": ["live streaming", "livestreaming"],
        "de": ["Livestreaming", "Live-Streaming"],
        "fr": ["diffusion en direct"],
        "it": ["streaming in diretta", "diretta streaming"],
        "ru": ["прямая трансляция"],
        "es": ["transmisión en directo", "transmisión en vivo"],
    },
    {
        "name": "digital forensics",
        "en": ["digital forensics"],
        "de": ["IT-Forensik", "digitale Forensik"],
        "fr": ["criminalistique numérique", "informatique légale"],
        "it": ["informatica forense"],
        "ru": ["цифровая криминалистика"],
        "es": ["informática forense", "análisis forense digital"],
    },
    {
        "name": "law enforcement",
        "en": ["law enforcement", "police"],
        "de": ["Strafverfolgung", "Polizei"],
        "fr": ["forces de l'ordre", "police"],
        "it": ["forze dell'ordine", "polizia"],
        "ru": ["правоохранительные органы", "полиция"],
        "es": ["fuerzas del orden", "policía"],
    },
]
