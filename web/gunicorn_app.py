"""gunicorn run from Python (`python -m web`), with the app loaded before the fork."""

from __future__ import annotations

from gunicorn.app.base import BaseApplication

from web.serve import GRACEFUL_SECONDS


class Prefork(BaseApplication):
    """gunicorn's master with `wsgi` preloaded: every worker forks with the KB already open."""

    def __init__(self, wsgi, bind: str, workers: int, threads: int, live=None):
        self.application = wsgi
        self.options = {
            "bind": bind,
            "workers": workers,
            "threads": threads,
            "worker_class": "gthread",
            "preload_app": True,
            "accesslog": None,  # web.access_log writes the one line per request
            "errorlog": "-",
            "loglevel": "info",
            "graceful_timeout": GRACEFUL_SECONDS,
            "timeout": 60,
            # one request per connection: a kept-alive connection stays with the worker that
            # accepted it, and a few busy clients would all land on one worker (measured: 32
            # kept-alive clients, 2 workers, every request on one); behind nginx it is the same
            "keepalive": 0,
            # a search URL of 10,000 Chinese characters is 90 KB; 0 lets gunicorn take request
            # lines up to 1 MB (its own cap) and the app's cost ceiling do the rest
            "limit_request_line": 0,
            "proc_name": "plankb",
            "control_socket_disable": True,  # one per home folder: two servers would clash
        }
        if live is not None:  # each worker leases its build itself; the master holds none
            self.options["when_ready"] = lambda _server: live.detach()
            self.options["post_fork"] = lambda _server, _worker: live.attach()
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        return self.application
