from django import forms

from wagtail.admin.forms import WagtailAdminPageForm


class MultipleChoicePageForm(WagtailAdminPageForm):
    """A page form whose JSON list fields are edited as check boxes: see `multiple_choice_fields`."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field_name, choices in self._meta.model.multiple_choice_fields.items():
            self.fields[field_name] = forms.MultipleChoiceField(
                label=self._meta.model._meta.get_field(field_name).verbose_name.capitalize(),
                choices=choices,
                widget=forms.CheckboxSelectMultiple,
                required=False,
                initial=self.initial.get(field_name) or [],
            )
