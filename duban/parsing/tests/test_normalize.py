from duban.parsing.normalize import normalize, recognition_view


def test_line_ends_of_every_platform_become_newlines():
    assert normalize("一\r\n二\r三\n") == "一\n二\n三\n"


def test_kangxi_radicals_become_unified_ideographs():
    assert normalize("⼀、深化⽣态⽂明体制改⾰") == "一、深化生态文明体制改革"


def test_radicals_supplement_forms_become_unified_ideographs():
    assert normalize("江川省⼈⺠政府，省政府各部⻔") == "江川省人民政府，省政府各部门"


def test_it_is_not_a_blanket_nfkc():
    # NFKC would turn full-width punctuation and the ideographic space half-width.
    assert normalize("（一）推进，\u3000改革：") == "（一）推进，\u3000改革："


def test_a_written_out_year_uses_the_ideographic_zero():
    assert normalize("二○一二年四月二十八日") == "二〇一二年四月二十八日"
    assert normalize("二零二三年") == "二〇二三年"


def test_zero_outside_a_year_is_left_alone():
    assert normalize("零差率销售，○号文件") == "零差率销售，○号文件"


def test_full_width_digits_become_ascii():
    assert normalize("１２月底前") == "12月底前"


def test_the_recognition_view_folds_punctuation_and_traditional_markers_one_for_one():
    text = "(省財政廳牽頭,省農牧廳參與;負責單位:省編辦)"
    view = recognition_view(text)
    assert view == "（省财政厅牵头，省農牧廳参与；负责单位：省编办）"
    assert len(view) == len(text)


def test_the_text_keeps_traditional_names():
    assert normalize("省財政廳牽頭") == "省財政廳牽頭"
