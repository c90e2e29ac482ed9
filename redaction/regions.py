"""Which countries a text points to: the regions its national phone numbers are tried in.

A national number ("33 12 45 67") means nothing without its country. The text usually says
which: a country or city name ("Copenhagen", "dansk"), a phone word in the country's
language ("tlf.", "puhelin", "電話"), its currency ("DKK", "zł", "R$"), the country code of
an e-mail or web address ("@firma.dk", "www.example.no"), or an international number
elsewhere in the text ("+45 …"). `region_hints` collects them; it runs only when a phone
candidate failed the default regions, so clean text never pays for it.
"""

from __future__ import annotations

import re
import string

import phonenumbers

from redaction.literals import trie

#: Cue words (lower case, whole words; "_" stands for a space) by region. Country names and
#: adjectives in English and the country's own languages, large cities, phone words in the
#: local language.
_WORDS: dict[str, str] = {
    "DK": "denmark danish danmark dansk danske københavn kobenhavn copenhagen aarhus århus "
    "odense aalborg esbjerg tlf telefonnummer mobilnummer dkk kr",
    "NO": "norway norwegian norge norsk norske noreg oslo bergen trondheim stavanger tromsø "
    "drammen nok mobilnr kr",
    "SE": "sweden swedish sverige svensk svenska stockholm göteborg gothenburg malmö uppsala "
    "sek mobilnummer telefonnr kr",
    "FI": "finland finnish suomi suomen suomalainen helsinki espoo tampere turku oulu vantaa "
    "puhelin puh puhelinnumero matkapuhelin",
    "IS": "iceland icelandic ísland reykjavik reykjavík isk",
    "FR": "france french français française paris lyon marseille toulouse nice nantes "
    "bordeaux lille strasbourg portable téléphone",
    "BE": "belgium belgian belgique belgië brussels bruxelles brussel antwerp antwerpen gent "
    "ghent liège",
    "NL": "netherlands dutch nederland nederlands holland amsterdam rotterdam utrecht "
    "eindhoven telefoonnummer",
    "DE": "germany german deutschland deutsch deutsche berlin hamburg münchen munich köln "
    "cologne frankfurt stuttgart düsseldorf leipzig dresden handynummer rufnummer",
    "AT": "austria austrian österreich wien vienna graz linz salzburg innsbruck",
    "CH": "switzerland swiss schweiz suisse svizzera zürich zurich geneva genève basel bern "
    "lausanne chf",
    "GB": "united_kingdom great_britain uk britain british england scotland scottish wales "
    "welsh london manchester birmingham glasgow edinburgh liverpool leeds bristol gbp",
    "IE": "ireland irish éire dublin cork galway limerick",
    "ES": "spain spanish españa español española madrid barcelona valencia sevilla seville "
    "bilbao málaga zaragoza teléfono móvil",
    "PT": "portugal portuguese português portuguesa lisboa lisbon porto telemóvel telemovel "
    "telefone",
    "IT": "italy italian italia italiano italiana roma rome milano milan napoli naples torino "
    "turin firenze florence bologna cellulare telefono",
    "GR": "greece greek ελλάδα ελληνικά athens αθήνα thessaloniki θεσσαλονίκη τηλ τηλέφωνο κινητό",
    "PL": "poland polish polska polski polskie warszawa warsaw kraków krakow cracow łódź "
    "wrocław poznań gdańsk gdansk szczecin pln zł zl telefonu komórka komórkowy",
    "CZ": "czech_republic czech czechia česko česká český praha prague brno ostrava plzeň czk "
    "kč telefonní",
    "SK": "slovakia slovak slovensko slovenská bratislava košice",
    "HU": "hungary hungarian magyar magyarország budapest debrecen szeged pécs győr huf "
    "telefonszám mobilszám",
    "RO": "romania romanian românia bucharest bucurești cluj iași timișoara ron lei",
    "BG": "bulgaria bulgarian българия софия plovdiv varna bgn лв",
    "HR": "croatia croatian hrvatska zagreb rijeka",
    "SI": "slovenia slovenian slovenija ljubljana maribor",
    "RS": "serbia serbian srbija beograd belgrade rsd",
    "UA": "ukraine ukrainian україна kyiv kiev київ kharkiv odesa lviv uah грн",
    "RU": "russia russian россия moscow москва petersburg петербург руб",
    "TR": "turkey türkiye turkish türk türkçe istanbul İstanbul ankara izmir bursa antalya ₺",
    "EE": "estonia estonian eesti tallinn tartu",
    "LV": "latvia latvian latvija riga rīga",
    "LT": "lithuania lithuanian lietuva vilnius kaunas",
    "IL": "tel_aviv israel israeli aviv jerusalem haifa ils nis שקל טלפון",
    "EG": "egypt egyptian مصر cairo القاهرة alexandria giza egp",
    "SA": "saudi_arabia saudi riyadh jeddah mecca sar",
    "AE": "abu_dhabi emirates uae dubai dhabi sharjah aed dirham",
    "MA": "morocco moroccan maroc casablanca rabat marrakech",
    "ZA": "south_africa cape_town johannesburg durban pretoria soweto gauteng zar rand",
    "NG": "nigeria nigerian lagos abuja ibadan kano harcourt ngn naira ₦",
    "KE": "kenya kenyan nairobi mombasa kisumu kes ksh shilling simu",
    "GH": "ghana ghanaian accra kumasi ghs cedi",
    "IN": "india indian bharat mumbai delhi bangalore bengaluru chennai kolkata hyderabad "
    "pune inr rs ₹ rupees",
    "PK": "pakistan pakistani karachi lahore islamabad pkr",
    "BD": "bangladesh bangladeshi dhaka chittagong bdt taka",
    "CN": "china chinese 中国 beijing 北京 shanghai 上海 guangzhou shenzhen 深圳 chengdu wuhan cny "
    "rmb 元 人民币 电话 手机",
    "HK": "hong_kong hongkong kowloon hkd",
    "TW": "taiwan taiwanese 台灣 台湾 taipei 台北 kaohsiung twd ntd",
    "JP": "japan japanese 日本 nihon tokyo 東京 osaka 大阪 kyoto 京都 yokohama nagoya "
    "sapporo fukuoka kobe jpy 円 電話 携帯",
    "KR": "south_korea korea korean 한국 대한민국 seoul 서울 busan 부산 incheon daegu krw "
    "₩ 원 전화 휴대폰 연락처 핸드폰",
    "SG": "singapore singaporean sgd",
    "MY": "kuala_lumpur malaysia malaysian lumpur penang johor myr ringgit",
    "ID": "indonesia indonesian jakarta surabaya bandung medan bali idr rupiah nomor",
    "PH": "philippines philippine filipino pilipinas manila quezon cebu davao makati ₱",
    "VN": "ho_chi_minh hà_nội vietnam viet vietnamese việt hanoi saigon danang vnd đồng ₫ sđt",
    "TH": "thailand thai ไทย bangkok กรุงเทพ chiang phuket pattaya thb baht ฿ โทร",
    "AU": "australia australian sydney melbourne brisbane perth adelaide canberra aud",
    "NZ": "new_zealand zealand auckland wellington christchurch nzd",
    "US": "new_york united_states los_angeles san_francisco usa america american york "
    "california texas florida chicago boston seattle",
    "CA": "canada canadian toronto montreal montréal vancouver calgary ottawa cad",
    "MX": "mexico_city ciudad_de_méxico mexico méxico mexican mexicano mexicana cdmx "
    "guadalajara monterrey puebla tijuana mxn celular",
    "BR": "são_paulo sao_paulo rio_de_janeiro belo_horizonte brazil brazilian brasil "
    "brasileiro brasileira paulo janeiro brasília brasilia fortaleza horizonte curitiba "
    "recife brl reais celular telefone",
    "AR": "buenos_aires argentina argentinian argentine aires córdoba rosario mendoza",
    "CL": "chile chilean chileno santiago valparaíso clp",
    "CO": "colombia colombian colombiano bogotá bogota medellín medellin barranquilla",
    "PE": "peru peruvian perú lima arequipa soles",
}
# Cues that are not whole words: currency symbols and phone words of scripts without spaces.
_SYMBOLS: dict[str, str] = {
    "BR": "r$",
    "JP": "¥ 円 電話 携帯",
    "CN": "元 电话 手机 人民币",
    "KR": "₩ 원 전화 휴대폰 연락처",
    "TR": "₺",
    "IN": "₹",
    "NG": "₦",
    "PH": "₱",
    "VN": "₫",
    "TH": "฿ โทร",
    "IL": "₪",
    "GB": "£",
    "EG": "e£",
}


