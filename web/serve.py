"""Serving the app on every core: gunicorn pre-forks WORKERS processes that share the KB loaded
once before the fork (copy-on-write), each with THREADS threads; where gunicorn is not available
(not POSIX, or not installed) or PLANKB_SERVER=waitress, waitress serves in one process.

Both log one line per request (web.access_log) on stdout and nothing else per request; start-up,
worker and error messages go to stderr.
"""

from __future__ import annotations

import gc
import logging
import os
import sys

from kb.errors import KBError
from web.access_log import AccessLog

SERVERS = ("auto", "gunicorn", "waitress")
GRACEFUL_SECONDS = 5  # a stopped server lets requests in flight finish this long
log = logging.getLogger("plankb")


def has_gunicorn() -> bool:
    if os.name != "posix":
        return False
    try:
        import gunicorn  # noqa: F401
    except ImportError:
        return False
    return True


def choose(server: str) -> str:
    """The server for the PLANKB_SERVER setting (gunicorn or waitress); KBError if not possible."""
    if server not in SERVERS:
        raise KBError(f"setting PLANKB_SERVER={server!r} is not one of {', '.join(SERVERS)}")
    if server == "auto":
        return "gunicorn" if has_gunicorn() else "waitress"
    if server == "gunicorn" and not has_gunicorn():
        raise KBError("PLANKB_SERVER=gunicorn, but gunicorn is not installed or not POSIX")
    return server


def setup_logging() -> None:
    """Messages on stderr; the access log on stdout; no per-request warnings from waitress."""
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    access = logging.getLogger("plankb.access")
    access.handlers[:] = [logging.StreamHandler(sys.stdout)]
    access.propagate = False
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)  # "Task queue depth is N"


def serve(app, server: str, host: str, port: int, workers: int, threads: int) -> None:
    """Serve `app` (its KB open and warm) until stopped."""
    wsgi = AccessLog(app)
    if server == "waitress":
        import waitress

        if workers > 1:
            log.info("waitress serves in one process: PLANKB_WORKERS=%d is not used", workers)
        log.info("serving on http://%s:%s (waitress, %d threads)", host, port, threads)
        waitress.serve(wsgi, host=host, port=port, threads=threads, _quiet=True)
        return
    from web.gunicorn_app import Prefork

    gc.freeze()  # what is loaded now stays shared with the workers: the collector never touches it
    log.info(
        "serving on http://%s:%s (gunicorn, %d workers × %d threads)", host, port, workers, threads
    )
    live = app.extensions["live_kb"]
    Prefork(wsgi, bind=f"{host}:{port}", workers=workers, threads=threads, live=live).run()
