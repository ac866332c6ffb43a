from django import forms
from django.utils.translation import gettext_lazy as _

from .models import AuditAction


class AuditLogFilterForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Action"), required=False, choices=[("", _("All actions")), *AuditAction.choices]
    )
