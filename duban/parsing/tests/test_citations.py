from duban.parsing import parse_text
from duban.parsing.citations import find_citations, unique_citations


def test_a_number_with_its_title():
    [cited] = find_citations(
        "贯彻落实《甘肃省人民政府关于推进合作的意见》（甘政发〔2011〕41号）精神"
    )
    assert (cited.number, cited.title) == ("甘政发〔2011〕41号", "甘肃省人民政府关于推进合作的意见")


def test_every_bracket_style_is_normalised():
    text = "甘政发[2011]1号、甘政发（2011）2号、甘政发【2011】3号、甘政发［2011］4号、甘政发﹝2011﹞5号"
    assert [c.number for c in find_citations(text)] == [f"甘政发〔2011〕{n}号" for n in range(1, 6)]


def test_a_bare_number_has_no_title_and_leading_words_are_not_part_of_it():
    [cited] = find_citations("根据甘政办发〔2012〕38号文件要求")
    assert (cited.number, cited.title) == ("甘政办发〔2012〕38号", None)


def test_unique_in_first_seen_order_without_the_own_number():
    found = find_citations("甲发〔2011〕2号，乙发〔2011〕1号，甲发〔2011〕2号，本发〔2012〕9号")
    numbers = [c.number for c in unique_citations(found, own_number="本发〔2012〕9号")]
    assert numbers == ["甲发〔2011〕2号", "乙发〔2011〕1号"]


def test_items_list_the_numbers_in_their_own_text():
    doc = parse_text(
        "（甘政发〔2012〕53号）\n一、深化改革\n（一）贯彻《意见》（甘政发〔2011〕41号）。（省财政厅负责）"
    )
    assert doc.items[0].children[0].cited_documents == ["甘政发〔2011〕41号"]
    assert [c.number for c in doc.cited_documents] == ["甘政发〔2011〕41号"]
