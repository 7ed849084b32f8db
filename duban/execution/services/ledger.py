"""The report ledger (进展台账): everything a unit owes as one .xlsx sheet, filled in offline.

Download: one row per report owed (or returned), prefilled from the unit's last report, so only
what changed needs typing; hidden columns carry the task, the period and the version the row was
based on. Upload: the header is checked, every row is validated with its row number, and the rows
are applied in one transaction — one bad or stale row and nothing is applied.
"""

import io
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from duban.audit import services as audit
from duban.directory.models import Unit, User
from duban.execution.models import ProgressReport
from duban.execution.progress import report_due
from duban.execution.selectors.reports import reports_owed, returned_reports
from duban.execution.services.reports import ReportContent, progress_report_save
from duban.lib.clock import as_of_or_today
from duban.lib.dates import chinese_date
from duban.lib.text import clean_text
from duban.lib.uploads import upload_problem
from duban.lib.xlsx import append_row, body_font, fit_row_height, heading_font
from duban.plans.models import Assignment, Task

SHEET_TITLE = "进展报告"
HEADERS = [
    "序号",
    "任务编号",
    "任务名称",
    "本单位职责",
    "报告期",
    "报送截止",
    "上期情况",
    "推进状态",
    "完成进度（%）",
    "进度说明",
    "本期工作进展",
    "存在问题",
    "下步打算",
    "任务ID",
    "报告期起",
    "版本",
]
COLUMN = {name: index for index, name in enumerate(HEADERS)}
LETTER = {name: get_column_letter(index + 1) for name, index in COLUMN.items()}
# How a row finds its report again; hidden from the person filling in the sheet.
HIDDEN = ["任务ID", "报告期起", "版本"]
WIDTHS = {"序号": 6, "任务编号": 9, "任务名称": 36, "本单位职责": 10, "报告期": 12, "报送截止": 16}
WIDTHS |= {"上期情况": 22, "推进状态": 12, "完成进度（%）": 12, "进度说明": 20}
TEXT_COLUMNS = ["本期工作进展", "存在问题", "下步打算"]
TEXT_WIDTH = 40
STATUS_BY_LABEL = {str(label): value for value, label in ProgressReport.Status.choices}
INSTRUCTIONS = [
    "填报说明",
    "1. 每行是本单位本期应报（或被退回待修改）的一份进展报告，已按上期报告预填，只需修改有变化的内容。",
    "2. “推进状态”从下拉列表中选择；留空的行本次不报送。",
    "3. “完成进度”留空即取状态默认值：未启动0%，按计划推进为年度时间进度（取整到5%），"
    "存在风险减10个百分点，滞后减20个百分点，已完成100%；填写其他数值须在“进度说明”中写明理由。",
    "4. 不要修改灰色的隐藏列（任务ID、报告期起、版本），也不要改动表头。",
    "5. 上传后逐行校验：任一行有误，整表都不导入，请按提示的行号修改后重新上传。",
    "6. 导入成功的各行即为报送，进入统筹协调处室审核。",
]


class LedgerRejected(audit.DomainError):
    """The upload was refused as a whole; `errors` lists each problem with its row number."""

    def __init__(self, errors: list[str]):
        super().__init__("；".join(errors))
        self.errors = errors


@dataclass(frozen=True)
class LedgerRow:
    row_number: int
    task_id: int
    period_start: date
    version: int | None
    content: ReportContent


# ---- Download -------------------------------------------------------------------------------


def _ledger_entries(unit: Unit, as_of: date) -> list[tuple[Assignment, date, date, object]]:
    """(assignment, period start, period end, the report to prefill from) for each row."""
    entries = [
        (owed.assignment, owed.period_start, owed.period_end, owed.report or owed.last_report)
        for owed in reports_owed(unit=unit, as_of=as_of)
    ]
    roles = {a.task_id: a for a in Assignment.objects.live().for_unit(unit).select_related("task")}
    for report in returned_reports(unit=unit):
        if report.task_id in roles:
            entries.append((roles[report.task_id], report.period_start, report.period_end, report))
    return sorted(entries, key=lambda e: (e[1], e[0].task.path))


