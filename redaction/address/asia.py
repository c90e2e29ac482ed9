"""Japanese, Korean, Thai and Vietnamese street forms: `2-11-7 Nishi-Shinjuku, Shinjuku-ku`,
`Ginza 4-chome 5-3`, `152 Teheran-ro`, `Teheran-ro 152`, `80/244 Soi Ekkamai 10`, `19 Bạch
Đằng, Phường…`.
"""

from __future__ import annotations

import re

from redaction.address.parts import LETTER, UNITS

# Japanese blocks: "2-11-7 Nishi-Shinjuku", "3-chome-1-1 Marunouchi", and "Ginza 4-chome
# 5-3"; the first two need a ward, city or prefecture word after them ("Shinjuku-ku").
_JP_PLACE = r"[A-Z][A-Za-z]+(?:-[A-Za-z]+){0,2}"
_KR_PLACE = r"[A-Za-z][a-z]+|[A-Z][A-Z]+"
_JP_AFTER = (
    rf"(?=,?\s+(?:{_JP_PLACE}-(?i:ku|shi|cho|machi|gun|ken|mura)\b"
    r"|(?i:Tokyo|Osaka|Kyoto|Yokohama|Nagoya|Sapporo|Kobe|Fukuoka|Kawasaki|Saitama|Hiroshima"
    r"|Sendai|Chiba|Kitakyushu|Sakai|Niigata|Hamamatsu|Kumamoto|Okayama|Naha)\b))"
)
JP_NUMBER_FIRST = re.compile(
    rf"\b\d{{1,2}}-\d{{1,2}}-\d{{1,3}}-\d{{2,4}}[ \t]+[A-Za-z]+(?:-[A-Za-z]+){{0,2}}|"
    # an address line in capitals that ends with its neighbourhood: "2-11-7 NISHI-SHINJUKU"
    # (not a date: "12-03-85 MEETING", no part with a leading zero, not three pairs)
    r"\b(?!0|\d+-0|\d+-\d+-0|\d\d-\d\d-\d\d\b)\d{1,2}-\d{1,2}-\d{1,3}[ \t]+[A-Z]{3,}"
    r"(?:-[A-Z]{2,}){0,2}(?=[ \t]*(?:$|[,\n]))|"
    # or with a neighbourhood of a Japanese direction word: "1-13-10 Kita-Aoyama"
    r"\b(?!0|\d+-0|\d+-\d+-0)\d{1,2}-\d{1,2}-\d{1,3},?[ \t]+(?i:kita|minami|higashi|nishi"
    r"|naka|shin|kami|shimo|moto|oku|uchi|soto)-[A-Za-z]{3,}(?:-[A-Za-z]+)?(?![\w\-])|"
    rf"\b\d{{1,2}}-(?:(?i:chome)-)?\d{{1,4}}(?:-\d{{1,4}}){{0,2}},?\s+{_JP_PLACE}"
    rf"(?:{_JP_AFTER}|(?<=-cho)|(?<=-machi))"
)
# Thai "80/244 Soi Ekkamai 10", "6/221 Thanon Charoen Krung"; Vietnamese "19 Bạch Đằng,
# Phường…", "6 Đường Nguyễn Huệ, Quận…" (a ward or district word follows)
TH_VN_NUMBER_FIRST = re.compile(
    rf"\b\d{{1,4}}(?:/\d{{1,4}})?\s+(?:(?i:soi|thanon|moo|th\.)\s+(?:{LETTER}+\s?){{1,3}}"
    rf"(?:\d{{1,3}}\b)?|(?:(?i:đường)\s+)?(?>{LETTER}+(?:[ \t]+{LETTER}+){{0,3}})"
    rf"(?=\s*[,|]\s*(?i:phường|quận|p\.|q\.|tp\.|huyện|xã|thành phố)))"
)
# Vietnamese streets named after a person, with no ward after them: "45 Nguyễn Thị Minh
# Khai", "11 Võ Văn Tần" (two to five capitalised words, and within the line a letter only
# Vietnamese writes: ơ ư đ ă or a tone mark below or a hook above; "72 Lê Thánh Tôn giúp
# tôi, cảm ơn" has none in the name).
_VN_LETTER = "\u1ea0-\u1ef9ơưđăƠƯĐĂ"
VN_NAMED_NUMBER_FIRST = re.compile(
    rf"\b\d{{1,4}}[A-Z]?(?:/\d{{1,4}})?[ \t]+(?=[^\n]{{0,60}}[{_VN_LETTER}])"
    rf"(?:(?i:đường)[ \t]+)?[A-ZĐ{_VN_LETTER}]{LETTER}*(?:[ \t]+[A-ZĐ{_VN_LETTER}]{LETTER}*){{1,4}}"
    r"(?![\w\-])"
)
# The same typed in lower case in a chat, right after a word saying where ("tới 127 võ văn
# tần thì gọi nha", "ở 98 nguyễn huệ", "địa chỉ 5 lê lợi"): two to five syllables, not a
# count ("tới 5 giờ", "đến 3 ngày"), up to a particle or a verb ("thì", "nha", "gọi").
_VN_STOP = (
    r"thì|nha|nhé|nhá|nhỉ|ạ|à|đi|rồi|và|để|gọi|lúc|với|hả|không|luôn|được|đó|này|nhà|số"
    r"|gần|cạnh|bên|trong|ngoài|sau|trước|giờ|phút|ngày|tuần|tháng|năm|người|cái|lần|tiếng"
    r"|triệu|nghìn|ngàn|đồng|lúc|hay|hoặc|nhưng|mà|là|có|đang|sẽ|đã|chưa|nữa|thôi|ha|hen"
)
_VN_SYLLABLE = rf"(?!(?:{_VN_STOP})(?!\w))[a-zà-ỹđ]+(?![\w\-])"
VN_LOWER_NUMBER_FIRST = re.compile(
    r"(?:(?<=tới )|(?<=đến )|(?<=ở )|(?<=tại )|(?<=số )|(?<=chỉ )|(?<=chỉ: )|(?<=nhà ))"
    rf"\d{{1,4}}[a-z]?(?:/\d{{1,4}})?[ \t]+(?=[^\n]{{0,40}}[{_VN_LETTER}])"
    rf"(?:đường[ \t]+)?{_VN_SYLLABLE}(?:[ \t]+{_VN_SYLLABLE}){{1,4}}"
)
# Korean road names: "152 Teheran-ro", "45 Yeoksam-ro 12-gil"
KR_NUMBER_FIRST = re.compile(
    rf"\b\d{{1,4}}(?:-\d{{1,3}})?,?\s+(?:{_KR_PLACE})-(?i:ro|gil|daero|dong)\b"
    rf"(?:\s+\d{{1,3}}-?(?i:gil)\b)?{UNITS}"
)


# Korean road names with the number after: "Teheran-ro 152", "Sejong-daero 110"
KR = re.compile(
    rf"(?<![\w\-])(?:{_KR_PLACE})-(?i:ro|gil|daero)(?:\s\d{{1,3}}-?(?i:gil))?\s{{1,2}}\d{{1,4}}"
    rf"(?:-\d{{1,3}})?\b{UNITS}"
)
# Japanese, name first: "Ginza 4-chome 5-3", "Nishi-Shinjuku 2-chome" (gated on "chome")
JP = re.compile(
    rf"(?<![\w\-]){_JP_PLACE},?\s+\d{{1,2}}-?(?i:chome)(?:[\s,\-]+\d{{1,4}}(?:-\d{{1,4}})?)?"
)
