from duban.parsing.blocks import split_paragraphs
from duban.parsing.normalize import normalize
from duban.parsing.state import ParseState


def _paragraphs(text: str) -> list[str]:
    state = ParseState(text=normalize(text))
    split_paragraphs(state)
    return [p.text for p in state.paragraphs]


def test_a_title_broken_over_lines_is_one_paragraph():
    text = "甘肃省2012年经济体制改革\n重点工作意见\n\n　　2012年是关键一年。\n　　一、深化改革"
    assert _paragraphs(text)[0] == "甘肃省2012年经济体制改革重点工作意见"


def test_an_issuer_and_its_date_stay_apart():
    assert _paragraphs("甘肃省人民政府\n二○一二年四月二十八日") == [
        "甘肃省人民政府",
        "二〇一二年四月二十八日",
    ]


def test_a_title_and_its_recipients_stay_apart():
    text = "青河区改革方案\n各街道办事处，区政府各部门："
    assert _paragraphs(text) == ["青河区改革方案", "各街道办事处，区政府各部门："]


def test_hard_wrapped_lines_are_joined_into_paragraphs():
    text = (
        "一、健全生态环境分区管控和国土空间治理体系\n"
        "1．完善生态环境分区管控制度。以生态保护红线、环境\n"
        "质量底线、资源利用上线为基础，动态更新全省生态环境准\n"
        "入清单，将分区管控要求落实到规划环评、项目环评和排污\n"
        "许可审批中，年底前建成系统。（省生态环境厅等负\n"
        "责）\n"
        "2．严格国土空间用途管制。全面实施国土空间规划管理，统\n"
        "筹划定落实耕地和永久基本农田、生态保护红线、城镇开发\n"
        "边界三条控制线。（省自然资源厅负责）\n"
        "— 1 —\n"
    )
    paragraphs = _paragraphs(text)
    assert len(paragraphs) == 3
    assert paragraphs[1].endswith("年底前建成系统。（省生态环境厅等负责）")


def test_label_lines_after_a_task_stay_their_own_paragraphs():
    text = "1.推进标准化建设。\n牵头单位:区政务服务中心\n配合单位:区财政局"
    assert len(_paragraphs(text)) == 3


def test_in_a_hard_wrapped_copy_the_signer_and_the_footer_stay_apart():
    text = (
        "2．严格国土空间用途管制。全面实施国土空间规划管理，统\n"
        "筹划定落实耕地和永久基本农田、生态保护红线、城镇开发\n"
        "边界三条控制线，年底前完成划定。（省自然资源厅负责）\n"
        "3．推进生态保护修复。实施山水林田湖草沙一体化保护修\n"
        "复工程，年内完成修复面积50万亩。（省林业和草原局负责\n"
        "附件：1．生态环境分区管控重点任务分解表和任务清单汇总\n"
        "江川省人民政府\n"
        "2024年1月18日\n"
        "抄送：省委办公厅，省人大常委会办公厅，省政协办公厅。\n"
        "江川省人民政府办公厅　　　　　　　　　2024年1月19日印发\n"
    )
    assert _paragraphs(text)[-5:] == [
        "附件：1．生态环境分区管控重点任务分解表和任务清单汇总",
        "江川省人民政府",
        "2024年1月18日",
        "抄送：省委办公厅，省人大常委会办公厅，省政协办公厅。",
        "江川省人民政府办公厅　　　　　　　　　2024年1月19日印发",
    ]


def test_a_two_line_head_repeated_on_every_page_is_dropped_after_the_first():
    head = "白石市人民政府办公室文件\n白政办发〔2023〕12号\n"
    text = (
        head + "1．推进一网通办。全面梳理政务服务事项，实现高频事项网\n"
        "上可办率达到95%以上，推动更多事项集成办理、跨域通办\n"
        "，年底前完成系统对接。（市政务服务中心负责）\n"
        "2．深化证照分离改革。推行告知承诺制，扩大涉企经营许可\n"
        "- 2 -\n" + head + "事项覆盖面，压减审批环节和申请材料，提升企业办事的\n"
        "便利度和满意度。（市市场监管局会同市司法局负责）\n"
    )
    assert _paragraphs(text) == [
        "白石市人民政府办公室文件",
        "白政办发〔2023〕12号",
        "1．推进一网通办。全面梳理政务服务事项，实现高频事项网上可办率达到95%以上，推动更多"
        "事项集成办理、跨域通办，年底前完成系统对接。（市政务服务中心负责）",
        "2．深化证照分离改革。推行告知承诺制，扩大涉企经营许可事项覆盖面，压减审批环节和申请"
        "材料，提升企业办事的便利度和满意度。（市市场监管局会同市司法局负责）",
    ]
