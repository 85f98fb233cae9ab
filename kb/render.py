"""Plain-text renderings for the command line."""

from __future__ import annotations

from typing import Any


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


def render_clause(data: dict[str, Any]) -> str:
    lines = [data["id"], " > ".join(data["path"])]
    if data.get("title") and data["kind"] == "paragraph":
        lines.append(f"【{data['title']}】")
    if data.get("fields"):
        lines += [f"  {k}：{v}" for k, v in data["fields"].items() if v]
    else:
        lines.append(data["text"])
    lines.append(f"引用：{data['citation']['text']}")
    return "\n".join(lines)
