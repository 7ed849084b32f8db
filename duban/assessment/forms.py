"""Input shapes for the assessment pages; the rules live in services."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from duban.lib.text import TextField


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def _points(label, *, required=True) -> forms.DecimalField:
    return forms.DecimalField(
        label=label, required=required, min_value=0, max_value=1000, decimal_places=2, max_digits=6
    )


class SchemeForm(forms.Form):
    """The role weights, then each component's points (and, for deductions, the cap)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    lead_weight = forms.DecimalField(
        label=_("牵头单位权重"), min_value=Decimal("0.01"), max_value=10, decimal_places=2
    )
    co_weight = forms.DecimalField(
        label=_("配合单位权重"), min_value=0, max_value=10, decimal_places=2
    )

    def __init__(self, *args, components=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.components = list(components)
        for c in self.components:
            self.fields[f"weight_{c.pk}"] = _points(c.label)
            if c.kind == "deduction":
                self.fields[f"cap_{c.pk}"] = _points(_("扣分上限"), required=False)

    def component_values(self) -> dict[int, tuple[Decimal, Decimal | None]]:
        data = self.cleaned_data
        return {c.pk: (data[f"weight_{c.pk}"], data.get(f"cap_{c.pk}")) for c in self.components}

    def rows(self):
        """(component, weight field, cap field or None) for the template's table."""
        return [
            (c, self[f"weight_{c.pk}"], self[f"cap_{c.pk}"] if c.kind == "deduction" else None)
            for c in self.components
        ]


class ComputeForm(forms.Form):
    as_of = forms.DateField(label=_("考核截止日期"), widget=DateInput())


class RatingForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    rating = forms.DecimalField(
        label=_("突破程度"),
        min_value=0,
        max_value=1,
        decimal_places=2,
        help_text=_("0到1：1为取得预期突破，0.5为部分突破，0为没有进展。"),
    )
    reason = TextField(
        label=_("评定理由"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )


class ObjectionForm(forms.Form):
    component = forms.ChoiceField(label=_("考核项目"), required=False)
    reason = TextField(
        label=_("异议理由"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("写明哪条记录、为什么有误，可附相关材料的说明。"),
    )

    def __init__(self, *args, components=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["component"].choices = [("", _("（总体）"))] + [
            (c.measure, c.label) for c in components
        ]


class AnswerForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    answer = TextField(label=_("答复"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