def ledger_download(*, unit: Unit, as_of: date | None = None) -> bytes:
    """The .xlsx ledger of every report `unit` owes as of `as_of` (default today)."""
    as_of = as_of_or_today(as_of)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET_TITLE
    sheet.append(HEADERS)
    for number, (assignment, start, end, source) in enumerate(
        _ledger_entries(unit, as_of), start=1
    ):
        this_period = source is not None and source.period_start == start
        append_row(sheet, _row(number, assignment, start, end, source, this_period))
    _style(sheet)
    _add_instructions(workbook)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _row(number, assignment, start, end, source, this_period) -> list:
    task = assignment.task
    status = str(source.get_status_display()) if source else ""
    return [
        number,
        task.path,
        task.title,
        assignment.get_role_display(),
        f"{start.year}年{start.month}月"
        if start.month == end.month
        else f"{chinese_date(start)}至{chinese_date(end)}",
        chinese_date(report_due(end)),
        _previous(source, start),
        status,
        source.percent if source and source.percent_reason else None,
        source.percent_reason if source else "",
        source.work_done if source else "",
        source.problems if source else "",
        source.next_steps if source else "",
        task.pk,
        f"{start:%Y-%m-%d}",
        source.version if this_period else None,
    ]


def _previous(source, start: date) -> str:
    """What the row was prefilled from, in words: `按计划推进 65%（2012年8月）`."""
    if source is None:
        return "首次报告"
    when = "本期草稿" if source.period_start == start else f"{source.period_start:%Y年%-m月}"
    return f"{source.get_status_display()} {source.percent}%（{when}）"


_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def _widths() -> list[float]:
    """Each column's width; hidden ones count as wide (they never print, so never wrap)."""
    widths = {name: TEXT_WIDTH for name in TEXT_COLUMNS} | WIDTHS
    return [1000 if name in HIDDEN else widths[name] for name in HEADERS]


def _style(sheet) -> None:
    """An official table on paper: 仿宋 with 黑体 headings, borders, every row as tall as its
    text, the header on every page, A4 landscape fitted to the width."""
    sheet.freeze_panes = "A2"
    widths = _widths()
    for cell in sheet[1]:
        cell.font, cell.border = heading_font(), _BORDER
        cell.fill = PatternFill("solid", fgColor="F2F2F2")
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for name, width in zip(HEADERS, widths, strict=True):
        if name not in HIDDEN:
            sheet.column_dimensions[LETTER[name]].width = width
    body = body_font()
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.font, cell.border = body, _BORDER
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for line in range(1, sheet.max_row + 1):
        fit_row_height(sheet, line, widths)
    for name in HIDDEN:
        sheet.column_dimensions[LETTER[name]].hidden = True
    _page_setup(sheet)
    labels = ",".join(STATUS_BY_LABEL)
    statuses = DataValidation(type="list", formula1=f'"{labels}"', allow_blank=True)
    statuses.error = "请从下拉列表中选择推进状态。"
    last_row = max(sheet.max_row, 2)
    statuses.add(f"{LETTER['推进状态']}2:{LETTER['推进状态']}{last_row}")
    percents = DataValidation(type="whole", operator="between", formula1="0", formula2="100")
    percents.allow_blank = True
    percents.error = "完成进度为0到100之间的整数。"
    percents.add(f"{LETTER['完成进度（%）']}2:{LETTER['完成进度（%）']}{last_row}")
    sheet.add_data_validation(statuses)
    sheet.add_data_validation(percents)


def _page_setup(sheet) -> None:
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as the rows need
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4


def _add_instructions(workbook) -> None:
    sheet = workbook.create_sheet("填报说明")
    for line in INSTRUCTIONS:
        sheet.append([line])
    sheet.column_dimensions["A"].width = 120
    sheet["A1"].font = Font(bold=True)


# ---- Upload ---------------------------------------------------------------------------------


