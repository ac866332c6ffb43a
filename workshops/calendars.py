"""iCalendar files: one per workshop, and a member's private feed of their own workshops (RFC 5545)."""

from django.conf import settings

from icalendar import Calendar, Event

from portal.mail import absolute_url


def calendar_of(sessions, *, name):
    calendar = Calendar()
    calendar.add("prodid", "-//OSCE Expert Portal//Workshops//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    for session in sessions:
        event = Event()
        event.add(
            "uid", f"workshop-session-{session.pk}@{settings.ALLOWED_HOSTS[0] if settings.ALLOWED_HOSTS else 'portal'}"
        )
        event.add("summary", f"{session.page.title}: {session.title}")
        event.add("dtstart", session.starts_at)
        event.add("dtend", session.ends_at)
        event.add("dtstamp", session.page.last_published_at or session.starts_at)
        event.add("url", absolute_url(session.page.url))
        if session.description:
            event.add("description", session.description)
        calendar.add_component(event)
    return calendar.to_ical()
