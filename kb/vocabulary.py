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


def zone_level(zone: dict) -> str:
    """国家级 for a zone the plan marks national, else 省级 (the plan's own level)."""
    return NATIONAL if zone.get("national") else "省级"


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
