"""The `plankb` command line: parses options, calls the KB, prints text or JSON.

Errors become one line on stderr and exit code 1; the core never prints or exits.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from kb import KnowledgeBase
from kb.errors import KBError, NotFound
from kb.render import render_clause, render_outline
from kb.settings import setting

COMMANDS: dict[str, str] = {
    "ingest": "build the knowledge base from plan files (default: every *.txt in the corpus)",
    "outline": "print the document tree: chapters, sections, boxes, with pages",
    "show": "print one clause with its citation",
}


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
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        kb_path = args.kb or Path(setting("KB_PATH"))
        out = HANDLERS[args.command](args, kb_path)
    except NotFound as exc:
        hint = f" (did you mean: {', '.join(exc.suggestions)})" if exc.suggestions else ""
        print(f"plankb: {exc}{hint}", file=sys.stderr)
        return 1
    except KBError as exc:
        print(f"plankb: {exc}", file=sys.stderr)
        return 1
    if out:
        print(out)
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
    return _as_json(data) if args.json else render_clause(data)


HANDLERS = {"ingest": _ingest, "outline": _outline, "show": _show}

if __name__ == "__main__":
    sys.exit(main())
