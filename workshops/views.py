import datetime
import zoneinfo

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.access import may_see_restricted, restricted_response

from . import services
from .calendars import calendar_of
from .models import Registration, RegistrationStatus, WorkshopPage, WorkshopPreferences, WorkshopSession

# The address of a live session appears this long before it starts.
LIVE_LINK_LEAD = datetime.timedelta(minutes=15)


def viewer_time_zone(request, workshop):
    if request.user.is_authenticated:
        preferences = WorkshopPreferences.objects.filter(user=request.user).first()
        if preferences:
            return zoneinfo.ZoneInfo(preferences.time_zone)
    return zoneinfo.ZoneInfo(workshop.time_zone)


def registration_of(user, workshop):
    if not may_see_restricted(user):
        return None
    return (
        Registration.objects.filter(workshop=workshop, user=user).exclude(status=RegistrationStatus.CANCELLED).first()
    )


def workshop_context(request, workshop):
    """The programme in the visitor's time zone; live links for registered participants only, shortly before."""
    registration = registration_of(request.user, workshop)
    participant = registration is not None and registration.status == RegistrationStatus.REGISTERED
    now = timezone.now()
    sessions = list(workshop.sessions.select_related("speaker_profile", "keynote_document").order_by("starts_at"))
    for session in sessions:
        session.live_link = (
            session.live_url if participant and session.starts_at - LIVE_LINK_LEAD <= now <= session.ends_at else ""
        )
    taken = Registration.objects.filter(workshop=workshop, status=RegistrationStatus.REGISTERED).count()
    return {
        "sessions": sessions,
        "viewer_time_zone": viewer_time_zone(request, workshop),
        "registration": registration,
        "is_participant": participant,
        "places_left": max(workshop.capacity - taken, 0),
        "may_register": may_see_restricted(request.user),
    }


def vetted(view):
    def wrapper(request, *args, **kwargs):
        return restricted_response(request) or view(request, *args, **kwargs)

    return wrapper


@require_POST
@vetted
def register(request, pk):
    workshop = get_object_or_404(WorkshopPage.objects.live().public(), pk=pk)
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
@vetted
def cancel(request, pk):
    workshop = get_object_or_404(WorkshopPage, pk=pk)
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


@vetted
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
