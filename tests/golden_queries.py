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


# Written after the ranking was tuned on GOLDEN, by reading the plan for clauses that no GOLDEN
# row targets, and never used to tune it: an honest estimate of recall@3 on queries the engine
# has not seen. No query and no accepted clause is shared with GOLDEN (test_search_held_out.py
# checks it); where the plan says the same thing in two places, either clause is accepted.
HELD_OUT: list[HeldOut] = [
    # indicators, zones and projects named in the boxes
    HeldOut("矿山数量 2000个左右", ("box1/9", "3.1.3", "6.3.2")),
    HeldOut("硼矿年开采量", ("box1/6",)),
    HeldOut("滑石 年开采量指标", ("box1/7",)),
    HeldOut("瓦房子锰矿", ("box3/2",)),
    HeldOut("盖州 金矿", ("box5/5",)),
    HeldOut("本溪大台沟", ("box5/10",)),
    HeldOut("大石桥后仙峪 硼矿", ("box5/15", "box6/3")),
    HeldOut("彰武 萤石", ("box5/27", "box5/29")),
    HeldOut("宽甸 铜矿勘查", ("box5/7",)),
    HeldOut("三宝屯 萤石", ("box7/18",)),
    HeldOut("东港 金矿开采", ("box7/8",)),
    HeldOut("清洁能源调查工程", ("box4/2",)),
    HeldOut("黄金产业基地", ("box6/2",)),
    HeldOut("就矿找矿", ("box6/5",)),
    HeldOut("老矿山深部外围找矿", ("box6/5",)),
    HeldOut("赛马杂岩体", ("box6/4",)),
    HeldOut("铁尾矿磁重分选", ("box8/4",)),
    HeldOut("活性炭再生技术", ("box8/5",)),
    HeldOut("氰化物尾液回收", ("box8/3",)),
    HeldOut("赤铁矿浮选", ("box8/2",)),
    HeldOut("低品位菱镁矿浮选工艺", ("box9/3",)),
    HeldOut("吃干榨净", ("box9/2",)),
    # policy and procedure, as a clerk asks about them
    HeldOut("地质云", ("5.1.3",)),
    HeldOut("实物地质资料中心建设", ("5.1.3",)),
    HeldOut("探矿权转采矿权 开采规划区块", ("6.1.5",)),
    HeldOut("保护性矿产地 战略储备", ("6.2.1",)),
    HeldOut("27类矿种最低开采规模", ("6.3.1",)),
    HeldOut("辽东绿色经济区 地下开采", ("6.3.2",)),
    HeldOut("精品钢材基地", ("6.3.3",)),
    HeldOut("镁建材", ("6.4.1",)),
    HeldOut("菱镁矿每年供给总量怎么定", ("6.4.3",)),
    HeldOut("以浅钻代替槽探", ("7.1.2",)),
    HeldOut("恢复基金计提 抽查", ("7.3.3",)),
    HeldOut("公益性地质工作和商业性地质工作的边界", ("8.1.1",)),
    HeldOut("储量新老标准转换", ("8.3.1",)),
    HeldOut("危险岗位 机器人", ("9.1.4",)),
    HeldOut("规划年度实施方案", ("9.2.1",)),
    HeldOut("勘查开发项目 会审制度", ("9.2.2",)),
    HeldOut("省市县三级规划数据库", ("9.5.1",)),
    HeldOut("附表附图 同等效力", ("closing/1",)),
    HeldOut("规划报哪里审查批准", ("closing/2",)),
    HeldOut("勘查规划区块表", ("annex-table/4",)),
    HeldOut("矿产资源分布图", ("annex-map/1",)),
    # the background and the targets
    HeldOut("辽宁已发现多少种矿产", ("1.1.1",)),
    HeldOut("三多二少", ("1.1.1",)),
    HeldOut("铁矿自给率不足", ("1.2.1",)),
    HeldOut("2035年 矿业现代化", ("3.2.1",)),
    HeldOut("三条控制线", ("4.1.1",)),
    HeldOut("铁岭 可再生能源示范基地", ("4.1.5",)),
    # questions in plain Chinese, the way a clerk asks them
    HeldOut("矿山企业安全生产责任怎么落实", ("9.1.4",)),
    HeldOut("规划实施需要哪些部门协同", ("9.1.1",)),
    HeldOut("目标考核怎么纳入政府年度管理", ("9.1.2",)),
    HeldOut("矿产资源规划要和国土空间规划衔接", ("9.1.3",)),
    HeldOut("调整勘查开采规划区块要谁批准", ("9.2.3",)),
    HeldOut("规划执行情况监督检查包括什么", ("9.3.2",)),
    HeldOut("省级财政资金重点保障什么", ("9.4.1",)),
    HeldOut("规划编制人才培训", ("9.4.2",)),
    HeldOut("矿政管理一张图", ("9.5.2", "9.5.1", "8.3.1")),
    HeldOut("绿色勘查要减少对生态环境的扰动", ("7.1.2", "7.1.1")),
    HeldOut("菱镁矿优势没有形成效益优势", ("1.2.1",)),
    HeldOut("砂石土矿规模小分布散", ("1.2.1",)),
    HeldOut("矿山生态修复谁来参与", ("7.3.3", "7.3.1")),
    HeldOut("鼓励矿山企业兼并重组", ("6.3.2",)),
    HeldOut("有色金属精深加工", ("6.3.3",)),
    HeldOut("铁矿 硼矿 滑石 鼓励开采", ("6.1.2",)),
    HeldOut("市县可以提出优势矿产开采总量调控吗", ("6.1.2",)),
    HeldOut("地勘单位和社会资本合作组建矿业公司", ("8.1.1",)),
    HeldOut("为市县规划编制提供遵循", ("general/2",)),
    HeldOut("规划编制依据哪些法律", ("general/1",)),
]
