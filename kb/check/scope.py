"""Which loaded plans cover an application's place.

A plan covers the region its title (or issuer) starts with: 辽宁省矿产资源总体规划 → 辽宁省,
the whole province; a county plan 岫岩满族自治县矿产资源规划 → that county only. A plan whose
title names no known region is taken to cover every place (and says so nowhere else, so a
county plan should carry its county in its title)."""

from __future__ import annotations

from typing import Any

from kb.lexicon import Lexicon
from kb.vocabulary import PROVINCE


def plan_region(doc: Any, lex: Lexicon) -> str | None:
    """The region a plan's title or issuer starts with (longest name or alias first)."""
    surfaces = sorted(lex.surfaces().items(), key=lambda kv: -len(kv[0]))
    for text in (doc.title, doc.issuer):
        for surface, named in surfaces:
            regions = [n for k, n in named if k == "region"]
            if regions and len(surface) >= 2 and (text or "").startswith(surface):
                return regions[0]
    return None


def covers(region: str | None, places: list[str], lex: Lexicon) -> bool:
    """Whether a plan on `region` covers every place of the application: a place in its
    region (a province plan covers its own province only: 河北省's plan does not cover 宽甸).
    No place given: a plan covers it only if it is province-wide or of unknown scope."""
    if region is None:
        return True
    if not places:
        return lex.entry("region", region)["level"] == PROVINCE
    return all(region in {p, *lex.ancestors(p), *lex.areas_of(p)} for p in places)