def read_ledger(content: bytes) -> tuple[list[LedgerRow], list[tuple[int, str]]]:
    """The filled-in rows of an uploaded ledger, and (row number, problem) for malformed ones.

    A file that is not the ledger at all (not .xlsx, no sheet, another header) raises
    `LedgerRejected` at once: there are no rows to speak of.
    """
    if problem := upload_problem(content):
        raise LedgerRejected([problem])
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is not .xlsx
        raise LedgerRejected([_("文件不是有效的 Excel（.xlsx）台账。")]) from error
    if SHEET_TITLE not in workbook.sheetnames:
        raise LedgerRejected(
            [_("找不到“{sheet}”工作表，请使用下载的台账填写。").format(sheet=SHEET_TITLE)]
        )
    rows = list(workbook[SHEET_TITLE].iter_rows(values_only=True))
    workbook.close()
    header = [str(v).strip() if v is not None else "" for v in (rows[0] if rows else [])]
    if header[: len(HEADERS)] != HEADERS:
        raise LedgerRejected([_("表头与下载的台账不一致，请勿增删或改动列。")])
    parsed, problems = [], []
    for row_number, values in enumerate(rows[1:], start=2):
        cells = list(values) + [None] * (len(HEADERS) - len(values))
        if _blank(cells[COLUMN["推进状态"]]):
            continue  # 状态留空的行本次不报送
        try:
            parsed.append(_parse_row(row_number, cells))
        except ValueError as error:
            problems.append((row_number, str(error)))
    return parsed, problems


def _blank(value) -> bool:
    return value is None or str(value).strip() == ""


def _text(value) -> str:
    return "" if value is None else clean_text(str(value)).strip()


def _parse_row(row_number: int, cells: list) -> LedgerRow:
    status_label = _text(cells[COLUMN["推进状态"]])
    if status_label not in STATUS_BY_LABEL:
        raise ValueError(_("推进状态“{label}”不在下拉列表中。").format(label=status_label))
    try:
        task_id = int(cells[COLUMN["任务ID"]])
        period_start = date.fromisoformat(_text(cells[COLUMN["报告期起"]])[:10])
        version = None if _blank(cells[COLUMN["版本"]]) else int(cells[COLUMN["版本"]])
    except (TypeError, ValueError):
        raise ValueError(_("隐藏列（任务ID、报告期起、版本）被改动，请重新下载台账。")) from None
    return LedgerRow(
        row_number=row_number,
        task_id=task_id,
        period_start=period_start,
        version=version,
        content=ReportContent(
            status=STATUS_BY_LABEL[status_label],
            percent=_percent(cells[COLUMN["完成进度（%）"]]),
            percent_reason=_text(cells[COLUMN["进度说明"]]),
            work_done=_text(cells[COLUMN["本期工作进展"]]),
            problems=_text(cells[COLUMN["存在问题"]]),
            next_steps=_text(cells[COLUMN["下步打算"]]),
        ),
    )


def _percent(value) -> int | None:
    if _blank(value):
        return None
    try:
        number = float(str(value).strip().rstrip("%"))
    except ValueError:
        raise ValueError(_("完成进度“{value}”不是数字。").format(value=value)) from None
    if not number.is_integer() or not 0 <= number <= 100:
        raise ValueError(_("完成进度须为0到100之间的整数。"))
    return int(number)


class _Rollback(Exception):
    pass


def ledger_upload(*, unit: Unit, content: bytes, by: User) -> list[ProgressReport]:
    """Submit every filled-in row of the ledger as `unit`'s report, all or nothing.

    Raises `LedgerRejected` with one message per bad row, in row order, so that one upload
    shows everything to fix: a malformed cell, a task the unit is not assigned to, a percent
    off the default without a reason, a report submitted or changed since the download.
    """
    rows, problems = read_ledger(content)
    tasks = Task.objects.select_related("plan").in_bulk([row.task_id for row in rows])
    saved = []
    try:
        with transaction.atomic():
            for row in rows:
                try:
                    saved.append(_apply_row(row, tasks.get(row.task_id), unit, by))
                except (audit.DomainError, audit.StaleEdit) as error:
                    problems.append((row.row_number, str(error)))
            if problems:
                raise _Rollback
    except _Rollback:
        errors = [
            _("第{row}行：{problem}").format(row=number, problem=problem)
            for number, problem in sorted(problems, key=lambda p: p[0])
        ]
        raise LedgerRejected(errors) from None
    return saved


STALE_ROW = gettext_lazy("该报告在下载台账后已被修改或报送，请重新下载台账后填写。")


def _apply_row(row: LedgerRow, task: Task | None, unit: Unit, by: User) -> ProgressReport:
    if task is None:
        raise audit.DomainError(_("任务不存在，请重新下载台账。"))
    try:
        return progress_report_save(
            task=task,
            unit=unit,
            period_start=row.period_start,
            content=row.content,
            seen_version=row.version,
            submit=True,
            by=by,
        )
    except audit.StaleEdit:
        raise audit.StaleEdit(STALE_ROW) from None
