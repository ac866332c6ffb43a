from django import forms

from .models import Evaluation

SCALE = [(value, str(value)) for value in range(1, 6)]


class EvaluationForm(forms.ModelForm):
    usefulness = forms.TypedChoiceField(choices=SCALE, coerce=int, widget=forms.RadioSelect)
    organisation = forms.TypedChoiceField(choices=SCALE, coerce=int, widget=forms.RadioSelect)

    class Meta:
        model = Evaluation
        fields = ["usefulness", "organisation", "comments", "consent_to_be_named"]
        widgets = {"comments": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("usefulness", "organisation"):
            self.fields[name].label = Evaluation._meta.get_field(name).verbose_name
