"""The draft 审核意见: one editable paragraph in Chinese with the application, the plans applied,
the findings with their citations, and the conclusion."""

from __future__ import annotations

from typing import Any

from kb.check.evaluate import FAIL, PASS, VERIFY

CONCLUSIONS = {
    FAIL: "该申请不符合规划，建议不予通过规划审核。",
    VERIFY: "该申请尚有事项需核实，建议补正材料、核实后再行审核。",
    PASS: "该申请符合规划，建议通过规划审核。",
}


def describe(app: dict[str, Any]) -> str:
    """申请 in one line: 岫岩满族自治县新建露天菱镁矿，开采规模20万吨/年."""
    place = app["zone"] or app["region"] or app["place"] or "（地点未填）"
    method = f"{app['method']}" if app["method"] else ""
    kind = app["kind"] or "（类型未填）"
    parts = [f"{place}{kind}{method}{'、'.join(app['minerals'])}项目"]
    if app["scale"]:
        parts.append(f"开采规模{app['scale']}")
    if app["reserve"]:
        parts.append(f"储量规模{app['reserve']}")
    return "，".join(parts)


def grouped(checks: list[dict[str, Any]]) -> list[str]:
    """One finding per reason: a reason shared by several clauses (申请类型未填写…) is said once,
    with the citation of each clause it concerns."""
    by_reason: dict[str, dict[str, dict[str, Any]]] = {}
    for check in checks:
        key = (check["doc"], check["clause"])  # two plans may both have a 6.4.2
        by_reason.setdefault(check["reason"], {}).setdefault(key, check)
    return [
        f"{reason}（{'；'.join(_cited(c) for c in same.values())}）"
        for reason, same in by_reason.items()
    ]


def _cited(check: dict[str, Any]) -> str:
    return f"{check['citation']['text'].rstrip('。')}，条款{check['clause']}"


def opinion(
    app: dict[str, Any],
    result: str,
    checks: list[dict[str, Any]],
    documents: list[dict[str, Any]],
    open_facts: list[str] = (),
) -> str:
    plans = "、".join(f"《{d['title']}》" for d in documents) or "（无）"
    keyed = [c for c in checks if c["result"] == result and not c["review"]]
    found = grouped(keyed)
    lines = [f"经审核，{describe(app)}。依据{plans}，审核意见如下："]
    label = result
    lines += [f"（{n}）{label}：{text}；" for n, text in enumerate(found, 1)]
    for n, label in enumerate(open_facts, len(found) + 1):
        lines.append(
            f"（{n}）需核实：申请说明{label}，规划文本未作可据以审核的规定，需依相关规划核实；"
        )
    review = [c for c in checks if c["review"]]
    basis = f"依据{review[0]['citation']['text'].rstrip('。')}，" if review else ""
    lines.append(f"综上，{basis}{CONCLUSIONS[result]}")
    return "".join(lines)
