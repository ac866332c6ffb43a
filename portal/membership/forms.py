from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from portal.osce import country_choices

from .models import (
    APPLICATION_FIELDS,
    PROFILE_FIELDS,
    Decision,
    ExpertiseArea,
    ExpertProfile,
    MembershipApplication,
)


class CountryChoiceField(forms.ChoiceField):
    def __init__(self, **kwargs):
        super().__init__(choices=lambda: [("", "—"), *country_choices()], **kwargs)


def checkbox_choices(choices, label):
    return forms.MultipleChoiceField(choices=choices, widget=forms.CheckboxSelectMultiple, label=label)


class MembershipApplicationForm(forms.ModelForm):
    country = CountryChoiceField(label=_("Country"))
    languages = checkbox_choices(settings.LANGUAGES, _("Languages you work in"))
    expertise = checkbox_choices(ExpertiseArea.choices, _("Areas of expertise"))

    class Meta:
        model = MembershipApplication
        fields = APPLICATION_FIELDS
        help_texts = {
            "official_email": _("The address your organisation gave you. Other addresses are checked more closely."),
            "referee_name": _("A supervisor or colleague who can confirm your role."),
            "justification": _("What you work on and how the portal would help. A few sentences are enough."),
        }
        widgets = {"justification": forms.Textarea(attrs={"rows": 5})}


class ApplicationAnswerForm(forms.Form):
    text = forms.CharField(label=_("Your answer"), widget=forms.Textarea(attrs={"rows": 5}), max_length=5000)


class VettingDecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=Decision.choices, widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Reason or question"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when you reject or ask for more information; the applicant reads it."),
        max_length=5000,
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") in (Decision.REJECT, Decision.ASK) and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Give a reason or a question for the applicant."))
        return cleaned


class RevocationForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)


class RenewalRequestForm(forms.Form):
    role_confirmation = forms.CharField(
        label=_("Your current organisation and role"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Confirm that you still work in law enforcement, and in which role."),
        max_length=2000,
    )


class ExpertProfileForm(forms.ModelForm):
    country = CountryChoiceField(label=_("Country"))
    languages = checkbox_choices(settings.LANGUAGES, _("Languages you work in"))
    expertise = checkbox_choices(ExpertiseArea.choices, _("Areas of expertise"))

    class Meta:
        model = ExpertProfile
        fields = PROFILE_FIELDS
        widgets = {"bio": forms.Textarea(attrs={"rows": 4})}


class AccountDeletionForm(forms.Form):
    password = forms.CharField(label=_("Your password"), widget=forms.PasswordInput, strip=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        if not self.user.check_password(self.cleaned_data["password"]):
            raise forms.ValidationError(_("The password is not correct."))
        return self.cleaned_data["password"]


class DirectorySearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    expertise = forms.ChoiceField(
        label=_("Expertise"), required=False, choices=[("", _("All")), *ExpertiseArea.choices]
    )
    country = forms.ChoiceField(
        label=_("Country"), required=False, choices=lambda: [("", _("All")), *country_choices()]
    )
    language = forms.ChoiceField(label=_("Language"), required=False, choices=[("", _("All")), *settings.LANGUAGES])
