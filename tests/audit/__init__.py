"""Hand-made audits of the product, read off the plan (never produced by the code), and the
scores `make bench` prints: `python -c "from tests.audit import print_scores; print_scores()"`.

- `pages.csv`: clause pages — every clause whose page differs from its section's start page and
  a sample of the others, with the evidence each was derived from.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from kb.model import Document

AUDIT = Path(__file__).resolve().parent
PLAN = AUDIT.parent.parent / "corpus" / "liaoning-mineral-plan-2021-2025.txt"


@dataclass(frozen=True)
class PageFact:
    clause: str  # local id: 6.5.3, box5/16
    page: int
    pages: tuple[int, int | None]
    how: str


@dataclass(frozen=True)
class Score:
    field: str
    audited: int
    given: int  # the product gives a value for the clause
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.given if self.given else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.audited if self.audited else 0.0


def read_pages(path: Path = AUDIT / "pages.csv") -> list[PageFact]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    return [
        PageFact(
            r["clause"],
            int(r["page"]),
            (int(r["first"]), int(r["last"]) if r["last"] else None),
            r["how"],
        )
        for r in csv.DictReader(lines)
    ]


def score_pages(doc: Document, facts: list[PageFact]) -> list[Score]:
    """Per field (page, pages): how many audited clauses the product gives one for, and how
    many of those match the audit."""
    by_local = {c.id.split("/", 1)[1]: c for c in doc.clauses}
    found = [by_local.get(f.clause) for f in facts]
    page = [(f.page, c.page if c else None) for f, c in zip(facts, found, strict=True)]
    pages = [
        (f.pages, tuple(c.pages) if c and c.pages else None)
        for f, c in zip(facts, found, strict=True)
    ]
    return [
        Score(name, len(pairs), sum(g is not None for _, g in pairs), sum(a == g for a, g in pairs))
        for name, pairs in (("page", page), ("pages", pages))
    ]


def page_scores() -> list[Score]:
    from ingest.parser import parse_file

    return score_pages(parse_file(PLAN), read_pages())


def audit_table() -> str:
    """Precision and recall per audited field, as a Markdown table (a `make bench` section)."""
    from tests.bench import table

    rows = [
        [
            s.field,
            str(s.audited),
            str(s.given),
            str(s.correct),
            f"{s.precision:.3f}",
            f"{s.recall:.3f}",
        ]
        for s in page_scores()
    ]
    header = ["field", "audited", "given", "correct", "precision", "recall"]
    return table("Clause pages vs the hand-made audit (tests/audit/pages.csv)", header, rows)


def print_scores() -> None:
    """Print precision and recall per audited field."""
    print(audit_table())
