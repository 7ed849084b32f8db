"""Domain vocabulary of the parser, kept as data so the reform office can review it.

One phrase per entry. Code elsewhere turns these tables into patterns; nothing here is logic.
"""

# Traditional forms of the genre's markers and common department-name parts (負責 → 负责).
# Folding only these keeps the rest of a traditional copy as written.
TRADITIONAL_MARKERS = {
    "負責": "负责",
    "牽頭": "牵头",
    "單位": "单位",
    "參與": "参与",
    "責任": "责任",
    "協辦": "协办",
    "協同": "协同",
    "會同": "会同",
    "發展改革委": "发展改革委",
    "發展和改革委員會": "发展和改革委员会",
    "發改委": "发改委",
    "財政廳": "财政厅",
    "人社廳": "人社厅",
    "辦公室": "办公室",
    "編辦": "编办",
    "國資委": "国资委",
    "國稅局": "国税局",
    "地稅局": "地税局",
    "統計局": "统计局",
    "銀監局": "银监局",
    "證監局": "证监局",
    "保監局": "保监局",
    "國家": "国家",
    "委員會": "委员会",
    "領導小組": "领导小组",
    "領導": "领导",
    "職責分工": "职责分工",
    "分別": "分别",
    "等負責": "等负责",
    "年內": "年内",
    "持續推進": "持续推进",
    "長期堅持": "长期坚持",
    # footer marks of a traditional copy (抄報, 2023年1月31日印發, 聯繫人, 此件公開發布)
    "抄報": "抄报",
    "發送": "发送",
    "印發": "印发",
    "聯繫人": "联系人",
    "聯系人": "联系人",
    "電話": "电话",
    "公開": "公开",
    "發布": "发布",
}

# CJK Radicals Supplement (U+2E80–U+2EF3) forms that stand for a unified ideograph in badly
# converted PDFs; most of them have no NFKC mapping, so the pairs are listed here.
RADICAL_SUPPLEMENT = {
    "⺁": "厂",
    "⺟": "母",
    "⺠": "民",
    "⺢": "水",
    "⺣": "火",
    "⺤": "爪",
    "⺩": "王",
    "⺪": "疋",
    "⺬": "示",
    "⺮": "竹",
    "⺶": "羊",
    "⺺": "聿",
    "⺼": "肉",
    "⺽": "臼",
    "⻁": "虎",
    "⻃": "西",
    "⻄": "西",
    "⻅": "见",
    "⻆": "角",
    "⻉": "贝",
    "⻊": "足",
    "⻋": "车",
    "⻐": "金",
    "⻑": "長",
    "⻓": "长",
    "⻔": "门",
    "⻗": "雨",
    "⻘": "青",
    "⻙": "韦",
    "⻚": "页",
    "⻛": "风",
    "⻜": "飞",
    "⻝": "食",
    "⻢": "马",
    "⻣": "骨",
    "⻤": "鬼",
    "⻥": "鱼",
    "⻦": "鸟",
    "⻧": "卤",
    "⻨": "麦",
    "⻩": "黄",
    "⻪": "黾",
    "⻬": "齐",
    "⻮": "齿",
    "⻰": "龙",
    "⻳": "龟",
    "⺗": "心",
    "⺜": "日",
    "⺝": "月",
}

# Words a department's name ends with (部, 委, 局 …): a name before 与/和 ending in one of
# these is a body of its own, so 与/和 separates two names there.
BODY_WORDS = (
    "政府",
    "单位",
    "部门",
    "中心",
    "集团",
    "公司",
    "银行",
    "海关",
    "小组",
    "办公室",
    "部",
    "委",
    "局",
    "厅",
    "办",
    "署",
    "会",
    "院",
    "行",
    "室",
    "处",
    "所",
    "社",
    "司",
    "联",
    "团",
    "队",
    "站",
    "馆",
    "台",
    "校",
    "庭",
    "监",
    "关",
    # the same in traditional characters, for traditional copies (names are kept as written)
    "單位",
    "部門",
    "集團",
    "銀行",
    "海關",
    "小組",
    "辦公室",
    "會",
    "廳",
    "辦",
    "處",
    "聯",
    "團",
    "隊",
    "館",
    "監",
    "關",
)

