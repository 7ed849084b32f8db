"""Each item carries a confidence and the doubts behind it; a plain item is fully certain."""

from duban.parsing import parse_text
from duban.parsing.confidence import DOUBTS, confidence_of

TEXT = """一、深化改革
1．推进政务服务改革。（市政务服务中心负责）
2．实施重点项目。重点推进以下项目：
1．川北港区扩建项目。（市交通运输局负责）
3、保障项目用地。按规定办理。
4．加强融资服务。（河阳、川北市政府负责）
5．完善机制。第一句（市财政局负责）。第二句（市税务局负责）。
"""


def doubts_by_path(text: str) -> dict[str, list[str]]:
    return {item.path: item.doubts for item in parse_text(text).walk()}


def test_each_doubt_is_noted_where_it_arises():
    assert doubts_by_path(TEXT) == {
        "1": [],
        "1.1": [],
        "1.2": [],
        "1.2.1": ["nested-restart"],
        "1.3": ["mark-mistyped", "no-department"],
        "1.4": ["unmarked-name"],
        "1.5": [],
        "1.5.1": ["split-into-units"],
        "1.5.2": ["split-into-units"],
    }


def test_confidence_is_the_product_of_the_doubts_weights():
    items = {item.path: item for item in parse_text(TEXT).walk()}
    assert items["1.1"].confidence == 1.0
    assert items["1.3"].confidence == confidence_of(["mark-mistyped", "no-department"])
    assert items["1.3"].confidence < items["1.2.1"].confidence < 1.0
    assert all(0 < 1 - weight < 1 for weight, _ in DOUBTS.values())


def test_confidence_reaches_the_json():
    item = parse_text(TEXT).to_json()["items"][0]["children"][0]
    assert (item["confidence"], item["doubts"]) == (1.0, [])
