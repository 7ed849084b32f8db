"""`duban parse FILE [--format json|md|xlsx] [--year YYYY] [-o OUT]` on good input."""

import json
from pathlib import Path

from duban.parsing.cli import main
from duban.parsing.files import parse_file

from .score import score

CORPUS = Path(__file__).parent / "corpus"
OPINIONS = CORPUS / "jiangchuan-2023-reform-opinions.txt"
GOLD = json.loads((CORPUS / "jiangchuan-2023-reform-opinions.gold.json").read_text("utf-8"))


def test_json_goes_to_standard_output_unescaped(capsys):
    assert main([str(OPINIONS)]) == 0
    out = capsys.readouterr().out
    assert "江川省2023年经济体制改革重点工作意见" in out  # ensure_ascii=False
    document = json.loads(out)
    assert document["schema"] == "duban.document/1"
    assert min(score(GOLD, document).values()) >= 0.95


def test_a_leading_parse_word_is_accepted(capsys):
    assert main(["parse", str(OPINIONS), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["meta"]["doc_number"] == "川政发〔2023〕18号"


def test_output_goes_to_a_file_with_o(tmp_path, capsys):
    out = tmp_path / "plan.json"
    assert main([str(OPINIONS), "-o", str(out)]) == 0
    assert capsys.readouterr().out == ""
    assert json.loads(out.read_text(encoding="utf-8"))["items"][0]["label"] == "一、"


def test_year_resolves_deadlines_against_the_plan_year(tmp_path):
    out = tmp_path / "plan.json"
    assert main([str(OPINIONS), "--year", "2030", "-o", str(out)]) == 0
    closing = json.loads(out.read_text(encoding="utf-8"))["closing"]
    assert any(d["end"] and d["end"].startswith("2030-") for d in closing["deadlines"])


def test_markdown_outline(capsys):
    assert main([str(OPINIONS), "--format", "md"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# 江川省2023年经济体制改革重点工作意见")
    assert "省政府国资委" in out


def test_the_xlsx_task_table_reads_back_to_the_same_tree(tmp_path):
    """Export the task table, read it back through the table path: items and units survive."""
    out = tmp_path / "tasks.xlsx"
    assert main([str(OPINIONS), "--format", "xlsx", "-o", str(out)]) == 0
    again = parse_file(out).to_json()
    metrics = score(GOLD, again)
    assert metrics["structure_f1"] >= 0.95
    assert metrics["units_f1"] >= 0.95
    assert metrics["lead_acc"] >= 0.95
    assert again["meta"]["title"] == GOLD["meta"]["title"]
