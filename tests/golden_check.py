"""规划审核 cases written from the plan text: (application, verdict, decisive clauses).

Every expected verdict and clause is read off corpus/liaoning-mineral-plan-2021-2025.txt:
6.1.1 (禁止开采蓝石棉、可耕地的砖瓦用粘土…；限制开采湿地泥炭以及砂金),
6.4.2 (菱镁矿: 原则上禁止新建露天矿山; 新建矿山储量规模必须达到中型以上，最低开采规模为30万吨/年;
储量规模为小型的 10万吨/年),
4.1.2 (控制海城、大石桥、岫岩县等地菱镁矿年度开采总量), 专栏一 (菱镁矿 ≤3000 万吨 约束性),
5.2.1 (重点勘查…铁、金、硼…; 除资源整合外，原则上限制勘查菱镁矿), 5.2.4 (勘查规划区块, 附表4),
6.3.1 (最低开采规模: 附表7), 6.3.2 (辽东绿色经济区内…鼓励地下开采), 6.5.3 (砂石: 集中开采区,
新建、改扩建和延续矿山最低开采规模 20万立方米/年（50万吨/年左右）), 7.2.2 (新建矿山按绿色矿山标准),
6.5.2 (集中开采区应符合…生态保护红线…管控要求), 6.4.2 also: 禁止既有露天矿山平面扩大范围
(an open-pit 改扩建 is 需核实 until 扩大范围 is stated),
9.2.2 (不符合条件的，不予通过规划审核).
"""

FAIL, VERIFY, PASS = "不符合", "需核实", "符合"
YES, NO = "是", "否"

