"""The lexicon of a KB: regions, minerals and zone types with their aliases (`lexicon.json`).

Written by the build from the gazetteers of `ingest/data/`; read here, so queries never touch
the ingest folder. Names resolve through aliases: 丹东 → 丹东市,
岫岩 → 岫岩满族自治县 (under 鞍山市), 硼 → 硼矿, B2O3 → 硼矿.

    lex = Lexicon.load(kb_root)
    lex.resolve("岫岩")            # ("region", "岫岩满族自治县")
    lex.aliases("菱镁")            # ["菱镁矿", "菱镁", "菱镁石"]
    lex.words()                    # every term, for a tokenizer dictionary
"""

from __future__ import annotations

import difflib
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

from kb.errors import NotFound
from kb.store import read_json
from kb.vocabulary import ENTITY_KINDS, ENTITY_KINDS_EN, NAMED_KINDS

KINDS = NAMED_KINDS
_TABLES = {"region": "regions", "mineral": "minerals", "zone_type": "zone_types"}
LEXICON_FILE = "lexicon.json"


def fold(text: str) -> str:
    """The form names are compared in: NFKC (B₂O₃ = B2O3), lower case, no spaces."""
    return "".join(unicodedata.normalize("NFKC", text).lower().split())


class Lexicon:
    """Regions, minerals and zone types of a KB, with alias resolution and suggestions."""

    def __init__(self, data: dict[str, Any]):
        self.data = data
        self.entries: dict[str, dict[str, dict[str, Any]]] = {k: data[_TABLES[k]] for k in KINDS}
        self._by_surface: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for kind in KINDS:
            for name, entry in self.entries[kind].items():
                for surface in {fold(s) for s in (name, *entry["aliases"])}:
                    self._by_surface[surface].append((kind, name))

    @classmethod
    def load(cls, root: str | Path) -> Lexicon:
        """The lexicon stored in the KB folder `root`."""
        return cls(read_json(Path(root) / LEXICON_FILE))

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form (what `lexicon.json` holds)."""
        return self.data

    # -- names -----------------------------------------------------------------------------

    def names(self, kind: str) -> list[str]:
        """Canonical names of one kind ("region", "mineral" or "zone_type"), in data order."""
        return list(self.entries[kind])

    def entry(self, kind: str, name: str) -> dict[str, Any]:
        """The stored entry of a canonical name (aliases, level, parent, category …)."""
        return self.entries[kind][name]

    def surfaces(self) -> dict[str, list[tuple[str, str]]]:
        """Every name and alias (as written) → the (kind, canonical name) pairs it names."""
        out: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for kind in KINDS:
            for name, entry in self.entries[kind].items():
                for surface in dict.fromkeys((name, *entry["aliases"])):
                    out[surface].append((kind, name))
        return dict(out)

    def candidates(self, text: str, kind: str | None = None) -> list[tuple[str, str]]:
        """Every (kind, canonical name) that `text` names; [] when it names none."""
        found = self._by_surface.get(fold(text), [])
        return [(k, n) for k, n in found if kind is None or k == kind]

    def resolve(self, text: str, kind: str | None = None) -> tuple[str, str]:
        """(kind, canonical name) of a name or alias; NotFound with suggestions if unknown or
        ambiguous."""
        found = self.candidates(text, kind)
        label = ENTITY_KINDS_EN.get(kind or "", "region, mineral or zone type")
        zh = ENTITY_KINDS.get(kind or "", "地区、矿种或分区类型")
        if len(found) == 1:
            return found[0]
        if found:
            raise NotFound(
                f"“{text}”对应多个{zh}，请选择其一。{text!r} names more than one {label}.",
                [n for _, n in found],
            )
        message = f"没有这个{zh}：{text}。No {label} named {text!r}."
        raise NotFound(message, self.suggest(text, kind))

    def canonical(self, text: str, kind: str) -> str:
        """The canonical name of a name or alias of `kind`; NotFound with suggestions if none."""
        return self.resolve(text, kind)[1]

    def aliases(self, name: str, kind: str | None = None) -> list[str]:
        """Every surface form of what `name` names, canonical first (菱镁 → 菱镁矿, 菱镁, …)."""
        kind, canonical = self.resolve(name, kind)
        return list(dict.fromkeys([canonical, *self.entries[kind][canonical]["aliases"]]))

    def words(self) -> list[str]:
        """Every name, alias and domain term of two characters or more (for jieba), sorted."""
        words = set(self.data.get("terms", []))
        for kind in KINDS:
            for name, entry in self.entries[kind].items():
                words.update((name, *entry["aliases"]))
        return sorted(w for w in words if len(w) >= 2)

    def suggest(self, text: str, kind: str | None = None, n: int = 5) -> list[str]:
        """Canonical names close to `text` (difflib, then shared characters, then top-level
        names) — never empty."""
        pool = {
            s: names
            for s, names in self.surfaces().items()
            if any(kind is None or k == kind for k, _ in names)
        }
        close = difflib.get_close_matches(text, list(pool), n=n, cutoff=0.5)
        if not close:
            close = [s for s in pool if set(s) & set(text)][:n]
        picked = [name for s in close for k, name in pool[s] if kind is None or k == kind]
        return list(dict.fromkeys(picked))[:n] or self._defaults(kind)[:n]

    def _defaults(self, kind: str | None) -> list[str]:
        if kind in (None, "region"):
            return [n for n, e in self.entries["region"].items() if e["level"] == "prefecture"]
        return self.names(kind)

    # -- regions -----------------------------------------------------------------------------

    def zone_type(self, name: str) -> dict[str, Any]:
        """The zone type entry a name, alias or slug resolves to (key-exploration → 重点勘查区)."""
        for entry in self.entries["zone_type"].values():
            if entry["slug"] == name:
                return entry
        return self.entries["zone_type"][self.canonical(name, "zone_type")]

    def children(self, region: str) -> list[str]:
        """Canonical names of the regions directly under `region` (a city's counties)."""
        return [
            n
            for n, e in self.entries["region"].items()
            if e["parent"] == region and e["level"] != "area"
        ]

    def areas_of(self, region: str) -> list[str]:
        """Functional areas (辽东绿色经济区) that contain the county `region`."""
        return [n for n, e in self.entries["region"].items() if region in e.get("members", [])]

    def city_of(self, region: str) -> str | None:
        """The city of a county or town, the city itself for a city, None for the province or an
        area."""
        entry = self.entries["region"][region]
        if entry["level"] == "prefecture":
            return region
        if entry["level"] == "county":
            return entry["parent"]
        if entry["level"] == "town":
            return self.city_of(entry["parent"])
        return None

    def province_names(self) -> list[str]:
        """Names and aliases of the provinces, longest first (辽宁省, 辽宁): the prefix a zone's
        name may carry (辽宁岫岩西沟-小荒沟 is also 岫岩西沟-小荒沟)."""
        names = {
            form
            for name, e in self.entries["region"].items()
            if e["level"] == "province"
            for form in (name, *e["aliases"])
        }
        return sorted(names, key=lambda n: (-len(n), n))

    def without_province(self, name: str) -> str:
        """`name` less a leading province name (辽宁岫岩西沟-小荒沟 → 岫岩西沟-小荒沟)."""
        prefix = next((p for p in self.province_names() if name.startswith(p)), "")
        return name[len(prefix) :]

    def ancestors(self, region: str) -> list[str]:
        """Parent, grandparent … of `region` (岫岩满族自治县 → [鞍山市, 辽宁省])."""
        out: list[str] = []
        parent = self.entries["region"][region]["parent"]
        while parent and parent not in out:
            out.append(parent)
            parent = self.entries["region"][parent]["parent"]
        return out