# Role markers after names inside a list, longest first. "lead": 牵头; "co": 配合, 参与;
# "any": 负责 and the like, which mark responsibility without naming a role.
ROLE_MARKERS = (
    # a role in brackets after one name: 责任单位：市发改委（牵头），市财政局
    ("（牵头单位）", "lead"),
    ("（牵头）", "lead"),
    ("（配合）", "co"),
    ("（参与）", "co"),
    ("等牵头负责", "lead"),
    ("牵头负责", "lead"),
    ("等牵头", "lead"),
    ("牵头", "lead"),
    ("等按职责分工负责", "any"),
    ("按职责分工负责", "any"),
    ("等分别负责", "any"),
    ("分别负责", "any"),
    ("等共同负责", "any"),
    ("共同负责", "any"),
    ("等负责", "any"),
    ("负责", "any"),
    ("等配合", "co"),
    ("配合", "co"),
    ("等参与", "co"),
    ("参与", "co"),
    ("等协办", "co"),
    ("协办", "co"),
    ("等落实", "any"),
    ("落实", "any"),
    ("等", "any"),
)

# Labels in front of a list (牵头单位：…) and the role they give the names after them.
LIST_LABELS = (
    ("牵头单位", "lead"),
    ("牵头部门", "lead"),
    ("主办单位", "lead"),
    ("主责单位", "lead"),
    ("责任单位", "any"),
    ("责任部门", "any"),
    ("承办单位", "any"),
    ("实施单位", "any"),
    ("责任主体", "any"),
    ("牵头责任单位", "lead"),
    ("主责部门", "lead"),
    ("配合单位", "co"),
    ("协同部门", "co"),
    ("协助单位", "co"),
    ("参加单位", "co"),
    ("配合部门", "co"),
    ("参与单位", "co"),
    ("参与部门", "co"),
    ("协办单位", "co"),
    ("协同单位", "co"),
    ("牵头", "lead"),
    ("配合", "co"),
    ("参与", "co"),
)

# Fields of the information table a government website prints above a document, as copied
# with it (发文字号：白政办发〔2023〕15号 / 成文日期：2023-03-01): each meta field and its labels.
WEB_PAGE_FIELDS = {
    "doc_number": ("发文字号", "发文文号", "文号"),
    "date": ("成文日期", "成文时间"),
    "issuer": ("发文机关", "发文单位", "发布机构"),
}
# The table's other fields, which say nothing Duban keeps.
WEB_PAGE_OTHER_FIELDS = (
    "索引号",
    "主题分类",
    "公文种类",
    "发布日期",
    "生效日期",
    "有效性",
    "主题词",
)

# Levels a label may name before it (市级责任单位：… / 县级责任单位：各县区政府): the lines of one
# list, each level's bodies on its own line.
LABEL_LEVELS = ("省级", "市级", "县级", "区级", "乡镇级", "市县", "县区", "县市区", "省直", "市直")

# Labels of a supervising leader (主管省领导：…): never a department.
LEADER_LABELS = (
    "责任领导",
    "牵头领导",
    "分管领导",
    "主管领导",
    "联系领导",
    "省级领导",
    "市级领导",
    *(
        f"{kind}{level}领导"
        for kind in ("主管", "分管", "牵头", "责任", "联系", "协调")
        for level in ("省", "市", "区", "县", "州")
    ),
)

# Labels of a time limit that may follow a list on its own line (完成时限：6月底前).
TIME_LABELS = (
    "完成时限",
    "完成时间",
    "完成期限",
    "时间要求",
    "时限要求",
    "时间节点",
    "时间安排",
    "时限",
)

# Footer lines below the signature (版记): never items, never closing text. Each entry is a
# pattern matched at the start of a paragraph (in the folded view: 印發 → 印发).
FOOTER_LINES = (
    r"(?:抄送|抄报|发送|分送|报送)\s*：",  # 抄送：市委办公室…
    r"（此件[^）]*）",  # （此件公开发布）
    r"（(?:联系人|联系电话|联系方式)[^）]*）",  # （联系人：…，电话：…）
    r"(?:联系人|联系电话)\s*：",
    r".{0,40}印发$",  # 白石市人民政府办公室　2023年2月21日印发
)

# Leading words before the names (由省财政厅牵头).
NAME_PREFIXES = ("会同", "由", "并", "请")

# What follows a name to say "and others" (省财政厅等部门): dropped with the 等. A collective
# name after 等 (等有关部门, 等省直有关部门) is a name of its own (corpus README §4).
OTHERS_SUFFIXES = ("等部门", "等单位", "等部門", "等單位")

