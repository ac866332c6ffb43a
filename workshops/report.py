"""The workshop report, generated from the data: participants, countries, comments, evaluations."""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Avg, Count, Q

from portal.osce import country_name

from .models import Evaluation, Registration, RegistrationStatus


@dataclass
class WorkshopReport:
    participants: int
    countries: list  # (country name, participants), most first
    comments_per_session: list  # (session, comments), in programme order
    most_discussed: list  # the sessions with the most comments, most first
    evaluations: int
    usefulness: float | None
    organisation: float | None
    evaluation_comments: list = field(default_factory=list)
    named_participants: list = field(default_factory=list)  # only those who agreed to be named


def workshop_report(workshop):
    registrations = Registration.objects.filter(workshop=workshop, status=RegistrationStatus.REGISTERED).select_related(
        "user__expert_profile"
    )
    countries = Counter(
        registration.user.expert_profile.country
        for registration in registrations
        if hasattr(registration.user, "expert_profile")
    )
    sessions = list(
        workshop.sessions.annotate(
            comments=Count(
                "discussion_topic__posts",
                filter=Q(discussion_topic__posts__is_hidden=False, discussion_topic__posts__is_deleted=False),
            )
        ).order_by("starts_at")
    )
    evaluations = Evaluation.objects.filter(registration__workshop=workshop)
    averages = evaluations.aggregate(usefulness=Avg("usefulness"), organisation=Avg("organisation"))
    return WorkshopReport(
        participants=len(registrations),
        countries=[(country_name(code), count) for code, count in countries.most_common()],
        comments_per_session=[(session, session.comments) for session in sessions],
        most_discussed=sorted((s for s in sessions if s.comments), key=lambda s: -s.comments)[:3],
        evaluations=evaluations.count(),
        usefulness=averages["usefulness"],
        organisation=averages["organisation"],
        evaluation_comments=[evaluation.comments for evaluation in evaluations if evaluation.comments],
        named_participants=sorted(
            evaluation.registration.user.expert_profile.display_name
            for evaluation in evaluations.select_related("registration__user__expert_profile")
            if evaluation.consent_to_be_named and hasattr(evaluation.registration.user, "expert_profile")
        ),
    )
