"""One access-log line per request, the same under gunicorn and waitress (WSGI middleware).

    127.0.0.1 - - [28/Nov/2026:18:30:00 +0000] "GET /api/outline HTTP/1.1" 200 27275 2.3ms pid=812

Common Log Format plus the time the app took and the worker's process id, on the logger
`plankb.access` (stdout when served by `python -m web`). The request line is percent-encoded, so
no query can forge a line, and cut to MAX_TARGET characters.
"""

from __future__ import annotations

import logging
import os
import time
from urllib.parse import quote

MAX_TARGET = 300
SAFE = "/:@!$&'()*+,;=-._~%?"

log = logging.getLogger("plankb.access")


def target(environ: dict) -> str:
    """The request target as sent, percent-encoded and cut to MAX_TARGET characters."""
    path = quote(environ.get("PATH_INFO", "").encode("latin-1", "replace"), safe=SAFE)
    query = environ.get("QUERY_STRING", "")
    if query:
        path += "?" + quote(query.encode("latin-1", "replace"), safe=SAFE)
    return path if len(path) <= MAX_TARGET else path[: MAX_TARGET - 3] + "..."


class AccessLog:
    """Wraps a WSGI app; logs one line once the app has answered."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        start, seen = time.perf_counter(), {"status": "500", "size": "-"}

        def record(status, headers, exc_info=None):
            seen["status"] = status.split(" ", 1)[0]
            seen["size"] = next((v for k, v in headers if k.lower() == "content-length"), "-")
            return start_response(status, headers, exc_info)

        try:
            return self.app(environ, record)
        finally:
            self._line(environ, seen, time.perf_counter() - start)

    @staticmethod
    def _line(environ: dict, seen: dict, seconds: float) -> None:
        when = time.strftime("%d/%b/%Y:%H:%M:%S %z")
        method = quote(environ.get("REQUEST_METHOD", "-"), safe="")
        protocol = quote(environ.get("SERVER_PROTOCOL", "-"), safe="/.")
        log.info(
            '%s - - [%s] "%s %s %s" %s %s %.1fms pid=%d',
            environ.get("REMOTE_ADDR", "-"),
            when,
            method,
            target(environ),
            protocol,
            seen["status"],
            seen["size"],
            seconds * 1000,
            os.getpid(),
        )
