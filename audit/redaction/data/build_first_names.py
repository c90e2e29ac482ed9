"""Rebuild first_names.txt from Faker's per-locale first-name lists (MIT licensed).

    python audit/redaction/data/build_first_names.py

Faker is a development dependency (factory-boy pulls it in); the engine only reads the
text file this writes, so production does not need Faker. Weighted lists (en_US, sv_SE)
contribute their most frequent names; the others are short enough to take whole.
"""

from __future__ import annotations

import importlib
from pathlib import Path

LOCALES = ("en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL", "sv_SE", "en_IN")
TOP_WEIGHTED = 600


def names_of(locale: str) -> set[str]:
    provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
    names: set[str] = set()
    for attr in ("first_names", "first_names_male", "first_names_female"):
        pool = getattr(provider, attr, ())
        if isinstance(pool, dict):
            pool = sorted(pool, key=pool.get, reverse=True)[:TOP_WEIGHTED]
        names.update(pool)
    return {n for n in names if n.isalpha() and len(n) >= 2}


def main() -> None:
    names: set[str] = set()
    for locale in LOCALES:
        names |= names_of(locale)
    out = Path(__file__).with_name("first_names.txt")
    header = "# First names for the PERSON detector; built by build_first_names.py from Faker.\n"
    out.write_text(header + "\n".join(sorted(names)) + "\n", encoding="utf-8")
    print(f"{len(names)} names -> {out.name}")


if __name__ == "__main__":
    main()
