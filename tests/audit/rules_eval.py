"""Precision and recall of the extracted rules against the hand-made audit (tests/audit/rules.csv).

The audit lists, by reading the plan, every rule of chapters 3-9 and the boxes: the clause, an
anchor (words of the rule's phrase, verbatim), and the expected modality, action, subjects,
condition, exception, quantity and needs. A rule matches an audit row when it sits in the same
clause and its phrase holds the anchor's first character (list items that carry their own
condition share a phrase: the one naming the row's minerals wins).

Per field, over all rules extracted: precision = right values / values the product gives, recall
= right values / values the audit expects (minerals, regions and zone types count per name; an
action is right when it is among the rule's actions; a quantity when comparator, value and unit
agree). `rules` is rule-level: matched rules / rules extracted, matched rows / audit rows.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

AUDIT = Path(__file__).with_name("rules.csv")
LISTS = ("minerals", "regions", "zone_types")
SCALARS = ("modality", "action", "condition", "exception", "quantity", "needs")
FIELDS = ("rules", *SCALARS[:2], *LISTS, *SCALARS[2:])


def read_audit(path: Path = AUDIT) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        for name in LISTS:
            row[name] = [n for n in row[name].split("|") if n]
    return rows


def quantity_key(quantity: dict[str, Any] | None) -> str:
    """ ">= 30 万吨/年", "between 5-10 处", ">= 中型 储量规模" — the audit's notation."""
    if not quantity:
        return ""
    value = quantity["value"]
    if isinstance(value, list):
        value = "-".join(f"{v:g}" for v in value)
    elif isinstance(value, float):
        value = f"{value:g}"
    return f"{quantity['comparator']} {value} {quantity['unit']}"


def local(clause_id: str) -> str:
    return clause_id.split("/", 1)[1]


def match(rows: list[dict[str, Any]], rules: list[dict[str, Any]], texts: dict[str, str]):
    """[(row, rule or None)]: each row with the rule that states it, each rule used once."""
    used: set[str] = set()
    out = []
    for row in rows:
        found = [r for r in rules if local(r["clause_id"]) == row["clause"] and r["id"] not in used]
        at = texts.get(row["clause"], "").find(row["anchor"])
        found = [r for r in found if at >= 0 and r["phrase"][0] <= at < r["phrase"][1]]
        found.sort(key=lambda r: -len(set(r["subjects"]["minerals"]) & set(row["minerals"])))
        rule = found[0] if found else None
        if rule:
            used.add(rule["id"])
        out.append((row, rule))
    return out


def value(rule: dict[str, Any] | None, name: str) -> Any:
    if rule is None:
        return [] if name in LISTS else ""
    if name in LISTS:
        return rule["subjects"][name]
    if name == "quantity":
        return quantity_key(rule["quantity"])
    return rule[name] or ""


def right(name: str, expected: Any, got: Any, rule: dict[str, Any] | None) -> int:
    if name in LISTS:
        return len(set(expected) & set(got))
    if name == "action":
        return int(bool(expected) and rule is not None and expected in rule["actions"])
    return int(bool(expected) and expected == got)


def size(name: str, v: Any) -> int:
    return len(v) if name in LISTS else int(bool(v))


def evaluate(rules: list[dict[str, Any]], texts: dict[str, str]) -> dict[str, dict[str, Any]]:
    """{field: {precision, recall, tp, predicted, expected}}; `texts`: local clause id → text."""
    rows = read_audit()
    pairs = match(rows, rules, texts)
    matched = sum(rule is not None for _, rule in pairs)
    out = {"rules": _pr(matched, len(rules), len(rows))}
    for name in (*SCALARS[:2], *LISTS, *SCALARS[2:]):
        tp = sum(right(name, row[name], value(rule, name), rule) for row, rule in pairs)
        predicted = sum(size(name, value(r, name)) for r in rules)
        expected = sum(size(name, row[name]) for row in rows)
        out[name] = _pr(tp, predicted, expected)
    return out


def _pr(tp: int, predicted: int, expected: int) -> dict[str, Any]:
    return {
        "precision": tp / predicted if predicted else 1.0,
        "recall": tp / expected if expected else 1.0,
        "tp": tp,
        "predicted": predicted,
        "expected": expected,
    }


def evaluate_kb(kb) -> dict[str, dict[str, Any]]:
    """`evaluate` over the rules of an open KnowledgeBase."""
    rules = kb.rulebook.all
    texts = {local(r["clause_id"]): kb.clause(r["clause_id"])["text"] for r in rules}
    for row in read_audit():
        if row["clause"] not in texts:
            slug = rules[0]["doc"] if rules else ""
            texts[row["clause"]] = kb.clause(f"{slug}/{row['clause']}")["text"]
    return evaluate(rules, texts)


def bench_rules(workdir: Path) -> str:
    """The `make bench` section: builds the plan into `workdir` and scores its rules."""
    from ingest.build import build
    from kb import KnowledgeBase
    from tests.bench import table

    plan = Path(__file__).resolve().parents[2] / "corpus" / "liaoning-mineral-plan-2021-2025.txt"
    build([plan], workdir / "rules-kb")
    scores = evaluate_kb(KnowledgeBase.open(workdir / "rules-kb"))
    rows = [
        [name, f"{m['precision']:.3f}", f"{m['recall']:.3f}", *map(str, (m["tp"], m["predicted"]))]
        + [str(m["expected"])]
        for name, m in scores.items()
    ]
    header = ["field", "precision", "recall", "right", "given", "expected"]
    return table(f"Rules vs the hand-made audit ({AUDIT.name})", header, rows)
