from django import forms
from django.utils.translation import gettext_lazy as _

from duban.audit.models import AuditEntry


class AuditSearchForm(forms.Form):
    person = forms.CharField(label=_("操作人账号"), required=False, max_length=150)
    object = forms.CharField(
        label=_("对象"),
        required=False,
        max_length=160,
        help_text=_("对象类型（如 plans.HistoricalTask）、编号，或“类型#编号”。"),
    )
    kind = forms.ChoiceField(
        label=_("类别"), required=False, choices=[("", _("全部"))] + AuditEntry.Kind.choices
    )
    since = forms.DateField(
        label=_("起始日期"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("截止日期"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        data = super().clean()
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            self.add_error("until", _("截止日期不能早于起始日期。"))
        return data
