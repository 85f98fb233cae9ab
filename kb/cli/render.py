"""Plain-text renderings for the command line."""

from __future__ import annotations

import html
from typing import Any

from kb.vocabulary import COMPARATORS, FACET_LABELS, FACETS, REGION_LEVELS, RULE_MODALITIES


def render_outline(data: dict[str, Any]) -> str:
    lines: list[str] = []
    for doc in data["documents"]:
        lines.append(f"《{doc['title']}》 {doc['issuer']} {doc['date']} [{doc['slug']}]")
        for node in doc["outline"]:
            _node_lines(node, 1, lines)
    return "\n".join(lines)


def _node_lines(node: dict[str, Any], depth: int, lines: list[str]) -> None:
    name = node["label"] if node["label"] == node["title"] else f"{node['label']} {node['title']}"
    page = f"  …… {node['page']}" if node.get("page") else ""
    count = (
        f"  ({len(node['clauses'])} 条)"
        if node["clauses"] and node["kind"] != "annex_table" and node["kind"] != "annex_map"
        else ""
    )
    lines.append(f"{'  ' * depth}{name}{page}{count}")
    for child in node["children"]:
        _node_lines(child, depth + 1, lines)


def render_clause(data: dict[str, Any], style: str = "plan") -> str:
    lines = [data["id"], " > ".join(data["path"])]
    if data.get("title") and data["kind"] == "paragraph":
        lines.append(f"【{data['title']}】")
    if data.get("fields"):
        lines += [f"  {k}：{v}" for k, v in data["fields"].items() if v]
    else:
        lines.append(data["text"])
    lines.append(f"引用：{data['citation']['styles'][style]}")
    return "\n".join(lines)


def _plain(snippet: str) -> str:
    """A highlighted snippet for a terminal: <mark>x</mark> → 【x】, entities unescaped."""
    return html.unescape(snippet.replace("<mark>", "【").replace("</mark>", "】"))


def render_search(data: dict[str, Any]) -> str:
    first = data["offset"] + 1
    last = data["offset"] + len(data["hits"])
    shown = f"，第 {first}–{last} 条" if data["hits"] else ""
    relaxed = "（没有同时含全部词语的条文，以下为部分匹配）" if data["relaxed"] else ""
    lines = [f"“{data['query']}”：共 {data['total']} 条{shown}{relaxed}"]
    lines += [data["notice"]] if data.get("notice") else []
    for n, hit in enumerate(data["hits"], first):
        lines += [
            "",
            f"{n}. {hit['id']}  ({hit['score']:.2f})",
            f"   {hit['heading']}",
            f"   {_plain(hit['snippet'])}",
            f"   引用：{hit['citation']['text']}",
        ]
    facets = [
        (label, data["facets"][name]) for name, label in ((k, FACET_LABELS[k]) for k in FACETS)
    ]
    summary = ["；".join(f"{f['label']} {f['count']}" for f in values[:6]) for _, values in facets]
    lines += [""] + [f"{label}：{s}" for (label, _), s in zip(facets, summary, strict=True) if s]
    return "\n".join(lines).rstrip()


def render_ask(data: dict[str, Any]) -> str:
    """An answer: status, the answer, each fact with its citation, what was understood."""
    lines = [f"【{data['status_label']}】{data['answer']}"]
    lines += [f"  · {c}" for c in data["choices"]]
    for n, fact in enumerate(data["facts"], 1):
        lines += [f"{n}. {fact['text']}", f"   引用：{fact['citation']['text']}"]
    rewrites = data["understood"]["rewrites"]
    if rewrites:
        shown = "；".join(f"{r['label']} {r['from']} → {r['to']}" for r in rewrites)
        lines += [f"（按“{data['understood']['text']}”理解：{shown}）"]
    return "\n".join(lines)


# -- knowledge-graph lookups: region, mineral, zones, zone -------------------------------------


def _cite(item: dict[str, Any]) -> str:
    return f"引用：{item['citation']['text']}"


def _zone_line(zone: dict[str, Any]) -> str:
    minerals = "、".join(zone["minerals"]) or "—"
    regions = "、".join(zone["regions"]) or "—"
    return f"  [{zone['type']}] {zone['name']} — {minerals} — {regions}  ({zone['id']})"


def _zone_lines(
    zones: list[dict[str, Any]], counts: dict[str, int], elsewhere: list[dict[str, Any]]
) -> list[str]:
    summary = "；".join(f"{t} {n}" for t, n in counts.items())
    empty = "分区：无" if not elsewhere else "分区：文本中无（名录在文本之外，见下）"
    lines = [f"分区（{len(zones)}）：{summary}" if zones else empty]
    for zone in zones:
        lines += [_zone_line(zone), f"      {_cite(zone)}"]
    for gap in elsewhere:
        lines += [f"  〔文本之外〕{gap['note']}", f"      {_cite(gap)}"]
    return lines


def _stance_lines(stances: list[dict[str, Any]]) -> list[str]:
    lines = [f"政策（{len(stances)}）：" if stances else "政策：无"]
    for s in stances:
        where = f"〔{'、'.join(s['regions'])}〕" if s["regions"] else ""
        lines += [f"  {s['stance']} {s['mineral']}{where}：{s['text']}", f"      {_cite(s)}"]
    return lines


def _record_lines(title: str, items: list[dict[str, Any]]) -> list[str]:
    lines = [f"{title}（{len(items)}）：" if items else f"{title}：无"]
    for item in items:
        lines += [f"  {item['name']}", f"      {_cite(item)}"]
    return lines