def _invert(table: dict[str, str]) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for region, words in table.items():
        for word in words.split():
            regions = out.setdefault(word.lower().replace("_", " "), [])
            if region not in regions:
                regions.append(region)
    return {word: tuple(regions) for word, regions in out.items()}


_BY_WORD = _invert(_WORDS)
_BY_SYMBOL = _invert(_SYMBOLS)
# Words are looked up in a dict; a phrase ("hong kong") when its first word begins one.
_PHRASE_HEADS = frozenset(word.split(" ", 1)[0] for word in _BY_WORD if " " in word)
# Punctuation and digits to spaces (and the dot "İ" lower-cases with dropped): then the words
# are what `str.split` returns. Much cheaper than a regex over every character.
_NOT_WORD = str.maketrans(
    dict.fromkeys(string.punctuation + string.digits + "«»“”‘’„…–—·¿¡、。，：；！？（）「」", " ")
    | {"\u0307": None}
)
_SYMBOL_CUE = re.compile(trie(frozenset(_BY_SYMBOL)))
# The country code of an e-mail or web address ("@firma.dk", "www.example.no/…"), and
# spelled out ("firma dot dk").
_TLD = re.compile(r"(?:@|://|www\.)[\w.\-]*?\.([a-z]{2})(?![\w\-])")
_DOT_TLD = re.compile(r"\sdot\s([a-z]{2})(?![\w\-])")
_GENERIC_CC = frozenset(["co", "io", "me", "tv", "ai", "cc", "ws", "eu"])
# An international number elsewhere in the text says where the others are from (after no
# word character or "+": checked on each match, so the pattern begins with its literals).
_INTERNATIONAL = re.compile(r"(?:\+|00)[1-9][\d \-().]{5,18}\d")


