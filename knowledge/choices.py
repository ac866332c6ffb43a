from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    PRACTICE = "practice", _("Best practice")
    METHOD = "method", _("Investigative method")
    TRAINING = "training", _("Training material")
    CASE_STUDY = "case-study", _("Case study")
    SOFTWARE = "software", _("Software tool")
    MODEL_LAW = "model-law", _("Model law")


class Audience(models.TextChoices):
    PARENTS = "parents", _("Parents")
    YOUNG_PEOPLE = "young-people", _("Children and young people")
    TEACHERS = "teachers", _("Teachers")
    MEDICAL_STAFF = "medical-staff", _("Medical staff")
    PROFESSIONALS = "professionals", _("Professionals")
    EVERYONE = "everyone", _("Everyone")


class Availability(models.TextChoices):
    OPEN = "open", _("Open to all")
    LAW_ENFORCEMENT = "law-enforcement", _("Law enforcement only")
    COMMERCIAL = "commercial", _("Commercial")


class Platform(models.TextChoices):
    WINDOWS = "windows", "Windows"
    MACOS = "macos", "macOS"
    LINUX = "linux", "Linux"
    WEB = "web", _("Web browser")
    MOBILE = "mobile", _("Mobile devices")


class Criterion(models.TextChoices):
    """The five criteria of ICMEC's "Child Sexual Abuse Material: Model Legislation & Global Review"."""

    SPECIFIC_LEGISLATION = "specific-legislation", _("Legislation specific to child sexual abuse material")
    DEFINITION = "definition", _("Definition of child sexual abuse material")
    TECHNOLOGY_FACILITATED = "technology-facilitated", _("Technology-facilitated offences")
    SIMPLE_POSSESSION = "simple-possession", _("Simple possession")
    ISP_REPORTING = "isp-reporting", _("Reporting by internet service providers")


class AssessmentStatus(models.TextChoices):
    YES = "yes", _("Yes")
    PARTIAL = "partial", _("Partly")
    NO = "no", _("No")
    UNKNOWN = "unknown", _("Not yet assessed")


class Verification(models.TextChoices):
    VERIFIED = "verified", _("Verified from sources")
    PARTIAL = "partial", _("Partly verified")
    UNVERIFIED = "unverified", _("Not verified")


class ServiceKind(models.TextChoices):
    HOTLINE = "hotline", _("Reporting hotline")
    HELPLINE = "helpline", _("Helpline")
    POLICE = "police", _("Police reporting")
