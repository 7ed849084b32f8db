"""The founding document (甘肃省2012年经济体制改革重点工作意见) parses to its gold annotation:
1.0 on every metric of the project scorer.

The text, the gold and the scorer are the repository's copies (``samples/``,
``tests/parsing/gold/``, ``tests/parsing/score.py``), so the test needs nothing outside it.
"""

import importlib.util
import json
from pathlib import Path

import pytest

from duban.parsing import parse_text

REPO = Path(__file__).resolve().parents[3]
TEXT = REPO / "samples" / "gansu-2012-reform-opinions.txt"
GOLD = REPO / "tests" / "parsing" / "gold" / "gansu-2012-reform-opinions.gold.json"
SCORER = REPO / "tests" / "parsing" / "score.py"
SHARED_SCORER = REPO.parent / "shared" / "eval" / "score.py"
METRICS = ("structure_f1", "units_f1", "lead_acc", "cited_f1", "meta_acc")


def _load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("duban_document_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def parsed() -> dict:
    return parse_text(TEXT.read_text(encoding="utf-8")).to_json()


@pytest.fixture(scope="module")
def gold() -> dict:
    return json.loads(GOLD.read_text(encoding="utf-8"))


@pytest.mark.parametrize("metric", METRICS)
def test_every_metric_is_perfect(parsed, gold, metric):
    assert _load_scorer(SCORER).score(gold, parsed)[metric] == 1.0


def test_the_output_follows_the_schema(parsed):
    assert parsed["schema"] == "duban.document/1"
    assert set(parsed) == {"schema", "meta", "items", "cited_documents", "closing"}
    assert set(parsed["meta"]) == {"title", "doc_number", "issuer", "date", "recipients"}


def test_the_closing_is_not_an_item(parsed):
    assert parsed["closing"]["text"].startswith("各市州和各项改革的牵头部门要")
    assert [d["text"] for d in parsed["closing"]["deadlines"]] == ["5月中旬前", "年内"]
    last_task = parsed["items"][-1]["children"][-1]
    assert "各市州和各项改革" not in last_task["text"]


def test_parsing_is_deterministic():
    text = TEXT.read_text(encoding="utf-8")
    assert parse_text(text).to_json() == parse_text(text).to_json()


@pytest.mark.skipif(not SHARED_SCORER.exists(), reason="the shared scorer is not checked out")
def test_the_scorer_copy_is_the_shared_scorer():
    assert SCORER.read_text(encoding="utf-8") == SHARED_SCORER.read_text(encoding="utf-8")
