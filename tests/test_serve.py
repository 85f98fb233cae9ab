"""Choosing the server, and the access-log line: no URL can forge a line or flood the log."""

from __future__ import annotations

import logging

import pytest

from kb.errors import KBError
from web import serve
from web.access_log import MAX_TARGET, AccessLog, target


def test_the_server_setting_is_checked():
    with pytest.raises(KBError, match=r"PLANKB_SERVER='nginx' is not one of auto, gunicorn"):
        serve.choose("nginx")
    assert serve.choose("waitress") == "waitress"
    assert serve.choose("auto") == ("gunicorn" if serve.has_gunicorn() else "waitress")


@pytest.mark.parametrize(
    ("path", "query", "logged"),
    [
        ("/api/search", "q=%E7%A1%BC", "/api/search?q=%E7%A1%BC"),
        (
            '/clauses/a\n127.0.0.1 - - "GET /forged',
            "",
            "/clauses/a%0A127.0.0.1%20-%20-%20%22GET%20/forged",
        ),
        ("/regions/\x1b[31m", 'x="y"', "/regions/%1B%5B31m?x=%22y%22"),
    ],
)
def test_the_request_line_is_percent_encoded(path, query, logged):
    environ = {"PATH_INFO": path.encode("utf-8").decode("latin-1"), "QUERY_STRING": query}
    assert target(environ) == logged


def test_a_long_request_line_is_cut():
    logged = target({"PATH_INFO": "/search", "QUERY_STRING": "q=" + "%E7%A1%BC" * 2000})
    assert len(logged) == MAX_TARGET and logged.endswith("...")


def test_one_line_per_request_with_status_and_size(client, app, caplog):
    wsgi = AccessLog(app)
    environ = client.environ_base | {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": "/api/regions/x",
        "QUERY_STRING": "",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "80",
        "wsgi.url_scheme": "http",
        "wsgi.input": None,
        "REMOTE_ADDR": "127.0.0.1",
    }
    with caplog.at_level(logging.INFO, logger="plankb.access"):
        body = wsgi(environ, lambda status, headers, exc_info=None: None)
        size = sum(map(len, body))
    (line,) = [r.getMessage() for r in caplog.records if r.name == "plankb.access"]
    assert f'"GET /api/regions/x HTTP/1.1" 404 {size} ' in line
