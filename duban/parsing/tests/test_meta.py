from duban.parsing import parse_text
from duban.parsing.tests.fixtures import parametrize_examples


def _render(meta) -> list[str]:
    lines = [
        f"{field}: {getattr(meta, field)}"
        for field in ("title", "doc_number", "issuer", "date")
        if getattr(meta, field)
    ]
    if meta.recipients:
        lines.append("recipients: " + " | ".join(meta.recipients))
    return lines


@parametrize_examples("meta.txt")
def test_meta(example):
    assert _render(parse_text(example.text).meta) == example.expected


def test_the_plan_year_defaults_to_the_documents_year():
    doc = parse_text(
        "甘肃省2012年改革要点\n一、深化改革\n（一）做好工作，年底前完成。（省财政厅负责）"
    )
    assert doc.items[0].children[0].deadlines[0].end == "2012-12-31"


def test_a_given_plan_year_wins():
    doc = parse_text("甘肃省2012年改革要点\n一、深化改革。年底前完成", year=2013)
    assert doc.items[0].deadlines[0].end == "2013-12-31"
