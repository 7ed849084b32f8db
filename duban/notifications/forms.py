from django import forms
from django.utils.translation import gettext_lazy as _

from duban.notifications import webhook_url
from duban.notifications.models import Channel


class PreferencesForm(forms.Form):
    in_app = forms.BooleanField(label=Channel.IN_APP.label, required=False)
    email = forms.BooleanField(label=Channel.EMAIL.label, required=False)
    webhook = forms.BooleanField(label=Channel.WEBHOOK.label, required=False)

    def clean(self):
        data = super().clean()
        # Reminders and 催办 must reach a person somehow; a blank form is a slip, not a choice.
        if not any(data.get(channel) for channel in Channel.values):
            raise forms.ValidationError(_("请至少保留一种接收方式，否则将收不到提醒和督办通知。"))
        return data


class WebhookForm(forms.Form):
    url = forms.URLField(label=_("推送地址"), max_length=500, assume_scheme="https")
    secret = forms.CharField(
        label=_("签名密钥"), max_length=128, required=False, help_text=_("留空则保留原密钥。")
    )
    active = forms.BooleanField(label=_("启用"), required=False, initial=True)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def clean_url(self):
        url = self.cleaned_data["url"]
        webhook_url.check_webhook_url(url)
        return url