def _region_of_international(value: str) -> str | None:
    # (Not cached: a cache would keep phone numbers in memory, as the engine's never does.)
    digits = "".join(ch for ch in value if ch.isdigit())
    if value.startswith("00"):
        digits = digits[2:]
    try:
        number = phonenumbers.parse("+" + digits, None)
    except phonenumbers.NumberParseException:
        return None
    region = phonenumbers.region_code_for_number(number)
    return region if region and region != "001" else None


def region_hints(text: str, lower: str | None = None) -> tuple[str, ...]:
    """The regions `text` points to, most specific evidence first, without repeats."""
    lower = text.lower() if lower is None else lower
    found: list[str] = []
    if "+" in text or "00" in text:
        for m in _INTERNATIONAL.finditer(text):
            start = m.start()
            if start and (text[start - 1].isalnum() or text[start - 1] in "_+"):
                continue
            region = _region_of_international(m.group())
            if region is not None:
                found.append(region)
    codes: list[str] = []
    if "@" in text or "://" in text or "www." in lower:
        codes.extend(m.group(1) for m in _TLD.finditer(lower))
    if " dot " in lower:
        codes.extend(m.group(1) for m in _DOT_TLD.finditer(lower))
    found.extend("GB" if c == "uk" else c.upper() for c in codes if c not in _GENERIC_CC)
    words = lower.translate(_NOT_WORD).split()
    for index, word in enumerate(words):
        regions = _BY_WORD.get(word)
        if regions is not None:
            found.extend(regions)
        if word in _PHRASE_HEADS:
            for size in (2, 3, 4):
                regions = _BY_WORD.get(" ".join(words[index : index + size]))
                if regions is not None:
                    found.extend(regions)
    if not lower.isascii():
        for m in _SYMBOL_CUE.finditer(lower):
            found.extend(_BY_SYMBOL[m.group()])
    elif "r$" in lower:
        found.append("BR")
    supported = phonenumbers.SUPPORTED_REGIONS
    return tuple(dict.fromkeys(r for r in found if r in supported))
