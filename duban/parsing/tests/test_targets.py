import pytest

from duban.parsing import find_targets

# text → (target text, value, unit, comparator)
TARGETS = [
    ("打造一批资产超千亿元的产业集群", "超千亿元", 1000, "亿元", ">"),
    ("重点支持兰州银行发行50亿元小型微型企业金融债券", "50亿元", 50, "亿元", None),
    ("专项资金80%以上应主要用于小型微型企业发展", "80%以上", 80, "%", ">="),
    ("贷款增速不低于全部贷款平均增速，探索差异化监管", "不低于全部贷款平均增速", None, None, ">="),
    ("全面推开20类大病保障", "20类大病", 20, "类", None),
    ("组织实施14项重点工程和6项改革试点任务", "14项重点工程", 14, "项", None),
    ("缩短审批时限30％以上", "30％以上", 30, "%", ">="),
    ("覆盖率达到95.5%", "达到95.5%", 95.5, "%", ">="),
    ("新增就业不少于3万人", "不少于3万人", 3, "万人", ">="),
]


@pytest.mark.parametrize(
    ("text", "phrase", "value", "unit", "comparator"), TARGETS, ids=[t[1] for t in TARGETS]
)
def test_a_target_is_read_from_the_text(text, phrase, value, unit, comparator):
    target = find_targets(text)[0]
    assert (target.text, target.value, target.unit, target.comparator) == (
        phrase,
        value,
        unit,
        comparator,
    )


def test_every_target_of_a_sentence_is_found_in_order():
    found = find_targets("组织实施14项重点工程和6项改革试点任务")
    assert [t.text for t in found] == ["14项重点工程", "6项改革试点任务"]


def test_years_dates_and_document_numbers_are_not_targets():
    assert find_targets("2012年4月28日，按照甘政发〔2011〕41号要求，力争用2-3年时间") == []
