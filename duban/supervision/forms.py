from django import forms
from django.utils.translation import gettext_lazy as _

from duban.lib.text import TextField
from duban.supervision.models import Judgement, Step

MANUAL_STEPS = [(s.value, s.label) for s in (Step.URGE, Step.WARNING, Step.BULLETIN)]


class UrgeForm(forms.Form):
    unit = forms.TypedChoiceField(label=_("督办单位"), coerce=int, required=False)
    step = forms.ChoiceField(label=_("督办层级"), choices=MANUAL_STEPS, initial=Step.URGE)
    message = TextField(label=_("督办内容"), widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        if units:
            self.fields["unit"].choices = [(u.pk, u.short_name or u.name) for u in units]
            self.fields["unit"].required = True
        else:
            del self.fields["unit"]


class AcknowledgeForm(forms.Form):
    note = TextField(
        label=_("签收说明"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("可写明整改措施和预计完成时间。"),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class JudgementForm(forms.Form):
    level = forms.TypedChoiceField(label=_("完成把握"), coerce=int, choices=Judgement.Level.choices)
    reason = TextField(label=_("理由"), widget=forms.Textarea(attrs={"rows": 4}))
