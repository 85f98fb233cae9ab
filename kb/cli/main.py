"""The `plankb` command line: parses options, calls the KB, prints text or JSON.

Errors become one line on stderr and exit code 1; the core never prints or exits.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from kb import KnowledgeBase
from kb.citation import STYLES
from kb.cli.render import (
    render_ask,
    render_check,
    render_clause,
    render_mineral,
    render_outline,
    render_region,
    render_rules,
    render_search,
    render_zone,
    render_zones,
)
from kb.errors import KBError, NotFound
from kb.settings import setting
from kb.vocabulary import RULE_MODALITIES

COMMANDS: dict[str, str] = {
    "ingest": "build the knowledge base from plan files (default: every *.txt in the corpus)",
    "outline": "print the document tree: chapters, sections, boxes, with pages",
    "show": "print one clause with its citation",
    "search": "full-text search: matching clauses, best first, with snippets and citations",
    "ask": "a question answered from the plan, every fact with its citation",
    "region": "everything about a region: zones, stances, projects, requirements, mentions",
    "mineral": "everything about a mineral: indicators, stances, zones, projects, requirements",
    "zones": "list zones, filtered by type, region and mineral",
    "zone": "one zone with every requirement that applies to it, each with its citation",
    "check": "规划审核: check an application against every applicable rule, cited",
    "rules": "the plan's rules (bans, limits, quotas …) on a mineral, region, zone or action",
}


RULE_OPTIONS = {
    "mineral": "菱镁矿",
    "region": "岫岩",
    "zone": "重点开采区",
    "modality": "|".join(RULE_MODALITIES),
    "action": "开采",
    "doc": "liaoning-2021-2025",
}
DOC_HELP = "only what this plan says (slug or title), e.g. liaoning-2021-2025"


STYLE_HELP = "citation style: plan (the plan's own form, default) or gbt7714 (GB/T 7714—2015)"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="plankb", description="PlanKB: query planning documents")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    kb_help = "knowledge base folder (default: $PLANKB_KB or var/kb)"

    def command(name: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=COMMANDS[name], description=COMMANDS[name])
        p.add_argument("--kb", type=Path, default=None, help=kb_help)
        return p

    p = command("ingest")
    p.add_argument("files", nargs="*", type=Path, metavar="FILE", help="plan text files")
    p.add_argument("--quiet", action="store_true", help="print nothing on success")
    p = command("outline")
    p.add_argument("--json", action="store_true", help="print JSON")
    p = command("show")
    p.add_argument("id", help="clause id, e.g. liaoning-2021-2025/6.4.2")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--style", choices=list(STYLES), default="plan", help=STYLE_HELP)
    _search_options(command("search"))
    _ask_options(command("ask"))
    _lookup_options(command)
    _check_options(command("check"))
    _rule_options(command("rules"))
    return parser


def _search_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("q", nargs="*", metavar="Q", help="query, e.g. 菱镁矿 开采规模 or 硼 -硼泥")
    p.add_argument("--limit", type=int, default=10, help="hits per page (default 10)")
    p.add_argument("--page", type=int, default=1, help="page of hits (default 1)")
    for name in ("doc", "region", "mineral", "zone-type", "chapter", "kind"):
        p.add_argument(f"--{name}", default=None, help=f"only clauses of this {name}")
    p.add_argument("--json", action="store_true", help="print JSON")


def _ask_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("q", nargs="+", metavar="Q", help="question, e.g. 哪些矿种禁止开采？")
    p.add_argument("--doc", default=None, help="answer from this plan alone (slug or title)")
    p.add_argument("--json", action="store_true", help="print JSON")


def _lookup_options(command) -> None:
    """The region, mineral, zones and zone commands."""
    for name, example in (("region", "丹东, 岫岩"), ("mineral", "菱镁矿, 硼")):
        p = command(name)
        p.add_argument("name", metavar="NAME", help=f"{name} name or alias, e.g. {example}")
        p.add_argument("--doc", default=None, help=DOC_HELP)
        p.add_argument("--json", action="store_true", help="print JSON")
    p = command("zones")
    p.add_argument("--type", default=None, help="zone type, e.g. 重点勘查区 or key-exploration")
    p.add_argument("--region", default=None, help="region name or alias, e.g. 丹东")
    p.add_argument("--mineral", default=None, help="mineral name or alias, e.g. 硼")
    p.add_argument("--doc", default=None, help=DOC_HELP)
    p.add_argument("--json", action="store_true", help="print JSON")
    p = command("zone")
    p.add_argument("id", metavar="ID", help="zone id or name, e.g. 辽宁岫岩西沟-小荒沟")
    p.add_argument("--json", action="store_true", help="print JSON")


def _check_options(p: argparse.ArgumentParser) -> None:
    from kb.vocabulary import APPLICATION_KINDS, CHECK_FACTS, MINING_METHODS, RESERVE_CLASSES

    p.add_argument("--kind", help=f"application kind: {' / '.join(APPLICATION_KINDS)}")
    p.add_argument("--mineral", help="mineral name or alias, e.g. 菱镁矿 (several: 金,铜)")
    p.add_argument("--place", help="county, city or zone, e.g. 岫岩")
    p.add_argument("--method", help=f"mining method: {' / '.join(MINING_METHODS)}")
    p.add_argument("--scale", help="yearly output with its unit, e.g. 20万吨/年")
    p.add_argument("--reserve", help=f"reserve class: {' / '.join(RESERVE_CLASSES)}")
    p.add_argument(
        "--fact",
        action="append",
        default=[],
        metavar="KEY=是|否",
        help=f"a stated fact, e.g. 集中开采区=是; keys: {'、'.join(CHECK_FACTS)}",
    )
    p.add_argument("--doc", default=None, help="apply this plan's rules alone (slug or title)")
    p.add_argument("--json", action="store_true", help="print JSON")


def _rule_options(p: argparse.ArgumentParser) -> None:
    for name, example in RULE_OPTIONS.items():
        p.add_argument(f"--{name}", default=None, help=f"only rules of this {name}, e.g. {example}")
    p.add_argument("--general", action="store_true", help="also rules that hold province-wide")
    p.add_argument("--json", action="store_true", help="print JSON")


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args, extra = parser.parse_known_args(argv)
    if extra and (args.command != "search" or any(e.startswith("--") for e in extra)):
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    if extra:  # `plankb search 硼 -硼泥`: a -word excludes, it is not an option
        args.q += extra
    try:
        kb_path = args.kb or Path(setting("KB_PATH"))
        out = HANDLERS[args.command](args, kb_path)
    except NotFound as exc:
        hint = f" 您是否要找：{'、'.join(exc.suggestions)}" if exc.suggestions else ""
        print(f"plankb: {exc}{hint}", file=sys.stderr)
        return 1
    except KBError as exc:
        print(f"plankb: {exc}", file=sys.stderr)
        return 1
    return _emit(out) if out else 0


def _emit(out: str) -> int:
    """Print the answer; a closed pipe (`plankb outline | head`) ends quietly, and an output
    that cannot take it (no Chinese, disk full) is one line on stderr, never a traceback."""
    try:
        print(out)
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no error at exit
        return 0
    except (UnicodeEncodeError, OSError) as exc:
        print(
            f"plankb: 无法写出结果（{type(exc).__name__}）；请用 UTF-8 输出，例如 "
            "PYTHONIOENCODING=utf-8。Cannot write the output.",
            file=sys.stderr,
        )
        return 1
    return 0


def _ingest(args: argparse.Namespace, kb_path: Path) -> str:
    from ingest.build import build, corpus_files  # spaCy and friends load only here

    files = args.files or corpus_files(Path(setting("CORPUS")))
    docs = build(files, kb_path)
    if args.quiet:
        return ""
    return "\n".join(f"{d.slug}: {len(d.clauses)} clauses from {d.source}" for d in docs) + (
        f"\nknowledge base written to {kb_path}"
    )


def _as_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def _outline(args: argparse.Namespace, kb_path: Path) -> str:
    data = KnowledgeBase.open(kb_path).outline()
    return _as_json(data) if args.json else render_outline(data)


def _show(args: argparse.Namespace, kb_path: Path) -> str:
    data = KnowledgeBase.open(kb_path).clause(args.id)
    return _as_json(data) if args.json else render_clause(data, args.style)


def _search(args: argparse.Namespace, kb_path: Path) -> str:
    names = ("doc", "region", "mineral", "zone_type", "chapter", "kind")
    filters = {k: getattr(args, k) for k in names}
    data = KnowledgeBase.open(kb_path).search(
        " ".join(args.q), limit=args.limit, page=args.page, **filters
    )
    return _as_json(data) if args.json else render_search(data)


def _ask(args: argparse.Namespace, kb_path: Path) -> str:
    data = KnowledgeBase.open(kb_path).ask(" ".join(args.q), doc=args.doc)
    return _as_json(data) if args.json else render_ask(data)


def _region(args: argparse.Namespace, kb_path: Path) -> str:
    data = KnowledgeBase.open(kb_path).region(args.name, doc=args.doc)
    return _as_json(data) if args.json else render_region(data)


def _mineral(args: argparse.Namespace, kb_path: Path) -> str:
    data = KnowledgeBase.open(kb_path).mineral(args.name, doc=args.doc)
    return _as_json(data) if args.json else render_mineral(data)


def _zones(args: argparse.Namespace, kb_path: Path) -> str:
    data = KnowledgeBase.open(kb_path).zones(
        zone_type=args.type, region=args.region, mineral=args.mineral, doc=args.doc
    )
    return _as_json(data) if args.json else render_zones(data)


def _zone(args: argparse.Namespace, kb_path: Path) -> str:
    data = KnowledgeBase.open(kb_path).zone(args.id)
    return _as_json(data) if args.json else render_zone(data)


def _check(args: argparse.Namespace, kb_path: Path) -> str:
    fields = ("kind", "mineral", "place", "method", "scale", "reserve")
    application: dict[str, Any] = {k: getattr(args, k) for k in fields if getattr(args, k)}
    for fact in args.fact:
        key, _, value = fact.partition("=")
        application[key.strip()] = value.strip() or "是"
    data = KnowledgeBase.open(kb_path).check(application, doc=args.doc)
    return _as_json(data) if args.json else render_check(data)


def _rules(args: argparse.Namespace, kb_path: Path) -> str:
    filters = {k: getattr(args, k) for k in RULE_OPTIONS}
    data = KnowledgeBase.open(kb_path).rules(**filters, general=args.general)
    return _as_json(data) if args.json else render_rules(data)


HANDLERS = {
    "ingest": _ingest,
    "outline": _outline,
    "show": _show,
    "search": _search,
    "ask": _ask,
    "region": _region,
    "mineral": _mineral,
    "zones": _zones,
    "zone": _zone,
    "check": _check,
    "rules": _rules,
}

if __name__ == "__main__":
    sys.exit(main())
