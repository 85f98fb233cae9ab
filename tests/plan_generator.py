"""Plan-like documents for the scale benchmark (not the product, not the tests): county plans of
the genre — chapters and sections, a 表 table of five coded 开采规划区块 in five towns, normative
sentences with minerals, figures and years — for counties of the national division list, so a
corpus of many plans spans many provinces as a real collection would.

    files = generate(100, folder)   # folder/gen-0001.txt … with their .toml; deterministic
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

from ingest.divisions import national

ROOT = Path(__file__).resolve().parent.parent
MINERALS = ROOT / "ingest" / "data" / "minerals.csv"
SYLLABLES = "安宝北长城大东丰福高古广海和红华黄金开兰老立林龙马南平清山石双太天西新兴阳永中"
SENTENCES = [
    "到{year}年，全县{m}年开采量控制在{n}万吨以内，大中型矿山比例达到{p}%以上。",
    "严格控制{m}开采总量，新建{m}矿山最低开采规模不低于{n}万吨/年。",
    "{town}一带{m}资源丰富，重点推进{m}勘查，新增资源量{n}万吨。",
    "禁止在生态保护红线、永久基本农田范围内新设采矿权，已设矿业权按规定有序退出。",
    "加强{m}综合利用，{m}选矿回收率达到{p}%，共伴生矿产综合利用率达到{q}%。",
    "新建矿山必须按照绿色矿山标准进行规划、设计、建设和运营，生产矿山于{year}年底前达到要求。",
    "县自然资源主管部门负责规划实施的监督管理，每年开展一次规划实施情况评估。",
    "鼓励{m}深加工，延伸产业链条，{town}建设{m}产业园区，年产值达到{n}亿元。",
    "限制开采{m}，不再新设{m}采矿权，现有矿山到期后不予延续。",
    "历史遗留矿山生态修复面积达到{n}公顷，{town}矿区修复率达到{p}%。",
]
CHAPTERS = [
    ("规划背景", ["资源概况", "开发利用现状", "存在问题"]),
    ("规划目标", ["总体目标", "具体指标"]),
    ("勘查开发布局", ["勘查布局", "开采规划区块", "重点矿种"]),
    ("资源保护与合理利用", ["节约集约利用", "矿山生态保护修复"]),
    ("绿色矿业发展", ["绿色矿山建设", "矿业转型升级"]),
    ("规划实施保障", ["监督管理", "公众参与"]),
]
BLOCK_SECTION = ("勘查开发布局", "开采规划区块")


def _minerals() -> list[str]:
    with MINERALS.open(encoding="utf-8", newline="") as handle:
        return [row["name"] for row in csv.DictReader(handle)]


def counties() -> list[dict[str, str]]:
    """County-level divisions in a fixed shuffled order (every province early on)."""
    rows = [r for r in national() if r["level"] == "county" and r["name"].endswith(("县", "市"))]
    random.Random(13).shuffle(rows)
    return rows


def plan_text(county: str, rng: random.Random, minerals: list[str]) -> str:
    towns = list(
        dict.fromkeys(rng.choice(SYLLABLES) + rng.choice(SYLLABLES) + "镇" for _ in range(9))
    )
    lines = [
        f"{county}矿产资源总体规划",
        "（2021-2025年）",
        f"{county}人民政府",
        "二〇二二年十月",
        "目 录",
    ]
    body: list[str] = []
    page = 1
    for c, (chapter, sections) in enumerate(CHAPTERS, 1):
        lines.append(f"第{'一二三四五六七八九'[c - 1]}章 {chapter}.....\t- {page} -")
        body.append(f"第{'一二三四五六七八九'[c - 1]}章 {chapter}")
        for s, section in enumerate(sections, 1):
            body.append(f"第{'一二三四五六七八九'[s - 1]}节 {section}")
            body += [_sentence(rng, minerals, towns) for _ in range(rng.randint(3, 6))]
            if (chapter, section) == BLOCK_SECTION:
                body += _blocks(county, rng, minerals, towns)
            page += 1
    return "\n".join(lines + body) + "\n"


def _sentence(rng: random.Random, minerals: list[str], towns: list[str]) -> str:
    return rng.choice(SENTENCES).format(
        year=rng.choice((2023, 2024, 2025)),
        m=rng.choice(minerals),
        town=rng.choice(towns),
        n=rng.randint(2, 500),
        p=rng.randint(30, 95),
        q=rng.randint(20, 80),
    )


def _blocks(county: str, rng: random.Random, minerals: list[str], towns: list[str]) -> list[str]:
    rows = ["表3 开采规划区块", "区块编号\t区块名称\t开采矿种\t所在乡镇\t开采方式"]
    for n, town in enumerate(towns[:5], 1):
        mineral = rng.choice(minerals)
        name = f"{county[:2]}{town[:-1]}{mineral}开采规划区块"
        method = rng.choice(("地下开采", "露天开采"))
        rows.append(f"KC{n:02d}\t{name}\t{mineral}\t{town}\t{method}")
    return [*rows, "注：开采规划区块范围以县自然资源主管部门公布的坐标为准。"]


def generate(n: int, folder: Path) -> list[Path]:
    """`n` generated plans (with metadata files) in `folder`; the same ones for the same n."""
    folder.mkdir(parents=True, exist_ok=True)
    minerals = _minerals()
    files = []
    for i, row in enumerate(counties()[:n], 1):
        path = folder / f"gen-{i:04d}.txt"
        path.write_text(plan_text(row["name"], random.Random(i), minerals), encoding="utf-8")
        region = f'region = "{row["name"]}"\n' if _unique(row["name"]) else ""
        meta = f'slug = "gen-{i:04d}"\n{region}'
        path.with_suffix(".toml").write_text(meta, encoding="utf-8")
        files.append(path)
    return files


def _unique(name: str) -> bool:
    return sum(r["name"] == name for r in national()) == 1