# How a collective name opens (有关部门, 省直有关部门, 各县区政府): after a dropped 等 it is a
# name of its own, so 等 separates it from the name before.
COLLECTIVE_STARTS = (
    "各", "有关", "相关", "其他", "其它", "省直", "市直", "县直", "区直", "驻",
    "有關", "相關", "縣直", "區直", "駐",
)  # fmt: skip

# Endings of working bodies that are no office: task forces and working groups (全市项目建设
# 各专班, 项目建设专班, 领导小组办公室 ends in 室 already).
GROUP_WORDS = ("专班", "專班", "工作组", "工作組", "指挥部", "指揮部", "工作队", "工作隊")

# What a bare place name shares with the last name of its run (河阳、川北、石门市政府):
# the place body's ending, written once at the end.
PLACE_BODY_ENDINGS = (
    "政府", "党委", "市委", "县委", "区委", "州委", "黨委", "縣委", "區委",
    "市", "州", "县", "区", "旗", "镇", "乡", "縣", "區", "鎮", "鄉",
)  # fmt: skip

# Time phrases. Each entry: phrase or pattern (with {month} {n} {year} slots), and the rule
# that resolves it against the plan year. Rules are named in deadlines.py.
DEADLINE_PHRASES = (
    # phrase pattern                                rule
    (r"{year}年{month}月{xun}前?", "year_month_xun"),
    (r"{year}年{month}月(?:底|末)前?", "year_month_end"),
    (r"{year}年{month}月{day}日前", "year_month_day"),
    (r"{year}年(?:底|末)前?", "year_end"),
    (r"{year}年上半年", "year_first_half"),
    (r"{year}年下半年", "year_second_half"),
    (r"{year}年(?:第)?{quarter}季度", "year_quarter"),
    (r"(?:到|至|于){year}年", "year_end"),
    (r"{month}月{xun}前?", "month_xun"),
    (r"{month}月(?:底|末)前?", "month_end"),
    (r"{month}月{day}日前", "month_day"),
    (r"(?:今年|本年度?|当年)?年内", "plan_year_end"),
    (r"(?:今年|本年)?年底前?", "plan_year_end"),
    (r"今年底", "plan_year_end"),
    (r"上半年", "first_half"),
    (r"下半年", "second_half"),
    (r"(?:第)?{quarter}季度(?:末|前)?", "quarter"),
    (r"(?:力争)?用{n}(?:-|—|－|～|~|至|到){n2}年(?:时间|左右)?", "year_range"),
    (r"{n}年(?:之内|以内|内)", "within_years"),
    (r"长期坚持", "open_ended"),
    (r"持续推进", "open_ended"),
    (r"长期推进", "open_ended"),
)

# Chinese digits of small numbers in time phrases and numbering; 十 and 百 are multipliers,
# read by `numbering.chinese_number`.
CHINESE_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}

# Ten-day periods of a month: (first day, last day or None for the month's end).
XUN = {"上旬": (1, 10), "中旬": (11, 20), "下旬": (21, None)}

# Quantity classifiers and units a target's number may carry (80%以上, 50亿元, 20类大病).
TARGET_MAGNITUDES = ("万亿", "千亿", "百亿", "亿", "千万", "百万", "万", "千")
TARGET_UNITS = (
    "个百分点",
    "平方公里",
    "平方米",
    "千瓦时",
    "千瓦",
    "公里",
    "万人",
    "人次",
    "%",
    "％",
    "元",
    "人",
    "户",
    "家",
    "所",
    "类",
    "项",
    "吨",
    "亩",
    "套",
    "座",
    "条",
    "件",
    "倍",
    "名",
)
# Classifiers after which the counted noun belongs to the target's text (14项重点工程).
COUNTED_CLASSIFIERS = ("类", "项", "家", "所", "条", "件", "名", "套", "座")
# Comparators before or after a number, and the symbol they stand for.
COMPARATORS_BEFORE = (
    ("不低于", ">="),
    ("不少于", ">="),
    ("不高于", "<="),
    ("不超过", "<="),
    ("超过", ">"),
    ("高于", ">"),
    ("低于", "<"),
    ("达到", ">="),
    ("至少", ">="),
    ("超", ">"),
    ("达", ">="),
)
COMPARATORS_AFTER = (("以上", ">="), ("以下", "<="), ("以内", "<="), ("左右", "~"))
# Words that end the counted noun of a target (20类大病保障 → 20类大病).
TARGET_NOUN_STOPS = ("保障", "工作", "建设", "的", "和", "及", "与", "等", "为", "在", "要")
