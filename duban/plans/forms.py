"""Input shapes for the plans pages; domain checks live in the services."""

from pathlib import Path

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from duban.directory.models import Region, Unit
from duban.lib.text import TEXT_MAX, TextField
from duban.lib.uploads import upload_problem
from duban.plans.models import Assignment, Plan, Task

DOCUMENT_SUFFIXES = (".txt", ".docx", ".pdf", ".xlsx")


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("文件"),
        required=False,
        help_text=_("年度改革文件或任务分解表：.txt、.docx、.pdf、.xlsx"),
    )
    year = forms.IntegerField(
        label=_("计划年度"),
        min_value=2000,
        max_value=2100,
        required=False,
        help_text=_("不填则取文件的成文年份。"),
    )
    region = forms.ModelChoiceField(
        label=_("所属区域"),
        queryset=Region.objects.all(),
        required=False,
        help_text=_("不选则按发文机关确定；单位名称按该区域识别。"),
    )

    def __init__(self, *args, held: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        # A file kept from the last attempt (it lacked only its year) need not be chosen again.
        self.held = held

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload is None:
            if not self.held:
                raise forms.ValidationError(_("请选择要上传的文件。"))
            return None
        if Path(upload.name).suffix.lower() not in DOCUMENT_SUFFIXES:
            raise forms.ValidationError(_("只能上传 .txt、.docx、.pdf 或 .xlsx 文件。"))
        if upload.size > settings.DUBAN_UPLOAD_MAX_BYTES:
            raise forms.ValidationError(_("文件太大。"))
        return upload


class TableForm(forms.Form):
    file = forms.FileField(label=_("任务分解表（.xlsx）"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if Path(upload.name).suffix.lower() != ".xlsx":
            raise forms.ValidationError(_("请上传 .xlsx 格式的任务分解表。"))
        if problem := upload_problem(upload):
            raise forms.ValidationError(problem)
        return upload


class VersionedForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = TextField(
        label=_("修改理由"),
        required=False,
        max_length=100,
        help_text=_("计划发布后，每项修改都须说明理由。"),
    )


class TaskForm(VersionedForm):
    title = TextField(label=_("标题"), max_length=500)
    text = TextField(
        label=_("具体内容"), max_length=TEXT_MAX, widget=forms.Textarea(attrs={"rows": 5})
    )
    kind = forms.ChoiceField(label=_("任务性质"), choices=Task.Kind.choices)
    due_date = forms.DateField(
        label=_("完成时限"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    due_text = TextField(label=_("时限原文"), max_length=64, required=False)
    lead_note = TextField(label=_("牵头说明"), max_length=255, required=False)

    @classmethod
    def for_task(cls, task: Task, data=None):
        initial = {name: getattr(task, name) for name in cls.declared_fields if hasattr(task, name)}
        return cls(data, initial=initial, prefix=f"t{task.pk}")


class SplitForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    offset = forms.IntegerField(label=_("拆分位置（字符序号）"), min_value=1)


class StructureForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class AssignmentAddForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("单位"), queryset=Unit.objects.active())
    role = forms.ChoiceField(label=_("职责"), choices=Assignment.Role.choices)
    reason = TextField(label=_("修改理由"), max_length=100, required=False)


class AssignmentChangeForm(forms.Form):
    role = forms.ChoiceField(choices=Assignment.Role.choices, required=False)
    reason = TextField(label=_("修改理由"), max_length=100, required=False)


class NameMapForm(forms.Form):
    """A name as written, and what it means: a unit chosen or typed, or a collective's set."""

    name = TextField(max_length=100)
    unit = forms.ModelChoiceField(
        label=_("对应单位"), queryset=Unit.objects.active(), required=False
    )
    # Any unit of the directory, typed from the page's one shared list of full names.
    unit_name = TextField(label=_("单位全称"), max_length=100, required=False)
    members = forms.CharField(label=_("泛指范围"), max_length=32, required=False)

    def clean(self):
        data = super().clean()
        typed = data.get("unit_name")
        if not data.get("unit") and typed:
            data["unit"] = Unit.objects.active().filter(name=typed).first()
            if data["unit"] is None:
                self.add_error("unit_name", _("名录中没有名为“%(name)s”的单位。") % {"name": typed})
        if not data.get("unit") and not data.get("members") and not self.errors:
            raise forms.ValidationError(_("请选择对应的单位。"))
        return data


class NewUnitForm(forms.Form):
    """A unit the directory lacks, for the name as written (`name`, its short name)."""

    name = TextField(max_length=50)
    full_name = TextField(label=_("单位全称"), max_length=100)
    kind = forms.ChoiceField(label=_("类别"), choices=Unit.Kind.choices)


class PlanForm(VersionedForm):
    title = TextField(label=_("计划名称"), max_length=255)
    filing_deadline = forms.DateField(
        label=_("实施方案备案截止日期"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    filing_deadline_text = TextField(label=_("文件原文"), max_length=64, required=False)
    report_cadence = forms.ChoiceField(label=_("进展报送周期"), choices=Plan.Cadence.choices)


class CitiesForm(VersionedForm):
    applies = forms.BooleanField(required=False)
