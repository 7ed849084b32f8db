"""Forms of the coordination pages: they shape input only; the rules live in the services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from duban.coordination.models import CoordinationIssue, Outcome
from duban.directory.models import Unit
from duban.lib.clock import today
from duban.lib.text import TextField


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        # A date input takes ISO dates only, whatever the page's language.
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"


class UnitChoices(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, unit: Unit) -> str:
        return unit.short_name or unit.name


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class IssueForm(forms.Form):
    title = TextField(label=_("事项"), max_length=200, help_text=_("一句话说明需要协调解决什么。"))
    blocker = TextField(
        label=_("存在问题"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("什么卡住了任务：涉及哪些政策、审批、资金或职责交叉。"),
    )
    needed_units = UnitChoices(label=_("需协调单位"), queryset=Unit.objects.none())
    urgency = forms.ChoiceField(
        label=_("紧急程度"),
        choices=CoordinationIssue.Urgency.choices,
        initial=CoordinationIssue.Urgency.NORMAL,
    )
    evidence = TextField(
        label=_("依据和材料"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("相关文件、往来函件、数据，写明名称和文号。"),
    )

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["needed_units"].queryset = units if units is not None else Unit.objects.none()


class ReplyForm(forms.Form):
    text = TextField(label=_("答复意见"), widget=forms.Textarea(attrs={"rows": 4}))


class WithdrawIssueForm(VersionForm):
    reason = TextField(label=_("撤回理由"), required=False, max_length=300)


class CloseIssueForm(VersionForm):
    note = TextField(label=_("办结说明"), widget=forms.Textarea(attrs={"rows": 3}))


class MeetingForm(forms.Form):
    title = TextField(label=_("会议名称"), max_length=200)
    date = forms.DateField(label=_("会议日期"), widget=DateInput)
    start_time = forms.TimeField(label=_("开始时间"), required=False, widget=TimeInput)
    place = TextField(label=_("会议地点"), max_length=200)
    chair = TextField(
        label=_("主持人"), max_length=100, help_text=_("如“省发展改革委副主任 张明”。")
    )


class MeetingUnitsForm(VersionForm):
    units = UnitChoices(label=_("参会单位"), queryset=Unit.objects.none(), required=False)

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["units"].queryset = units if units is not None else Unit.objects.none()


class AgendaForm(forms.Form):
    issue = forms.IntegerField(required=False, widget=forms.HiddenInput)
    task = forms.IntegerField(required=False, widget=forms.HiddenInput)
    reason = TextField(required=False, max_length=200, widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        if not (data.get("issue") or data.get("task")):
            raise forms.ValidationError(_("请选择要列入议题的协调事项或任务。"))
        return data


class OutcomeForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("类型"), choices=Outcome.Kind.choices, initial=Outcome.Kind.DECISION
    )
    agenda_item = forms.TypedChoiceField(
        label=_("议题"), coerce=int, required=False, empty_value=None
    )
    text = TextField(label=_("内容"), widget=forms.Textarea(attrs={"rows": 3}))
    owner_unit = forms.ModelChoiceField(
        label=_("责任单位"),
        queryset=Unit.objects.none(),
        required=False,
        help_text=_("议定事项和工作安排必填。"),
    )
    co_units = UnitChoices(label=_("配合单位"), queryset=Unit.objects.none(), required=False)
    due_date = forms.DateField(
        label=_("完成时限"),
        required=False,
        widget=DateInput,
        help_text=_("议定事项和工作安排必填。"),
    )
    issues = forms.ModelMultipleChoiceField(
        label=_("解决的协调事项"),
        queryset=CoordinationIssue.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, meeting=None, units=None, issues=None, **kwargs):
        super().__init__(*args, **kwargs)
        units = units if units is not None else Unit.objects.none()
        self.fields["owner_unit"].queryset = units
        self.fields["co_units"].queryset = units
        self.fields["issues"].queryset = (
            issues if issues is not None else CoordinationIssue.objects.none()
        )
        items = list(meeting.agenda.all()) if meeting else []
        self.fields["agenda_item"].choices = [("", "—")] + [(i.pk, str(i)) for i in items]


class CloseMeetingForm(VersionForm):
    summary = TextField(
        label=_("会议概况"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("纪要开头的一段：会议研究了什么，形成哪些共识。"),
    )


class ProgressForm(forms.Form):
    note = TextField(label=_("进展情况"), widget=forms.Textarea(attrs={"rows": 3}))


class DoneForm(VersionForm):
    met_on = forms.DateField(label=_("办结日期"), widget=DateInput, initial=today)
    evidence = TextField(
        label=_("办结依据"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("印发的文件、签署的协议或其他成果，写明名称和文号。"),
    )
