"""Forms of the report pages: they shape input only; the rules live in the services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from duban.execution.models import ProgressReport
from duban.execution.services.evidence import ALLOWED_LABELS, EvidenceRejected, check_file
from duban.lib.text import TextField
from duban.lib.uploads import upload_problem

PERCENT_HELP = _(
    "留空即按状态取默认值：未启动 0%；按计划推进为年度时间进度（取整到5%）；"
    "存在风险减10个百分点；滞后减20个百分点；已完成 100%。填写其他数值须说明理由。"
)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class EvidenceFilesField(forms.FileField):
    """Any number of files, each checked by content and size; an error names the file."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        if not files and self.required:
            raise forms.ValidationError(_("请选择要上传的文件。"))
        checked, errors = [], []
        for upload in files:
            content = upload.read()
            try:
                check_file(upload.name, content)
            except EvidenceRejected as error:
                errors.append(str(error))
            checked.append((upload.name, content))
        if errors:
            raise forms.ValidationError(errors)
        return checked


def evidence_field(required: bool = False) -> EvidenceFilesField:
    return EvidenceFilesField(
        label=_("佐证材料"),
        required=required,
        help_text=_("可多选；接受 {allowed}，单个文件不超过上限。").format(allowed=ALLOWED_LABELS),
    )


class ProgressReportForm(forms.Form):
    status = forms.ChoiceField(
        label=_("推进状态"),
        choices=ProgressReport.Status.choices,
        widget=forms.RadioSelect,
    )
    percent = forms.IntegerField(
        label=_("完成进度（%）"), required=False, min_value=0, max_value=100, help_text=PERCENT_HELP
    )
    percent_reason = TextField(
        label=_("进度说明"),
        required=False,
        max_length=255,
        help_text=_("进度与默认值不同时填写，如“提前完成立法调研”。"),
    )
    work_done = TextField(
        label=_("本期工作进展"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("本期做了哪些工作、取得了哪些成效；已按上期报告预填，只改有变化的部分。"),
    )
    problems = TextField(
        label=_("存在问题"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    next_steps = TextField(
        label=_("下步打算"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    files = evidence_field()
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)


class EvidenceForm(forms.Form):
    files = evidence_field(required=True)


class ReviewForm(forms.Form):
    comment = TextField(
        label=_("审核意见"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("退回时必须写明理由，报送单位将据此修改。"),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class LedgerUploadForm(forms.Form):
    file = forms.FileField(
        label=_("填好的台账"),
        help_text=_("上传从本页下载、填写完毕的 .xlsx 台账；任一行有误则整表不导入。"),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if problem := upload_problem(upload):
            raise forms.ValidationError(problem)
        return upload
