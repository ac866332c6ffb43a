"""E-mail from the portal: templates rendered in the recipient's language, links to the public address."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation


def absolute_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send_templated_email(*, to, template, language, context):
    """Renders `<template>_subject.txt` and `<template>_body.txt` in `language` and sends them to `to`."""
    with translation.override(language):
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        body = render_to_string(f"{template}_body.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to])
