from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .attachments import validate_attachment
from .models import Category, EmailMode, ForumPreferences


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Zero or more documents; each is checked by its content (`attachments.validate_attachment`)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(required=False, **kwargs)

    def clean(self, data, initial=None):
        uploads = data if isinstance(data, list | tuple) else ([data] if data else [])
        return [(upload, validate_attachment(upload)) for upload in uploads]


class PostForm(forms.Form):
    body = forms.CharField(
        label=_("Your message"),
        widget=forms.Textarea(attrs={"rows": 8, "data-draft": "body"}),
        max_length=20000,
        help_text=_("Markdown: **bold**, *italic*, lists, > quotes and links. No images."),
    )
    language = forms.ChoiceField(label=_("Language of the message"), choices=settings.LANGUAGES)
    attachments = AttachmentsField(
        label=_("Attach documents"),
        help_text=_("PDF, text or office documents only, at most 10 MB each."),
    )


class TopicForm(PostForm):
    title = forms.CharField(label=_("Title"), max_length=200, widget=forms.TextInput(attrs={"data-draft": "title"}))
    field_order = ["title", "body", "language", "attachments"]


class EditPostForm(forms.Form):
    body = forms.CharField(label=_("Your message"), widget=forms.Textarea(attrs={"rows": 8}), max_length=20000)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)


class FlagForm(ReasonForm):
    pass


class MoveTopicForm(ReasonForm):
    category = forms.ModelChoiceField(label=_("Move to"), queryset=Category.objects.all())


class SuspendForm(ReasonForm):
    days = forms.IntegerField(label=_("Days"), min_value=1, max_value=365, initial=7)


class PreferencesForm(forms.ModelForm):
    class Meta:
        model = ForumPreferences
        fields = ["email_mode", "language"]
        widgets = {"email_mode": forms.RadioSelect(choices=EmailMode.choices)}
