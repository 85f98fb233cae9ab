"""Expected export rows, read off the plan: the zones of 丹东 are the rows of 专栏二/三/五/七 whose
所在行政区 names 丹东, and the 勘查开发区 of 第四章第一节 whose list of places names 丹东市.

Minerals and places are the project's canonical names (金 → 金矿, 丹东 → 丹东市, 岫岩县 →
岫岩满族自治县); 涉及县 are the counties a zone's name or text names (凤城, 宽甸, 东港, 元宝区);
级别 is 国家级 for the rows marked （国家级） and for 国家规划矿区 (第四章第二节: 落实全国矿产资源
规划部署的…国家规划矿区), else 省级.
"""

from __future__ import annotations

BOOK = "《辽宁省矿产资源总体规划（2021-2025年）》"
ZONE_HEADERS = [
    "序号",
    "名称",
    "类型",
    "级别",
    "主要矿种",
    "所在行政区",
    "涉及县",
    "出处",
    "条文编号",
    "链接",
]
KUANDIAN, FENGCHENG = "宽甸满族自治县", "凤城市"
BOX3 = f"{BOOK}专栏三“国家规划矿区规划情况”"
BOX5 = f"{BOOK}专栏五“重点勘查区”"
BOX7 = f"{BOOK}专栏七“辽宁省矿产资源重点开采区”"
S = "liaoning-2021-2025"


def _row(name, kind, level, minerals, regions, counties, citation, clause):
    return [name, kind, level, minerals, regions, counties, citation, f"{S}/{clause}"]


# 序号 and 链接 are added by the tests (the running number; the zone's page).
DANDONG_ZONES = [
    _row(
        "营口-丹东金、菱镁、硼矿勘查开发区",
        "勘查开发区",
        "省级",
        "金矿、菱镁矿、硼矿",
        "大连市、丹东市、营口市、海城市、岫岩满族自治县、桓仁满族自治县",
        "海城市、岫岩满族自治县、桓仁满族自治县",
        f"{BOOK}第四章第一节“打造勘查开发战略引领布局”，第12页。",
        "4.1.2",
    ),
    _row(
        "辽宁凤城白云-青城子",
        "国家规划矿区",
        "国家级",
        "金矿、锌矿",
        "本溪市、鞍山市、丹东市",
        FENGCHENG,
        f"{BOX3}第8项，第15页。",
        "box3/8",
    ),
    _row(
        "辽宁凤城翁泉沟-宽甸砖庙",
        "国家规划矿区",
        "国家级",
        "硼矿",
        "丹东市",
        f"{FENGCHENG}、{KUANDIAN}",
        f"{BOX3}第9项，第15页。",
        "box3/9",
    ),
    _row(
        "辽宁凤城白云-小佟家堡子（国家级）",
        "重点勘查区",
        "国家级",
        "金矿",
        "丹东市",
        FENGCHENG,
        f"{BOX5}第1项，第18页。",
        "box5/1",
    ),
    _row(
        "丹东五龙（国家级）",
        "重点勘查区",
        "国家级",
        "金矿",
        "丹东市",
        "",
        f"{BOX5}第2项，第18页。",
        "box5/2",
    ),
    _row(
        "辽宁宽甸县错草湾子一大石湖（国家级）",
        "重点勘查区",
        "国家级",
        "铜矿",
        "丹东市",
        KUANDIAN,
        f"{BOX5}第7项，第18页。",
        "box5/7",
    ),
    _row(
        "宽甸五道岭-于二瘸子（国家级）",
        "重点勘查区",
        "国家级",
        "硼矿",
        "丹东市",
        KUANDIAN,
        f"{BOX5}第16项，第18页。",
        "box5/16",
    ),
    _row(
        "凤城翁泉沟（国家级）",
        "重点勘查区",
        "国家级",
        "硼矿",
        "丹东市",
        FENGCHENG,
        f"{BOX5}第17项，第18页。",
        "box5/17",
    ),
    _row(
        "宽甸泡子沿-杨木杆（国家级）",
        "重点勘查区",
        "国家级",
        "硼矿",
        "丹东市",
        KUANDIAN,
        f"{BOX5}第18项，第18页。",
        "box5/18",
    ),
    _row(
        "宽甸蜂蜜砬子-牛皮闸（国家级）",
        "重点勘查区",
        "国家级",
        "硼矿",
        "丹东市",
        KUANDIAN,
        f"{BOX5}第19项，第18页。",
        "box5/19",
    ),
    _row(
        "辽宁凤城鸡冠山镇-大兴镇",
        "重点勘查区",
        "省级",
        "硼矿",
        "丹东市",
        FENGCHENG,
        f"{BOX5}第26项，第18页。",
        "box5/26",
    ),
    _row(
        "辽宁凤城赛马镇-宽甸双山子镇",
        "重点勘查区",
        "省级",
        "铌矿、钽矿、稀土矿",
        "丹东市",
        f"{FENGCHENG}、{KUANDIAN}",
        f"{BOX5}第28项，第18页。",
        "box5/28",
    ),
    _row(
        "辽宁东港沙岗沟-元宝区黑沟",
        "重点开采区",
        "省级",
        "金矿",
        "丹东市",
        "东港市、元宝区",
        f"{BOX7}第8项，第21页。",
        "box7/8",
    ),
    _row(
        "辽宁宽甸三岔子-砬子沟",
        "重点开采区",
        "省级",
        "硼矿",
        "丹东市",
        KUANDIAN,
        f"{BOX7}第16项，第21页。",
        "box7/16",
    ),
]
