"""Every document of the genre corpus parses to its gold annotation (every metric ≥ 0.98).

A new layout or format is a new input file and its `NAME.gold.json` in `corpus/`, not a new
test function.
"""

import json
from pathlib import Path

import pytest

from duban.parsing.files import parse_file

from .score import score

CORPUS = Path(__file__).parent / "corpus"
FLOOR = 0.98
INPUTS = sorted(
    path
    for path in CORPUS.iterdir()
    if path.is_file() and path.suffix in {".txt", ".docx", ".pdf", ".xlsx"}
)


def gold_for(path: Path) -> dict:
    return json.loads((CORPUS / f"{path.stem}.gold.json").read_text(encoding="utf-8"))


def test_the_corpus_covers_every_input_format():
    formats = {path.suffix for path in INPUTS}
    assert formats == {".txt", ".docx", ".pdf", ".xlsx"}
    assert len(INPUTS) >= 8


@pytest.mark.parametrize("path", INPUTS, ids=[path.name for path in INPUTS])
def test_document_matches_its_gold_annotation(path):
    predicted = parse_file(path).to_json()
    metrics = score(gold_for(path), predicted)
    below = {name: value for name, value in metrics.items() if value < FLOOR}
    assert not below, f"{path.name}: {metrics}"