def _requirement_lines(reqs: list[dict[str, Any]]) -> list[str]:
    lines = [f"适用要求（{len(reqs)}）：" if reqs else "适用要求：无"]
    for n, req in enumerate(reqs, 1):
        why = "；".join(r["why"] for r in req["reasons"])
        text = " ".join(req["sentences"]) or req["text"]
        lines += [f"  {n}. {req['id']}  〔{why}〕", f"     {text}", f"     {_cite(req)}"]
    return lines


def _mention_line(mentions: list[dict[str, Any]]) -> str:
    ids = "、".join(m["id"].split("/", 1)[-1] for m in mentions)
    return f"提及（{len(mentions)} 条）：{ids}" if mentions else "提及：无"


def render_region(data: dict[str, Any]) -> str:
    r = data["region"]
    where = f"，属{r['parent']}" if r["parent"] else ""
    lines = [f"{r['name']}（{REGION_LEVELS.get(r['level'], r['level'])}{where}）"]
    if r["aliases"]:
        lines.append(f"别名：{'、'.join(r['aliases'])}")
    if r["areas"]:
        lines.append(f"所在功能区：{'、'.join(r['areas'])}")
    lines += _zone_lines(data["zones"], data["counts"], data["elsewhere"]) + _stance_lines(
        data["stances"]
    )
    lines += _record_lines("工程", data["projects"]) + _requirement_lines(data["requirements"])
    return "\n".join([*lines, _mention_line(data["mentions"])])


def render_mineral(data: dict[str, Any]) -> str:
    m = data["mineral"]
    aliases = f"；别名：{'、'.join(m['aliases'])}" if m["aliases"] else ""
    lines = [f"{m['name']}（{m['category']}{aliases}）"]
    lines.append(f"指标（{len(data['indicators'])}）：" if data["indicators"] else "指标：无")
    for i in data["indicators"]:
        lines += [
            f"  {i['category']} {i['name']}：{i['value']}（{i['unit']}，{i['attribute']}，"
            f"{i['period'] or '—'}）",
            f"      {_cite(i)}",
        ]
    lines += _stance_lines(data["stances"]) + _zone_lines(
        data["zones"], data["counts"], data["elsewhere"]
    )
    lines += _record_lines("工程", data["projects"]) + _record_lines("技术", data["technologies"])
    lines += _requirement_lines(data["requirements"])
    return "\n".join([*lines, _mention_line(data["mentions"])])


def render_zones(data: dict[str, Any]) -> str:
    named = {k: v for k, v in data["filters"].items() if v}
    shown = [RULE_MODALITIES.get(v, v) if k == "modality" else v for k, v in named.items()]
    shown = [("含全省通用规则" if v is True else str(v)) for v in shown]
    filters = "，".join(shown) or "全部"
    return "\n".join(
        [
            f"分区（{filters}）：共 {data['total']} 个",
            *_zone_lines(data["zones"], data["counts"], data["elsewhere"])[1:],
        ]
    )


def render_zone(data: dict[str, Any]) -> str:
    z = data["zone"]
    lines = [
        f"{z['name']}（{z['type']}）  {z['id']}",
        f"主要矿种：{'、'.join(z['minerals']) or '—'}",
        f"所在行政区：{'、'.join(z['regions']) or '—'}",
    ]
    if z["counties"]:
        lines.append(f"涉及县（市、区）：{'、'.join(z['counties'])}")
    if z["excludes"]:
        lines.append(f"不含：{'、'.join(z['excludes'])}")
    lines.append(_cite(z))
    return "\n".join([*lines, *_requirement_lines(data["requirements"])])


def render_check(data: dict[str, Any]) -> str:
    """规划审核 as text: the verdict, one line per rule, the draft opinion."""
    lines = [f"结论：{data['verdict']}", ""]
    for c in data["checks"]:
        lines.append(f"[{c['result']}] {c['clause']}  {c['reason']}")
        lines.append(f"    {c['citation']['text']}")
    lines += ["", "审核意见（草稿）：", data["opinion"]]
    return "\n".join(lines)


def _rule_lines(rule: dict[str, Any]) -> list[str]:
    s, q = rule["subjects"], rule["quantity"]
    head = RULE_MODALITIES[rule["modality"]] + (
        f"（{rule['qualifier']}）" if rule["qualifier"] else ""
    )
    names = "、".join([*s["minerals"], *s["regions"], *s["zone_types"], *s["zones"]]) or "—"
    lines = [f"  [{head}] {'、'.join(rule['actions']) or '—'} · {names}：{rule['text']}"]
    if rule["condition"]:
        lines.append(f"      条件：{rule['condition']}")
    if rule["exception"]:
        lines.append(f"      例外：{rule['exception']}")
    if q:
        about = "，".join(filter(None, [COMPARATORS[q["comparator"]], q["period"], q["binding"]]))
        lines.append(f"      数量：{q['text']}（{about}）")
    if rule["needs"]:
        lines.append(f"      依据：{rule['needs']}（文本未收录）")
    return [*lines, f"      {_cite(rule)}"]


def render_rules(data: dict[str, Any]) -> str:
    named = {k: v for k, v in data["filters"].items() if v}
    shown = [RULE_MODALITIES.get(v, v) if k == "modality" else v for k, v in named.items()]
    shown = [("含全省通用规则" if v is True else str(v)) for v in shown]
    filters = "，".join(shown) or "全部"
    lines = [f"规则（{filters}）：共 {data['total']} 条"]
    for rule in data["rules"]:
        lines += _rule_lines(rule)
    return "\n".join(lines)