CASES = [
    # -- 不符合 --------------------------------------------------------------------------------
    (
        {
            "kind": "新建",
            "mineral": "菱镁矿",
            "place": "岫岩",
            "method": "露天",
            "scale": "20万吨/年",
        },
        FAIL,
        {"6.4.2", "9.2.2"},
    ),
    (
        {
            "kind": "新建",
            "mineral": "菱镁矿",
            "place": "海城",
            "method": "地下",
            "scale": "20万吨/年",
            "reserve": "中型",
        },
        FAIL,
        {"6.4.2"},
    ),
    (
        {
            "kind": "新建",
            "mineral": "菱镁矿",
            "place": "大石桥",
            "method": "地下",
            "scale": "40万吨/年",
            "reserve": "小型",
        },
        FAIL,
        {"6.4.2"},
    ),
    (
        {
            "kind": "新建",
            "mineral": "菱镁",
            "place": "海城",
            "method": "露天",
            "scale": "50万吨/年",
            "reserve": "大型",
        },
        FAIL,
        {"6.4.2"},
    ),
    (
        {
            "kind": "新建",
            "mineral": "菱镁矿",
            "place": "岫岩西沟-小荒沟",
            "method": "露天",
            "scale": "60万吨/年",
            "reserve": "大型",
        },
        FAIL,
        {"6.4.2"},
    ),
    (
        {
            "kind": "新建",
            "mineral": "菱镁矿",
            "place": "辽阳",
            "method": "地下",
            "scale": "25万吨/年",
            "reserve": "中型",
        },
        FAIL,
        {"6.4.2"},
    ),
    ({"kind": "新建", "mineral": "蓝石棉", "place": "朝阳"}, FAIL, {"6.1.1"}),
    ({"kind": "新建", "mineral": "砖瓦用粘土", "place": "锦州", "可耕地": YES}, FAIL, {"6.1.1"}),
    ({"kind": "新建", "mineral": "煤炭", "place": "沈阳", "有害物质超标": YES}, FAIL, {"6.1.1"}),
    ({"kind": "生产", "mineral": "煤", "place": "阜新", "有害物质超标": YES}, FAIL, {"6.1.1"}),
    (
        {
            "kind": "新建",
            "mineral": "砂石",
            "place": "营口",
            "method": "露天",
            "scale": "15万立方米/年",
            "集中开采区": YES,
        },
        FAIL,
        {"6.5.3"},
    ),
    (
        {
            "kind": "新建",
            "mineral": "砂石",
            "place": "大连",
            "scale": "30万立方米/年",
            "集中开采区": NO,
        },
        FAIL,
        {"6.5.3"},
    ),
    (
        {
            "kind": "延续",
            "mineral": "砂石",
            "place": "鞍山",
            "scale": "10万立方米/年",
            "集中开采区": YES,
        },
        FAIL,
        {"6.5.3"},
    ),
    (
        {
            "kind": "改扩建",
            "mineral": "建筑用砂石",
            "place": "锦州",
            "scale": "18万立方米/年",
            "集中开采区": YES,
        },
        FAIL,
        {"6.5.3"},
    ),
    (
        {
            "kind": "改扩建",
            "mineral": "菱镁矿",
            "place": "海城",
            "method": "露天",
            "scale": "40万吨/年",
            "reserve": "中型",
            "扩大范围": YES,
        },
        FAIL,
        {"6.4.2"},
    ),
    (
        {
            "kind": "新建",
            "mineral": "砂石",
            "place": "盖州",
            "scale": "25万立方米/年",
            "集中开采区": YES,
            "规划区块": YES,
            "承诺": YES,
            "生态保护红线": YES,
        },
        FAIL,
        {"6.5.2"},
    ),
    # -- 需核实 --------------------------------------------------------------------------------
    (
        {
            "kind": "新建",
            "mineral": "铁矿",
            "place": "鞍山",
            "method": "地下",
            "scale": "100万吨/年",
            "reserve": "大型",
            "承诺": YES,
        },
        VERIFY,
        {"6.3.1"},
    ),
    ({"kind": "勘查", "mineral": "金", "place": "凤城"}, VERIFY, {"5.2.4"}),
    ({"kind": "新建", "mineral": "砖瓦用粘土", "place": "锦州"}, VERIFY, {"6.1.1"}),
    ({"kind": "新建", "mineral": "煤炭", "place": "阜新"}, VERIFY, {"6.1.1"}),
    (
        {
            "kind": "新建",
            "mineral": "砂石",
            "place": "丹东",
            "scale": "60万吨/年",
            "集中开采区": YES,
            "规划区块": YES,
            "承诺": YES,
        },
        VERIFY,
        {"6.5.3"},
    ),
    (
        {
            "kind": "新建",
            "mineral": "菱镁矿",
            "place": "海城",
            "method": "地下",
            "scale": "40万吨/年",
            "reserve": "中型",
            "承诺": YES,
            "规划区块": YES,
        },
        VERIFY,
        {"4.1.2", "box1/8"},
    ),
    (
        {
            "kind": "改扩建",
            "mineral": "菱镁矿",
            "place": "大石桥",
            "method": "地下",
            "scale": "40万吨/年",
            "reserve": "大型",
        },
        VERIFY,
        {"4.1.2"},
    ),
    (
        {"kind": "新建", "mineral": "砂石", "place": "营口", "scale": "30万立方米/年"},
        VERIFY,
        {"6.5.3"},
    ),
    ({"kind": "勘查", "mineral": "菱镁矿", "place": "海城"}, VERIFY, {"5.2.1"}),
    ({"kind": "生产", "mineral": "泥炭", "place": "铁岭"}, VERIFY, {"6.1.1"}),
    ({"kind": "新建", "mineral": "砂金", "place": "丹东"}, VERIFY, {"6.1.1"}),
    (
        {
            "kind": "新建",
            "mineral": "铁矿",
            "place": "宽甸",
            "method": "露天",
            "scale": "100万吨/年",
        },
        VERIFY,
        {"6.3.2", "6.3.1"},
    ),
    ({"mineral": "金矿", "place": "丹东"}, VERIFY, set()),
    (
        {
            "kind": "改扩建",
            "mineral": "菱镁矿",
            "place": "海城",
            "method": "露天",
            "scale": "40万吨/年",
            "reserve": "中型",
        },
        VERIFY,
        {"6.4.2"},
    ),
    ({"kind": "生产", "mineral": "泥炭", "place": "铁岭", "湿地": YES}, VERIFY, {"6.1.1"}),
    # -- 符合 ----------------------------------------------------------------------------------
    (
        {
            "kind": "新建",
            "mineral": "砂石",
            "place": "盖州",
            "method": "露天",
            "scale": "25万立方米/年",
            "集中开采区": YES,
            "规划区块": YES,
            "承诺": YES,
        },
        PASS,
        {"6.5.3", "7.2.2"},
    ),
    (
        {
            "kind": "延续",
            "mineral": "砂石",
            "place": "锦州",
            "scale": "20万立方米/年",
            "集中开采区": YES,
            "规划区块": YES,
            "承诺": YES,
        },
        PASS,
        {"6.5.3"},
    ),
    ({"kind": "勘查", "mineral": "金", "place": "凤城", "规划区块": YES}, PASS, {"5.2.1"}),
    ({"kind": "勘查", "mineral": "铁", "place": "本溪", "规划区块": YES}, PASS, {"5.2.1"}),
    ({"kind": "勘查", "mineral": "硼", "place": "宽甸", "规划区块": YES}, PASS, {"5.2.1"}),
    (
        {"kind": "勘查", "mineral": "菱镁矿", "place": "海城", "资源整合": YES, "规划区块": YES},
        PASS,
        {"5.2.4"},
    ),
]
