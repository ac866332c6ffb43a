import datetime
import zoneinfo

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from allauth.account.models import EmailAddress

from portal.access import has_second_factor, may_see_restricted, restricted_response, vetted_member_required
from portal.audit.models import AuditAction
from portal.audit.services import record_event

from . import services
from .calendars import calendar_of
from .certificates import certificate_pdf
from .forms import EvaluationForm
from .models import (
    Certificate,
    Evaluation,
    Registration,
    RegistrationStatus,
    WorkshopAudience,
    WorkshopMaterial,
    WorkshopPage,
    WorkshopPreferences,
    WorkshopSession,
)
from .report import workshop_report

# The address of a live session appears this long before it starts.
LIVE_LINK_LEAD = datetime.timedelta(minutes=15)


def viewer_time_zone(request, workshop):
    if request.user.is_authenticated:
        preferences = WorkshopPreferences.objects.filter(user=request.user).first()
        if preferences:
            return zoneinfo.ZoneInfo(preferences.time_zone)
    return zoneinfo.ZoneInfo(workshop.time_zone)


def may_participate(user, workshop):
    """Vetted members with a second factor; and, when the audience includes them, invited guests with one."""
    if may_see_restricted(user):
        return True
    return (
        workshop.audience == WorkshopAudience.VETTED_AND_GUESTS
        and user.is_authenticated
        and has_second_factor(user)
        and workshop.guests.filter(email__iexact=user.email).exists()
        and EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=True).exists()
    )


def refusal_for(request, workshop):
    """None when the visitor may take part in `workshop`; otherwise the response that refuses them."""
    if may_participate(request.user, workshop):
        return None
    return restricted_response(request) or render(request, "403_members_only.html", status=403)


def registration_of(user, workshop):
    if not may_participate(user, workshop):
        return None
    return (
        Registration.objects.filter(workshop=workshop, user=user).exclude(status=RegistrationStatus.CANCELLED).first()
    )


def workshop_context(request, workshop):
    """The programme in the visitor's time zone; live links for registered participants only, shortly before."""
    registration = registration_of(request.user, workshop)
    participant = registration is not None and registration.status == RegistrationStatus.REGISTERED
    now = timezone.now()
    sessions = list(
        workshop.sessions.select_related("speaker_profile", "keynote_document", "discussion_topic").order_by(
            "starts_at"
        )
    )
    for session in sessions:
        session.discussion_visible = participant and session.discussion_topic_id is not None
        session.live_link = (
            session.live_url if participant and session.starts_at - LIVE_LINK_LEAD <= now <= session.ends_at else ""
        )
    taken = Registration.objects.filter(workshop=workshop, status=RegistrationStatus.REGISTERED).count()
    return {
        "materials": list(workshop.materials.all()) if participant else [],
        "has_started": workshop.starts_on <= timezone.localdate(),
        "sessions": sessions,
        "viewer_time_zone": viewer_time_zone(request, workshop),
        "registration": registration,
        "is_participant": participant,
        "places_left": max(workshop.capacity - taken, 0),
        "may_register": may_participate(request.user, workshop),
    }


@require_POST
def register(request, pk):
    workshop = get_object_or_404(WorkshopPage.objects.live().public(), pk=pk)
    refusal = refusal_for(request, workshop)
    if refusal:
        return refusal
    try:
        registration = services.registration_register(user=request.user, workshop=workshop)
    except services.RegistrationClosed:
        messages.error(request, _("Registration for this workshop is not open."))
    else:
        if registration.status == RegistrationStatus.REGISTERED:
            messages.success(request, _("You are registered. A confirmation has been sent to you by e-mail."))
        else:
            messages.info(
                request, _("The workshop is full: you are on the waiting list and will be told when a place frees.")
            )
    return redirect(workshop.url)


@require_POST
def cancel(request, pk):
    workshop = get_object_or_404(WorkshopPage, pk=pk)
    refusal = refusal_for(request, workshop)
    if refusal:
        return refusal
    registration = registration_of(request.user, workshop)
    if registration is None:
        raise Http404
    services.registration_cancel(registration=registration)
    messages.success(request, _("Your registration has been cancelled."))
    return redirect(workshop.url)


def calendar_response(content, filename):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def workshop_calendar(request, pk):
    """The programme of a public workshop page: no live link, no participant data."""
    workshop = get_object_or_404(WorkshopPage.objects.live().public(), pk=pk)
    sessions = WorkshopSession.objects.filter(page=workshop).select_related("page")
    return calendar_response(calendar_of(sessions, name=workshop.title), f"workshop-{workshop.pk}.ics")


