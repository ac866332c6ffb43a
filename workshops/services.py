"""Registration for workshops: capacity, a waiting list promoted automatically, and e-mails by task."""

from django.db import transaction
from django.urls import reverse
from django.utils import translation

from django_tasks import task

from portal.mail import absolute_url, send_templated_email
from portal.membership.services import member_language

from .discussions import participant_add, participant_remove
from .models import Registration, RegistrationStatus, WorkshopPage, WorkshopPreferences, new_calendar_token


class RegistrationClosed(Exception):
    pass


def preferences_of(user):
    return WorkshopPreferences.objects.get_or_create(user=user)[0]


@transaction.atomic
def registration_register(*, user, workshop):
    """Registers `user`, or puts them on the waiting list when the workshop is full."""
    if not workshop.registration_is_open:
        raise RegistrationClosed
    WorkshopPage.objects.select_for_update().get(pk=workshop.pk)  # one registration at a time per workshop
    taken = Registration.objects.filter(workshop=workshop, status=RegistrationStatus.REGISTERED).count()
    status = RegistrationStatus.REGISTERED if taken < workshop.capacity else RegistrationStatus.WAITING
    registration, _created = Registration.objects.update_or_create(
        workshop=workshop, user=user, defaults={"status": status}
    )
    if status == RegistrationStatus.REGISTERED:
        participant_add(workshop, user)
    notify(registration, "registered" if status == RegistrationStatus.REGISTERED else "waiting")
    return registration


@transaction.atomic
def registration_cancel(*, registration):
    """Cancels; a freed place goes at once to the first member on the waiting list."""
    WorkshopPage.objects.select_for_update().get(pk=registration.workshop_id)
    freed = registration.status == RegistrationStatus.REGISTERED
    registration.status = RegistrationStatus.CANCELLED
    registration.save(update_fields=["status", "updated_at"])
    participant_remove(registration.workshop, registration.user)
    if freed:
        waiting = (
            Registration.objects.filter(workshop_id=registration.workshop_id, status=RegistrationStatus.WAITING)
            .order_by("created_at", "pk")
            .first()
        )
        if waiting:
            waiting.status = RegistrationStatus.REGISTERED
            waiting.save(update_fields=["status", "updated_at"])
            participant_add(registration.workshop, waiting.user)
            notify(waiting, "promoted")
    return registration


def calendar_token_renew(*, user):
    preferences = preferences_of(user)
    preferences.calendar_token = new_calendar_token()
    preferences.save(update_fields=["calendar_token"])
    return preferences


def notify(registration, kind):
    transaction.on_commit(lambda: email_registration.enqueue(registration.pk, kind))


@task()
def email_registration(registration_id, kind):
    """Confirmation, waiting-list and promotion e-mails, in the member's language."""
    registration = Registration.objects.select_related("user", "workshop").get(pk=registration_id)
    language = member_language(registration.user)
    with translation.override(language):
        links = {
            "link": absolute_url(registration.workshop.url),
            "calendar": absolute_url(reverse("workshops:calendar", args=[registration.workshop_id])),
        }
    send_templated_email(
        to=registration.user.email,
        template="workshops/email/registration",
        language=language,
        context={"workshop": registration.workshop, "kind": kind, **links},
    )
