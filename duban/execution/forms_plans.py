"""Input shapes for implementation plans, milestones, extensions and 批示; rules live in services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from duban.lib.clock import today
from duban.lib.text import TextField


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class VersionedForm(forms.Form):
    """Carries the version the user saw, so a save over someone else's change is refused."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class ImplementationPlanForm(VersionedForm):
    narrative = TextField(
        label=_("总体安排"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("简要说明本单位的实施步骤、责任分工和保障措施，几段话即可。"),
    )


class CommitmentForm(VersionedForm):
    criterion = TextField(
        label=_("完成标准"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("年底前做到什么程度算完成，例如“出台实施办法并印发执行”。"),
    )
    steps = TextField(
        label=_("实施步骤"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("可选：分几步推进，各步大致时间。"),
    )

    def __init__(self, *args, multi_year: bool = False, form_id: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        # The fields sit in the task's card, outside the <form> element they belong to.
        if form_id:
            for field in self.fields.values():
                field.widget.attrs["form"] = form_id
        if multi_year:
            # 跨年度任务: the document asks for a breakthrough this year, not completion.
            self.fields["criterion"].label = _("今年要取得的突破")
            self.fields["criterion"].help_text = _(
                "跨年度任务写明今年要取得的阶段性突破，例如“完成试点方案并在两个市州启动试点”。"
            )


class MilestoneForm(forms.Form):
    title = TextField(
        label=_("节点"),
        max_length=255,
        help_text=_("要完成的具体工作，如“形成初稿”。"),
    )
    due_date = forms.DateField(label=_("完成时限"), widget=DateInput)
    deliverable = TextField(
        label=_("成果形式"),
        max_length=255,
        required=False,
        help_text=_("如：调研报告、文件、会议纪要。"),
    )
    responsible_person = TextField(
        label=_("责任人"), max_length=64, required=False, help_text=_("姓名及职务。")
    )


class MilestoneEditForm(MilestoneForm, VersionedForm):
    pass


class MilestoneTickForm(VersionedForm):
    met_on = forms.DateField(label=_("完成日期"), widget=DateInput, initial=today)
    met_note = TextField(
        label=_("完成情况及佐证材料"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("写明完成了什么、有何材料可查，如文件名称和文号。"),
    )
    evidence = forms.FileField(
        label=_("佐证材料"),
        required=False,
        help_text=_("可选：上传印发的文件、会议纪要等（PDF、Word、Excel、PNG、JPG）。"),
    )


class ReviewForm(VersionedForm):
    comment = TextField(
        label=_("审核意见"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("备案时可不填；退回时须写明修改意见。"),
    )


class ExtensionRequestForm(forms.Form):
    new_due = forms.DateField(label=_("申请延至"), widget=DateInput, help_text=_("须晚于原时限。"))
    reason = TextField(
        label=_("申请理由"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("说明不能按期完成的原因和已采取的措施。"),
    )


class ExtensionDecisionForm(VersionedForm):
    comment = TextField(
        label=_("审批意见"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("不批准时须写明理由。"),
    )


class LeaderCommentForm(forms.Form):
    text = TextField(
        label=_("批示内容"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("批示将即时显示给承担该任务的单位。"),
    )


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("附件"),
        help_text=_("如盖章的实施方案正式文本、任务分解表（PDF、Word、Excel、PNG、JPG）。"),
    )