def personal_calendar(request, token):
    """A member's own workshops, at a private address that needs no log-in (calendar apps cannot log in)."""
    preferences = WorkshopPreferences.objects.filter(calendar_token=token).select_related("user").first()
    if preferences is None or not may_see_restricted(preferences.user):
        raise Http404
    sessions = WorkshopSession.objects.filter(
        page__registrations__user=preferences.user, page__registrations__status=RegistrationStatus.REGISTERED
    ).select_related("page")
    return calendar_response(calendar_of(sessions, name=_("My workshops")), "my-workshops.ics")


@vetted_member_required
def preferences(request):
    preferences = services.preferences_of(request.user)
    if request.method == "POST":
        if "renew_token" in request.POST:
            services.calendar_token_renew(user=request.user)
            messages.success(request, _("Your calendar has a new private address; the old one no longer works."))
        elif request.POST.get("time_zone") in zoneinfo.available_timezones():
            preferences.time_zone = request.POST["time_zone"]
            preferences.save(update_fields=["time_zone"])
            messages.success(request, _("Your time zone has been saved."))
        return redirect("workshops:preferences")
    return render(
        request,
        "workshops/preferences.html",
        {"preferences": preferences, "time_zones": WorkshopPreferences._meta.get_field("time_zone").choices},
    )


def participant_registration_or_refusal(request, workshop):
    """The visitor's registration as a participant, or the response that refuses them."""
    refusal = refusal_for(request, workshop)
    if refusal:
        return None, refusal
    registration = registration_of(request.user, workshop)
    if registration is None or registration.status != RegistrationStatus.REGISTERED:
        return None, render(request, "403_members_only.html", status=403)
    return registration, None


def material(request, pk):
    material = get_object_or_404(WorkshopMaterial.objects.select_related("page"), pk=pk)
    _registration, refusal = participant_registration_or_refusal(request, material.page)
    if refusal:
        return refusal
    record_event(
        action=AuditAction.DOCUMENT_DOWNLOADED,
        target=f"workshop material {material.pk}: {material.title}",
        request=request,
    )
    response = FileResponse(
        material.file.open("rb"), as_attachment=True, filename=material.file.name.rsplit("/", 1)[-1]
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def evaluation(request, pk):
    workshop = get_object_or_404(WorkshopPage.objects.live(), pk=pk)
    registration, refusal = participant_registration_or_refusal(request, workshop)
    if refusal:
        return refusal
    if workshop.starts_on > timezone.localdate():
        raise Http404
    instance = Evaluation.objects.filter(registration=registration).first()
    form = EvaluationForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.instance.registration = registration
        form.save()
        messages.success(request, _("Thank you for your evaluation."))
        return redirect(workshop.url)
    return render(request, "workshops/evaluation.html", {"workshop": workshop, "form": form})


def report(request, pk):
    """The report: in full for editors of the workshop page; its public summary once published."""
    workshop = get_object_or_404(WorkshopPage.objects.live(), pk=pk)
    is_editor = request.user.is_authenticated and workshop.permissions_for_user(request.user).can_edit()
    if not (is_editor or workshop.report_published):
        raise Http404
    return render(
        request,
        "workshops/report.html",
        {"workshop": workshop, "report": workshop_report(workshop), "full": is_editor},
    )


def certificate(request, pk):
    workshop = get_object_or_404(WorkshopPage.objects.live(), pk=pk)
    registration, refusal = participant_registration_or_refusal(request, workshop)
    if refusal:
        return refusal
    if not workshop.has_ended:
        raise Http404
    issued, _created = Certificate.objects.get_or_create(registration=registration)
    profile = getattr(request.user, "expert_profile", None)
    name = profile.display_name if profile else request.user.get_username()
    verify_url = request.build_absolute_uri(f"{reverse('workshops:verify')}?code={issued.code}")
    pdf = certificate_pdf(issued, name=name, language=get_language(), verify_url=verify_url)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{issued.code}.pdf"'
    return response


def verify(request):
    """Public: is this a genuine certificate? Shows the holder, the workshop and its dates."""
    code = request.GET.get("code", "").strip().upper()[:20]
    found = Certificate.objects.filter(code=code).select_related("registration__workshop", "registration__user").first()
    holder = ""
    if found:
        profile = getattr(found.registration.user, "expert_profile", None)
        holder = profile.display_name if profile else found.registration.user.get_username()
    return render(request, "workshops/verify.html", {"code": code, "certificate": found, "holder": holder})
