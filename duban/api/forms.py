from django import forms
from django.utils.translation import gettext_lazy as _

from duban.api.models import ApiToken
from duban.lib.text import TextField


class TokenForm(forms.Form):
    name = TextField(label=_("用途"), max_length=100, help_text=_("如“季度报表脚本”。"))
    scope = forms.ChoiceField(
        label=_("权限范围"), choices=ApiToken.Scope.choices, initial=ApiToken.Scope.READ
    )
