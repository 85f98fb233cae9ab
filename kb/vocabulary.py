"""Every label users read, in one place: entity kinds, zone types, region levels, clause kinds.

The CLI, the pages, the search facets and the JSON all take their Chinese labels from here.
"""

from __future__ import annotations

# Kinds of entity a user can name: id → Chinese label (and the English one for messages).
ENTITY_KINDS = {"region": "地区", "mineral": "矿种", "zone_type": "分区类型", "zone": "分区"}
ENTITY_KINDS_EN = {
    "region": "region",
    "mineral": "mineral",
    "zone_type": "zone type",
    "zone": "zone",
}
# Kinds of node in an entity's neighbourhood picture: id → label.
NEIGHBOUR_KINDS = {**ENTITY_KINDS, "clause": "适用要求"}

# Kinds of entity the lexicon holds names and aliases for; also the entity facets of search.
NAMED_KINDS = ("region", "mineral", "zone_type")
FACETS = NAMED_KINDS
# Every search facet: id → label (the entity facets and the clause's place and kind).
FACET_LABELS = {
    "doc": "规划",
    "chapter": "章",
    **{k: ENTITY_KINDS[k] for k in FACETS},
    "kind": "条文类型",
}

# Levels of a region in the gazetteer.
PROVINCE = "province"
REGION_LEVELS = {
    "province": "省",
    "prefecture": "地级市",
    "county": "县级行政区",
    "area": "功能区",
    "town": "乡镇",
}

# Kinds of clause: id → label.
CLAUSE_KINDS = {
    "paragraph": "正文段落",
    "box_item": "专栏条目",
    "table_row": "表格行",
    "note": "表注",
    "article": "条款",
    "annex_table": "附表",
    "annex_map": "附图",
}

# The level a zone may carry in its name (…（国家级）).
NATIONAL = "国家级"
PROVINCIAL = "省级"
# Zone types the plan takes over from the national plan (第四章第二节：落实全国矿产资源规划部署的
# 能源资源基地和国家规划矿区): national whatever their names say.
NATIONAL_ZONE_TYPES = ("能源资源基地", "国家规划矿区")


def zone_level(zone: dict) -> str:
    """国家级 for a zone the plan marks national or of a national type, else 省级."""
    return NATIONAL if zone.get("national") or zone["type"] in NATIONAL_ZONE_TYPES else PROVINCIAL


# Columns of the exported lists (CSV, XLSX): id → header.
COLUMN_LABELS = {
    "index": "序号",
    "name": "名称",
    "type": "类型",
    "level": "级别",
    "minerals": "主要矿种",
    "regions": "所在行政区",
    "counties": "涉及县",
    "parent": "上级行政区",
    "category": "类别",
    "zones": "分区数",
    "stances": "政策导向",
    "mentions": "提及条文数",
    "heading": "所在章节",
    "reasons": "适用原因",
    "text": "原文",
    "citation": "出处",
    "clause_id": "条文编号",
    "modality": "规则类型",
    "result": "审核结果",
    "reason": "理由",
    "action": "行为",
    "subjects": "对象",
    "condition": "条件与例外",
    "quantity": "数量",
    "link": "链接",
}


# Kinds of rewrite the query understanding makes, shown to the user beside the query.
REWRITE_KINDS = {
    "traditional": "繁体转简体",
    "numeral": "中文数字转阿拉伯数字",
    "synonym": "换用规划用语",
    "expand": "同时查找",
    "typo": "同音字纠错",
}

# What became of a question put to kb.ask.
ANSWER_STATUS = {
    "answered": "已回答",
    "not_in_plan": "规划未涉及",
    "not_in_text": "规划文本未载明",
    "ambiguous": "请明确所问",
}

# Fields of a 规划审核 application: id → label.
APPLICATION_FIELDS = {
    "kind": "申请类型",
    "mineral": "矿种",
    "minerals": "矿种",
    "place": "地点",
    "method": "开采方式",
    "scale": "开采规模",
    "reserve": "储量规模",
    "doc": "规划",
}


# Modalities of a rule (kb.rules): id → label.
RULE_MODALITIES = {
    "forbidden": "禁止",
    "restricted": "限制",
    "required": "要求",
    "encouraged": "鼓励",
    "priority": "重点",
    "quota": "限额",
    "target": "目标",
}
# Comparators of a rule's quantity: id → label.
COMPARATORS = {">=": "不低于", "<=": "不超过", "=": "为", "~": "左右", "between": "介于"}

# 规划审核 (kb.check): application kinds, methods, reserve classes, results and facts.
APPLICATION_KINDS = ("勘查", "新建", "改扩建", "延续", "生产")
MINING_METHODS = ("露天", "地下")
RESERVE_CLASSES = ("大型", "中型", "小型")  # largest first
RESULTS = ("不符合", "需核实", "符合", "不适用")  # worst first
# Facts a clerk may state about an application: key → label (the form and the CLI use the key).
CHECK_FACTS = {
    "集中开采区": "位于集中开采区内",
    "规划区块": "位于勘查/开采规划区块内，且矿种与区块规划矿种一致",
    "重点开采区": "位于重点开采区内",
    "重点勘查区": "位于重点勘查区内",
    "生态保护红线": "位于生态保护红线内",
    "可耕地": "占用可耕地",
    "湿地": "位于湿地",
    "有害物质超标": "砷、放射性等有害物质超过规定标准",
    "资源整合": "属于资源整合、兼并重组",
    "扩大范围": "既有露天矿山平面扩大开采范围",
    "承诺": "申请人承诺按绿色矿山标准建设并落实综合利用、生态修复等准入义务",
}
