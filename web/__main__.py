"""`python -m web` (what `make serve` runs): build the KB if missing or stale, then serve it
with waitress on HOST:PORT.

When the corpus cannot be built (a file in it is not a plan) but an earlier KB exists, the
server says why on stderr and serves the earlier KB: a bad file never takes the service down.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from kb.errors import KBError, KBMissing
from kb.settings import setting
from kb.store import verify_build


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    log = logging.getLogger("plankb")
    try:
        host, port, threads = setting("HOST"), setting("PORT"), setting("THREADS")
        kb_path, corpus = Path(setting("KB_PATH")), Path(setting("CORPUS"))
        refresh(corpus, kb_path, log)
    except KBError as exc:
        print(f"plankb: {exc}", file=sys.stderr)
        return 1
    import waitress

    from web import create_app, svg_map

    app = create_app({"KB_PATH": str(kb_path)})
    app.extensions["live_kb"].warm()
    svg_map.outlines()  # the map's outlines, projected once before the first page needs them
    log.info("serving on http://%s:%s", host, port)
    waitress.serve(app, host=host, port=port, threads=threads)
    return 0


def refresh(corpus: Path, kb_path: Path, log: logging.Logger) -> None:
    """Rebuild a missing, damaged or stale KB; keep the earlier one when the corpus cannot be
    built (unless it is damaged: then there is nothing to serve)."""
    from ingest.build import ensure_fresh

    try:
        if ensure_fresh(corpus, kb_path, progress=log.info):
            log.info("knowledge base built at %s", kb_path)
    except KBError as exc:
        try:
            built = verify_build(kb_path)["built"]
        except KBMissing:
            raise exc from None
        print(f"plankb: {exc}", file=sys.stderr)
        print(
            f"plankb: 语料未能重建，继续使用 {built} 建立的知识库。"
            f"Serving the knowledge base built {built}.",
            file=sys.stderr,
        )


if __name__ == "__main__":
    sys.exit(main())
