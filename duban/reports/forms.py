from django import forms
from django.utils.translation import gettext_lazy as _

from duban.reports.models import PublicPage


class PublicPageForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    published = forms.BooleanField(label=_("对外公开本计划"), required=False)
    fields = forms.MultipleChoiceField(
        label=_("公开内容"),
        choices=PublicPage.Field.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
