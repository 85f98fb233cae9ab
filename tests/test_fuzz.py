"""Hypothesis fuzzing of every query entry point: any text — markup, control characters, query
syntax, 10,000 characters, any Unicode but lone surrogates — gives an answer or a KBError (a
message), never another exception; over HTTP never a 500."""

from __future__ import annotations

from urllib.parse import quote

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kb.errors import KBError

FUZZ = settings(
    max_examples=200,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
WORDS = "硼 菱镁矿 丹东 岫岩 开采规模 OR | - － title: * ~2 ^ ( ) \\ ； B₂O₃ Ｂ２Ｏ３ 🙂".split()
MARKUP = ["<script>", "</b>", "&amp;", "%00", "../", "liaoning-2021-2025/", "6.4.2", "box5/16"]
ODD = ['"', "“", "”", "「", " ", "\t", "\n", "\x00", "\x1b", "\u200b", "\ufeff", "\u2029"]
PIECES = WORDS + MARKUP + ODD
ANY_CHAR = st.characters(exclude_categories=["Cs"])  # any Unicode but lone surrogates
TEXT = st.one_of(
    st.text(ANY_CHAR, max_size=60),
    st.lists(st.sampled_from(PIECES), max_size=30).map("".join),
    st.text(ANY_CHAR, min_size=1, max_size=4).map(lambda s: (s * 10_000)[:10_000]),
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=4).map(
        lambda p: (" ".join(p) * 2_000)[:10_000]
    ),
)
FILTER = st.one_of(st.none(), TEXT)


def answers_or_refuses(call, *args, **kwargs) -> None:
    try:
        result = call(*args, **kwargs)
    except KBError as exc:
        assert str(exc) and "Traceback" not in str(exc)
    else:
        assert isinstance(result, dict)


@FUZZ
@given(q=TEXT)
def test_search_text(kb, q):
    answers_or_refuses(kb.search, q)


@FUZZ
@given(q=TEXT, region=FILTER, mineral=FILTER, zone_type=FILTER, chapter=FILTER, kind=FILTER)
def test_search_filters(kb, q, region, mineral, zone_type, chapter, kind):
    filters = {"region": region, "mineral": mineral, "zone_type": zone_type}
    answers_or_refuses(kb.search, q, chapter=chapter, kind=kind, **filters)


@FUZZ
@given(limit=TEXT, offset=TEXT, page=TEXT)
def test_search_paging(kb, limit, offset, page):
    answers_or_refuses(kb.search, "硼", limit=limit, offset=offset, page=page)


@FUZZ
@given(entry=st.sampled_from(["region", "mineral", "zone", "clause"]), text=TEXT)
def test_lookups(kb, entry, text):
    answers_or_refuses(getattr(kb, entry), text)


@FUZZ
@given(zone_type=FILTER, region=FILTER, mineral=FILTER)
def test_zones(kb, zone_type, region, mineral):
    answers_or_refuses(kb.zones, zone_type=zone_type, region=region, mineral=mineral)


ROUTES = ["/api/clauses/", "/clauses/", "/api/regions/", "/minerals/", "/api/zones/", "/zones/"]
ARGS = ["/api/search?q=", "/search?q=", "/api/zones?type=", "/zones?region=", "/search?q=硼&page="]


@FUZZ
@given(route=st.sampled_from(ROUTES + ARGS), text=TEXT)
def test_http_never_answers_500(app, route, text):
    url = route + quote(text.encode("utf-8"), safe="")
    with app.test_client().get(url) as response:
        status, body = response.status_code, response.get_data(as_text=True)[:300]
        assert status in (200, 400, 404), (status, url[:200], body)
