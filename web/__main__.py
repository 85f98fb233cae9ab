"""`python -m web` (what `make serve` runs): build the KB if missing or stale, then serve it
with waitress on HOST:PORT."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from kb.errors import KBError
from kb.settings import setting


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    log = logging.getLogger("plankb")
    try:
        host, port, threads = setting("HOST"), setting("PORT"), setting("THREADS")
        kb_path, corpus = Path(setting("KB_PATH")), Path(setting("CORPUS"))
        from ingest.build import ensure_fresh

        if ensure_fresh(corpus, kb_path, progress=log.info):
            log.info("knowledge base built at %s", kb_path)
    except KBError as exc:
        print(f"plankb: {exc}", file=sys.stderr)
        return 1
    import waitress

    from web import create_app

    app = create_app({"KB_PATH": str(kb_path)})
    if app.extensions["kb"] is not None:
        app.extensions["kb"].warm()
    log.info("serving on http://%s:%s", host, port)
    waitress.serve(app, host=host, port=port, threads=threads)
    return 0


if __name__ == "__main__":
    sys.exit(main())
