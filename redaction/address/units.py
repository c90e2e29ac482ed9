"""Units and houses around a street line: a unit or house before its street (`House 29,
Lake Circus`, `Flat 1005, Lakshmi Nivas, Brigade Road`), Indian house numbers (`H.No.
12-2-823/A`), and the units and building names that lead into a street line (`Flat 302, Sai
Krupa Apartments, `).
"""

from __future__ import annotations

import re

from redaction.address.number_first import EN_TYPE_WORDS
from redaction.address.parts import ANY_NAME, NAME

# A unit or house and the street it is on, without a house number in the street: "House 29,
# Lake Circus", "Villa 15, Al Wasl Road", "Apt B16, Moi Avenue", "House 126, Street 7",
# "Flat 1005, Lakshmi Nivas, Brigade Road"
UNIT_FIRST_WORDS = r"house|villa|apt|apartment|flat|unit|plot|shop|office|suite|bldg|building"
UNIT_FIRST = re.compile(
    rf"(?<![\w.])(?<!(?i:et) )(?i:{UNIT_FIRST_WORDS})(?!\w)\.?\s?(?:(?i:no)\.?\s?)?"
    rf"[A-Za-z]?\d{{1,5}}[A-Za-z]?(?:/\d{{1,4}})?,\s+(?:{ANY_NAME}(?:\s+{ANY_NAME}){{0,3}},\s+)?"
    rf"(?:{ANY_NAME}\s+){{0,3}}(?i:{EN_TYPE_WORDS})\b\.?(?:\s\d{{1,3}}\b)?"
    rf"(?:[ \t](?:Central|North|South|East|West|Extension|Ext\.))?"
)
HOUSE_NUMBER = re.compile(  # "H.No. 12-2-823/A", "Door No. 5/12"
    r"(?<![\w.])(?<!(?i:et) )(?i:h\.\s?no\.?|house no\.?|door no\.?|d\.\s?no\.?|plot no\.?"
    r"|flat no\.?|h no\.?)\s?[:#]?\s?\d{1,5}(?:[/\-]\d{1,5}){0,3}(?:[/\-]?[A-Z]\b)?"
)


# "Flat 302, Sai Krupa Apartments, " / "Apt 4B, " / "No. 12, " right before a street line.
_BUILDING = (
    r"apartments|apts|apartment|residency|residence|towers|tower|complex|building|bldg"
    r"|house|court|enclave|heights|mansion|mansions|chambers|manor|villa|villas|society"
    r"|block|wing|plaza|center|centre|hall|lodge|gardens|estate|kompleksi|sitesi|apartmanı"
)
_LEAD_UNIT = (
    r"apt|apto|apartment|appartement|flat|unit|suite|ste|room|wohnung|whg|lok|lokal|piso"
    r"|planta|escalera|interno|scala|piano|etage|étage|lgh|lägenhet|daire|dpto|depto|andar"
    r"|bloco|block|floor|stock|door|no|nr|h\.\s?no|door no|plot|plot no|flat no|bldg"
    r"|building|tower|wing|woreda|kebele|zone|appt"
)
_NUMBER_LEAD = re.compile(r"(?<![\w.])(?i:số|no\.|no|nº|n°|nr\.?|#)\s?$")
_LEAD = re.compile(
    rf"(?:(?<![\w.])(?:(?i:{_LEAD_UNIT})\.?\s?[:#]?\s?\w{{1,5}}(?:[/\-]\w{{1,5}})?"
    rf"|#\s?\d{{1,5}}\w?|(?:{NAME}\s+){{1,3}}(?i:{_BUILDING}))\s?,\s?){{1,3}}$"
)


def lead(text: str, start: int) -> int:
    """The start of the units and building names right before a street line, if any, and
    of a number word ("Số 6 Đường…", "No. 26 Jianguo Road")."""
    number = _NUMBER_LEAD.search(text, max(0, start - 6), start)
    if number is not None:
        start = number.start()
    found = _LEAD.search(text, max(0, start - 90), start)
    return found.start() if found else start
