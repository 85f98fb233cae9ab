"""规划审核: an application against every rule of every plan loaded, rule by rule, cited.

Checker(rules, kb).check({"kind": "新建", "mineral": "菱镁矿", "place": "岫岩",
                          "method": "露天", "scale": "20万吨/年"})
→ {application, verdict, decisive, checks: [{rule, clause, result, reason, citation, …}],
   opinion, documents}
"""

from __future__ import annotations

from typing import Any

from kb.check.applicability import app_places, applies, checkable
from kb.check.application import Application, parse_application
from kb.check.evaluate import NA, PASS, VERIFY, evaluate
from kb.check.facts import unsettled
from kb.check.opinion import opinion
from kb.check.outside import outside_message, scopes
from kb.check.scope import covers, plan_region
from kb.check.units import FAMILY_LABELS, rule_scale
from kb.check.verdict import decisive, is_review, review_checks, settle_scale_tables, verdict
from kb.errors import BadQuery, NotFound
from kb.vocabulary import RESULTS


class KBPlaces:
    """Names of the KB for parsing: regions and minerals via the lexicon, zones via the graph."""

    def __init__(self, graph):
        self.graph, self.lex = graph, graph.lexicon

    def region(self, text: str) -> str:
        return self.lex.canonical(text, "region")

    def mineral(self, text: str) -> str:
        return self.lex.canonical(text, "mineral")

    def zone(self, text: str) -> dict[str, Any]:
        return self.graph.record(self.graph.zone_id(text))

    def suggest_place(self, text: str) -> list[str]:
        zones: list[str] = []
        try:
            self.graph.zone_id(text)
        except NotFound as exc:
            zones = exc.suggestions
        return list(dict.fromkeys([*self.lex.suggest(text, "region", 3), *zones[:2]]))


class Checker:
    def __init__(self, rules: list[dict[str, Any]], graph, library):
        self.graph, self.library = graph, library
        self.rules = [r for r in _unique(rules) if checkable(r) or is_review(r)]
        self.places = KBPlaces(graph)
        self.families = _unit_families(self.rules)
        lex = graph.lexicon
        self.scopes = {s: plan_region(d, lex) for s, d in library.docs.items()}
        self.left_out = scopes(library)  # minerals each plan's scope sentence leaves out

    def check(self, raw: dict[str, Any], only: str | None = None) -> dict[str, Any]:
        """The check of application `raw` against the plans that cover its place, or against
        plan `only` (a slug) alone: BadQuery when that plan does not cover the place."""
        app = parse_application(raw, self.places)
        self._fits_units(app)
        checks, review, applied = [], [], []
        places, lex = app_places(app), self.graph.lexicon
        plans = {s for s, region in self.scopes.items() if covers(region, places, lex)}
        if only is not None:
            plans = self._only(only, plans, app)
        outside = outside_message(app.minerals, plans, self.left_out, self.library)
        if outside:
            raise BadQuery(outside)
        for rule in (r for r in self.rules if r["doc"] in plans):
            if is_review(rule):
                review.append(self._check(rule, NA, ""))
                continue
            answer = applies(rule, app, self.graph.lexicon)
            if answer is False:
                continue
            applied.append(rule)
            note = answer if isinstance(answer, str) else None
            checks.append(self._check(rule, *evaluate(rule, app, note)))
        settle_scale_tables(checks)
        open_facts = unsettled(app, applied)
        result = verdict(checks)
        result = VERIFY if open_facts and result == PASS else result
        review = list({(r["doc"], r["clause"]): r for r in review if _doc_of(r, checks)}.values())
        checks += review_checks(review, result)
        return self._answer(app, result, checks, open_facts)

    def _answer(self, app: Application, result: str, checks: list[dict], open_facts: list[str]):
        shown = sorted(checks, key=lambda c: RESULTS.index(c["result"]))  # failures first
        used = {c["doc"] for c in shown}
        docs = [d for slug, d in self.library.docs.items() if slug in used]  # in library order
        documents = [{"slug": d.slug, "title": d.title, "issuer": d.issuer} for d in docs]
        application = app.to_dict()
        return {
            "application": application,
            "verdict": result,
            "decisive": [c["rule"] for c in decisive(checks, result)],
            "checks": shown,
            "unsettled": open_facts,
            "opinion": opinion(application, result, shown, documents, open_facts),
            "documents": documents,
        }

    def _check(self, rule: dict[str, Any], result: str, reason: str) -> dict[str, Any]:
        q = rule.get("quantity") or {}
        clause = self.library.clause(rule["clause_id"])
        return {
            "rule": rule["id"],
            "doc": rule["doc"],
            "clause": rule["clause_id"].removeprefix(f"{rule['doc']}/"),
            "text": rule["text"],
            "modality": rule["modality"],
            "result": result,
            "reason": reason,
            "citation": clause["citation"],
            "needs": rule.get("needs"),
            "scale": bool(q and q["comparator"] == ">=" and rule_scale(q["value"], q["unit"])),
            "review": is_review(rule),
        }

    def _only(self, slug: str, plans: set[str], app: Application) -> set[str]:
        if slug in plans:
            return {slug}
        title = self.library.docs[slug].title
        if not app.place:
            raise BadQuery(
                f"按《{title}》审核须填写它覆盖的地点（县、市或分区）。"
                "Give a place that plan covers."
            )
        raise BadQuery(
            f"《{title}》不覆盖{app.place}，不能按它审核；请选覆盖该地的规划，或不限规划。"
            f"That plan does not cover {app.place}."
        )

    def _fits_units(self, app: Application) -> None:
        """A volume scale only for a mineral the plans measure by volume (砂石: 万立方米/年);
        a mass scale is always accepted (compared where the plan gives a conversion)."""
        if not app.scale or app.scale.family == "mass":
            return
        if not set(app.minerals) & self.families["volume"]:
            minerals = "、".join(app.minerals)
            raise BadQuery(
                f"规划对{minerals}的规模以{FAMILY_LABELS['mass']}计，"
                f"不以{app.scale.unit}计；请按重量填写。The plan measures {minerals} by mass."
            )


def _doc_of(review: dict[str, Any], checks: list[dict[str, Any]]) -> bool:
    return any(c["doc"] == review["doc"] for c in checks)


def _unique(rules: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One rule per sentence, modality, quantity, condition and subjects (the extraction may
    yield the same reading twice)."""
    seen, out = set(), []
    for r in rules:
        q = r.get("quantity") or {}
        key = (
            r["clause_id"],
            tuple(r["span"]),
            r["modality"],
            str(q.get("value")),
            r.get("condition"),
        )
        key += (tuple(r["subjects"]["minerals"]), tuple(r.get("actions") or []))
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def _unit_families(rules: list[dict[str, Any]]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {"mass": set(), "volume": set()}
    for r in rules:
        q = r.get("quantity")
        scale = q and rule_scale(q["value"], q["unit"])
        if scale:
            out[scale.family].update(r["subjects"]["minerals"])
    return out
