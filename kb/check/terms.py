"""How rule fields meet an application: which kinds an action covers, what a mine class or a
condition means, which fact answers a zone type. Data, not per-mineral code; every entry reads a
word the plan's rules use (kb.rules: actions, mine_classes, condition, exception)."""

from __future__ import annotations

MINING_ACTIONS = {"开采", "勘查开采", "准入", "露天开采", "地下开采"}
# application kind → the rule actions that concern it
KIND_ACTIONS = {
    "勘查": {"勘查", "勘查开发", "勘查开采", "准入"},
    "新建": {"新建", "勘查开发", *MINING_ACTIONS},
    "改扩建": {"改扩建", "勘查开发", *MINING_ACTIONS},
    "延续": {"延续", *MINING_ACTIONS},
    "生产": MINING_ACTIONS,
}
KIND_SPECIFIC = ("新建", "改扩建", "延续")  # actions that name the kind itself
EXISTING = {"改扩建", "延续", "生产"}
# mine class → the application kinds it names
CLASS_KINDS = {"新建矿山": {"新建"}, "已有矿山": EXISTING, "生产矿山": EXISTING}
CLASS_KINDS["既有露天矿山"] = EXISTING
# a rule's mining method, read from its actions and mine classes
METHOD_WORDS = {"露天开采": "露天", "露天矿山": "露天", "既有露天矿山": "露天", "地下开采": "地下"}
CLASS_RESERVES = {"大中型矿山": {"大型", "中型"}, "大型矿山": {"大型"}}
# zone type → the fact that says the application lies in one
ZONE_FACTS = {
    "集中开采区": "集中开采区",
    "勘查规划区块": "规划区块",
    "开采规划区块": "规划区块",
    "重点开采区": "重点开采区",
    "重点勘查区": "重点勘查区",
}
# zone type → the application kinds it concerns (blocks for exploration or for mining)
ZONE_KINDS = {"勘查规划区块": {"勘查"}, "重点勘查区": {"勘查"}}
ZONE_KINDS.update({t: {"新建", "改扩建", "延续", "生产"} for t in ("开采规划区块", "集中开采区")})
ZONE_KINDS["重点开采区"] = ZONE_KINDS["集中开采区"]
# words of a condition or exception → the fact that settles it
CONDITION_FACTS = {
    "可耕地": "可耕地",
    "湿地": "湿地",
    "有害物质": "有害物质超标",
    "资源整合": "资源整合",
    "重组": "资源整合",
}
# a ban on existing mines that bites only on what they change: words of its text → the fact
CHANGE_FACTS = {"扩大范围": "扩大范围"}
# a control a requirement names in its text (…应符合…生态保护红线…的管控要求): a place stated
# inside it fails the requirement
CONTROL_FACTS = {"生态保护红线": "生态保护红线"}
# a condition on the reserve class: words → the classes it covers
RESERVE_CONDITIONS = {"中型以上": {"大型", "中型"}, "小型": {"小型"}, "大型": {"大型"}}
# duties of the administration, not conditions on an applicant
ADMIN_MARKERS = ("主管部门", "人民政府", "各市", "各级", "投放计划")
REVIEW_MARKER = "规划审核"  # the clause that says failing applications do not pass
# a missing table or a lower plan → what it settles (附表7 lists minimum scales, 6.3.1)
NEEDS_SCALE = ("附表7",)
