from pathlib import Path

from duban.parsing import parse_text
from duban.parsing.outline import task_rows, to_markdown

SAMPLE = Path(__file__).resolve().parents[3] / "samples" / "gansu-2012-reform-opinions.txt"


def _founding():
    return parse_text(SAMPLE.read_text(encoding="utf-8"))


def test_the_outline_shows_title_meta_items_and_cited_documents():
    outline = to_markdown(_founding())
    assert outline.startswith("# 甘肃省2012年经济体制改革重点工作意见\n")
    assert "- 文号：甘政发〔2012〕53号" in outline
    assert (
        "### 1.2 （二）抓紧搞好厂办大集体改革\n- 牵头：省政府国资委\n- 配合：省财政厅、省人社厅\n"
        in outline
    )
    assert "- 时限：力争用2-3年时间（2013-12-31 — 2014-12-31）" in outline
    assert "#### 1.6.2 加大对小型微型企业的财税扶持" in outline
    assert (
        "## 引用文件\n\n- 国发〔2012〕12号《关于2012年深化经济体制改革重点工作的意见》\n" in outline
    )
    assert outline.rstrip().endswith(
        "- 甘政发〔2012〕12号《甘肃省人民政府关于印发甘肃省“十二五”节能减排综合性工作方案的通知》"
    )


def test_a_task_with_units_gives_one_row_per_unit():
    rows = task_rows(_founding())
    numbers = [row.number for row in rows]
    assert numbers[:8] == ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6.1", "1.6.2", "1.6.3"]
    unit = rows[6]
    assert (unit.title, unit.lead, unit.co) == (
        "加大对小型微型企业的扶持力度",
        ["省财政厅"],
        ["省工信委", "省国税局", "省地税局"],
    )
    assert unit.text.startswith("加大对小型微型企业的财税扶持。")
    assert "（" not in unit.text[-3:]  # the department list has its own columns


def test_rows_carry_their_area_and_deadline():
    rows = task_rows(_founding())
    assert rows[0].area == "一、继续深化国有企业改革重组，推动非公有制经济加快发展"
    assert rows[1].deadline == "力争用2-3年时间"
    assert len(rows) == 45
