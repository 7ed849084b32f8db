"""Footers (版记) are neither items nor closing text, in simplified or traditional copies."""

import pytest

from duban.parsing import parse_text

BODY = "关于做好春耕工作的通知\n一、稳定面积\n（一）稳定播种面积。（县农业农村局负责）\n"
SIGNATURE = "青禾县人民政府办公室\n2023年3月1日\n"
FOOTERS = {
    "simplified": "抄送：县委办公室。\n青禾县人民政府办公室　　2023年3月2日印发\n",
    "traditional": "抄送：縣委辦公室，縣人大常委會辦公室。\n青禾縣人民政府辦公室　　2023年3月2日印發\n",
    "published": "（此件公开发布）\n",
    "contact": "（联系人：李明，电话：0000-1234567）\n",
    "contact traditional": "（聯繫人：李明，電話：0000-1234567）\n",
}


@pytest.mark.parametrize("footer", FOOTERS.values(), ids=FOOTERS.keys())
def test_a_footer_below_the_signature_is_no_closing(footer):
    doc = parse_text(BODY + SIGNATURE + footer)
    assert doc.closing is None
    assert [item.path for item in doc.walk()] == ["1", "1.1"]
    assert (doc.meta.issuer, doc.meta.date) == ("青禾县人民政府办公室", "2023-03-01")


def test_a_footer_without_a_signature_is_no_closing():
    doc = parse_text(BODY + FOOTERS["traditional"])
    assert doc.closing is None


def test_the_closing_keeps_its_text_and_loses_the_footer():
    closing = "各乡镇要于3月底前报送进展情况。\n"
    doc = parse_text(BODY + closing + SIGNATURE + FOOTERS["traditional"])
    assert doc.closing.text == closing.strip()


def test_the_attachment_list_above_the_signature_is_no_item():
    attachments = "附件：1．春耕生产任务分解表\n2．春耕生产联络员名单\n"
    doc = parse_text(BODY.replace("（一）", "1．") + attachments + SIGNATURE)
    assert [item.path for item in doc.walk()] == ["1", "1.1"]
    assert doc.closing is None
    assert doc.meta.date == "2023-03-01"


def test_the_attachment_list_below_the_signature_is_no_item():
    attachments = "附件：1．春耕生产任务分解表\n2．春耕生产联络员名单\n"
    doc = parse_text(
        BODY.replace("（一）", "1．") + SIGNATURE + attachments + FOOTERS["simplified"]
    )
    assert [item.path for item in doc.walk()] == ["1", "1.1"]
    assert doc.closing is None
    assert (doc.meta.issuer, doc.meta.date) == ("青禾县人民政府办公室", "2023-03-01")
