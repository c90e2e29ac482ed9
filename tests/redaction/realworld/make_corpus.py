"""Write dev.jsonl, heldout.jsonl, dev2.jsonl and dev3.jsonl for the real-world redaction corpus.

Run from the repository root:  python tests/redaction/realworld/make_corpus.py
Deterministic: every random choice comes from a seeded ``random.Random``.
"""

from __future__ import annotations

import json
import random
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import structured as S  # noqa: E402
import templates_dev  # noqa: E402
import templates_dev2  # noqa: E402
import templates_dev3  # noqa: E402
import templates_heldout  # noqa: E402
from pools import COUNTRIES  # noqa: E402
from render import OTHER_COUNTRY, Ctx, render_obj, slots_in  # noqa: E402
from tmpl import Template  # noqa: E402

SPLITS = {
    # split: (templates, number of records, seed)
    "dev": (templates_dev.TEMPLATES, 1600, 20261207),
    "heldout": (templates_heldout.TEMPLATES, 560, 70212620),
    # a second development set from new sentence skeletons; generated last, with its own
    # random.Random, so dev.jsonl and heldout.jsonl do not change
    "dev2": (templates_dev2.TEMPLATES, 900, 53190418),
    # a third development set from yet other skeletons; generated after dev2, with its own
    # random.Random, so dev.jsonl, heldout.jsonl and dev2.jsonl do not change
    "dev3": (templates_dev3.TEMPLATES, 800, 31904627),
}
# the value-pool side (and "split" field) of each output file: dev2 and dev3 use the dev pools
POOL_SIDE = {"dev": "dev", "heldout": "heldout", "dev2": "dev", "dev3": "dev"}
CLEAN_SHARE = 0.17
TYPES = ["EMAIL", "URL", "IBAN", "CARD", "NATIONAL_ID", "IP", "PHONE", "DOB", "ADDRESS", "PERSON"]


def entity_needs(t: Template) -> dict[str, set[str]]:
    needs: dict[str, set[str]] = {}
    for slot in slots_in(t.body):
        if "." in slot:
            key, attr = slot.split(".", 1)
            needs.setdefault(key, set()).add(attr)
    return needs


def allowed(code: str, attrs: set[str]) -> bool:
    if attrs & {"natid", "natid_name"} and code not in S.NID_COUNTRIES:
        return False
    return not (attrs & {"iban"} and code not in S.iban_countries())


def strings_of(obj) -> list[str]:
    if isinstance(obj, str):
        return [obj]
    if isinstance(obj, dict):
        return [s for v in obj.values() for s in strings_of(v)]
    if isinstance(obj, list):
        return [s for v in obj for s in strings_of(v)]
    return []


def lowercase(text: str) -> str:
    # Turkish dotted capital I lower-cases to "i" + combining dot; people type a plain "i"
    return text.replace("İ", "i").lower()


def lower_obj(obj):
    if isinstance(obj, str):
        return lowercase(obj)
    if isinstance(obj, dict):
        return {k: lower_obj(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [lower_obj(v) for v in obj]
    return obj


class Picker:
    """Cycle through items in shuffled rounds so every template gets used evenly."""

    def __init__(self, items, rng):
        self.items, self.rng, self.queue = list(items), rng, []

    def next(self):
        if not self.queue:
            self.queue = list(self.items)
            self.rng.shuffle(self.queue)
        return self.queue.pop()


def build(split: str) -> list[dict]:
    templates, n_records, seed = SPLITS[split]
    rng = random.Random(seed)
    side = POOL_SIDE[split]
    clean = Picker([t for t in templates if t.clean], rng)
    dirty = Picker([t for t in templates if not t.clean], rng)
    country_use: Counter = Counter()
    records = []
    while len(records) < n_records:
        t = clean.next() if rng.random() < CLEAN_SHARE else dirty.next()
        needs = entity_needs(t)
        same = (
            set().union(*[a for k, a in needs.items() if k[0] not in OTHER_COUNTRY])
            if needs
            else set()
        )
        cands = [c for c in (t.countries or sorted(COUNTRIES)) if allowed(c, same)]
        low = min(country_use[c] for c in cands)
        country = rng.choice([c for c in cands if country_use[c] <= low + 1])
        ctx = Ctx(country, side, rng)
        for key in OTHER_COUNTRY:
            if key in needs:
                pool = [c for c in sorted(COUNTRIES) if c != country and allowed(c, needs[key])]
                ctx.other_pool[key] = pool
        pii: list = []
        decoys: list = []
        body = render_obj(t.body, ctx, pii, decoys)
        if t.lower:
            body = lower_obj(body)
            pii = [(ty, lowercase(v)) for ty, v in pii]
            decoys = [(ty, lowercase(v)) for ty, v in decoys]
        texts = strings_of(body)
        pii = list(dict.fromkeys(pii))
        pii_values = {v for _, v in pii}
        decoys = [d for d in dict.fromkeys(decoys) if d[1] not in pii_values]
        for _, v in pii + decoys:
            assert v and any(v in s for s in texts), (split, v, texts)
        if t.clean:
            assert not pii, (t, pii)
        country_use[country] += 1
        records.append(
            {
                "id": f"rw-{split}-{len(records) + 1:04d}",
                "split": side,
                "kind": t.kind,
                "country": "XX" if ctx.used_other else country,
                "input": body,
                "pii": [{"type": ty, "value": v} for ty, v in pii],
                "decoys": [{"type": ty, "value": v} for ty, v in decoys],
            }
        )
    return records


def stats(records: list[dict]) -> str:
    kinds = Counter(r["kind"] for r in records)
    countries = Counter(r["country"] for r in records)
    types = Counter(p["type"] for r in records for p in r["pii"])
    dtypes = Counter(p["type"] for r in records for p in r["decoys"])
    rtypes = Counter(t for r in records for t in {p["type"] for p in r["pii"]})
    clean = sum(1 for r in records if not r["pii"])
    lengths = [
        len(r["input"])
        if isinstance(r["input"], str)
        else len(json.dumps(r["input"], ensure_ascii=False))
        for r in records
    ]
    out = [
        f"records: {len(records)}  clean (pii == []): {clean} ({clean / len(records):.1%})",
        f"text length: min {min(lengths)}, median {sorted(lengths)[len(lengths) // 2]}, "
        f"max {max(lengths)}",
        "per kind: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())),
        "per country: " + ", ".join(f"{k} {v}" for k, v in sorted(countries.items())),
        "records containing type: " + ", ".join(f"{t} {rtypes[t]}" for t in TYPES),
        "pii values per type: " + ", ".join(f"{t} {types[t]}" for t in TYPES),
        "decoys per type: " + ", ".join(f"{t} {dtypes[t]}" for t in TYPES),
    ]
    return "\n".join(out)


def main() -> None:
    bodies = {
        name: {json.dumps(t.body, sort_keys=True) for t in tpls}
        for name, (tpls, _, _) in SPLITS.items()
    }
    names = list(bodies)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            assert not bodies[a] & bodies[b], f"a template is shared between {a} and {b}"
    for split in SPLITS:
        records = build(split)
        path = HERE / f"{split}.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for r in records:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        tpls = SPLITS[split][0]
        per_kind = Counter(t.kind for t in tpls)
        kinds = ", ".join(f"{k} {v}" for k, v in sorted(per_kind.items()))
        print(f"== {split} -> {path.name}\ntemplates: {len(tpls)} ({kinds})\n{stats(records)}\n")


if __name__ == "__main__":
    main()
