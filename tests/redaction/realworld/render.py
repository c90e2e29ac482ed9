"""Fill a template's slots and record which substrings are PII and which are decoys.

Template syntax
  [[a|b|c]]      pick one alternative (may contain slots, may nest)
  {p.full}       a slot: entity "p" (also q, r, s: same country; x, y: another country;
                 a: staff member of the same country) and an attribute; see ``Ctx.person_slot``.
                 Flags after the letter: {qf.first} is a woman, {qm.first} a man, {pfy.dob} a
                 young woman (born 1986-2004).
  {order}        a decoy or background slot (a trailing digit, {order2}, asks for a second one)
"""

from __future__ import annotations

import datetime as dt
import random
import re
import string
import uuid
from dataclasses import dataclass, field

import structured as S
from addresses import Address, make_address
from pools import (
    COMPANIES,
    COMPANY_DOMAINS,
    COUNTRIES,
    EPONYMS,
    HANDLES,
    PRODUCTS,
    SOFTWARE,
    Country,
    split_pool,
)

SAME_COUNTRY = "pqrsa"
OTHER_COUNTRY = "xy"

HONORIFICS = {
    "en": (["Mr.", "Mr", "Dr.", "Dr"], ["Mrs.", "Ms.", "Ms", "Mrs", "Dr.", "Miss"]),
    "de": (["Herr", "Dr.", "Herr Dr."], ["Frau", "Frau Dr.", "Dr."]),
    "fr": (["M.", "Monsieur", "Dr"], ["Mme", "Madame", "Mlle", "Dr"]),
    "es": (["Sr.", "señor", "Dr."], ["Sra.", "señora", "Dra."]),
    "it": (["Sig.", "Dott.", "Ing."], ["Sig.ra", "Dott.ssa", "signora"]),
    "pt": (["Sr.", "Dr."], ["Sra.", "Dra.", "D."]),
    "nl": (["dhr.", "meneer", "Dr."], ["mevr.", "mevrouw", "Dr."]),
    "pl": (["Pan", "pan", "dr"], ["Pani", "pani", "dr"]),
    "cs": (["pan", "MUDr."], ["paní", "Ing."]),
    "ro": (["dl.", "domnul"], ["dna.", "doamna"]),
    "ja": (["Mr.", "Dr."], ["Ms.", "Dr."]),
}

PATRONYMIC = {
    "ru": ("ovich", "ovna", "yevich", "yevna"),
    "uk": ("ovych", "ivna", "iyovych", "iivna"),
}


@dataclass
class Value:
    text: str
    pii: list[tuple[str, str]] = field(default_factory=list)
    decoys: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Person:
    c: Country
    female: bool
    first: str
    last: str
    father: str
    dob: dt.date
    email_user: str
    address: Address | None = None


class Ctx:
    def __init__(self, country: str, split: str, rng: random.Random):
        self.country = country
        self.c = COUNTRIES[country]
        self.split = split
        self.rng = rng
        self.cache: dict[str, Value] = {}
        self.people: dict[str, Person] = {}
        self.used_other = False
        self.used_names: set[str] = set()
        self.other_pool: dict[str, list[str]] = {}

    # ---------------------------------------------------------------- pools
    def pool(self, c: Country, name: str) -> list[str]:
        return split_pool(getattr(c, name), self.split)

    def gpool(self, items: list[str]) -> list[str]:
        return split_pool(items, self.split)

    # ---------------------------------------------------------------- people
    def person(self, key: str) -> Person:
        if key in self.people:
            return self.people[key]
        rng = self.rng
        if key[0] in OTHER_COUNTRY:
            self.used_other = True
            others = self.other_pool.get(key) or [k for k in sorted(COUNTRIES) if k != self.country]
            c = COUNTRIES[rng.choice(others)]
        else:
            c = self.c
        for _ in range(50):
            # a second letter fixes the gender: "qf" is a woman, "qm" a man
            flags = key[1:]
            female = "f" in flags if ("f" in flags or "m" in flags) else rng.random() < 0.5
            first = rng.choice(self.pool(c, "f" if female else "m"))
            if first not in self.used_names:
                break
        last = rng.choice([x for x in self.pool(c, "last") if x.split("/")[0] != first] or ["X"])
        if "/" in last:
            last = last.split("/")[1 if female else 0]
        if (
            c.code in ("ES", "MX", "AR")
            and rng.random() < 0.5
            or c.code in ("PT", "BR")
            and rng.random() < 0.35
        ):
            second = rng.choice(self.pool(c, "last"))
            if second.split("/")[0] != last:
                last = f"{last} {second.split('/')[0]}"
        father = rng.choice(self.pool(c, "m"))
        self.used_names.add(first)
        user = self._email_user(first, last)
        dob = S.random_dob(rng)
        if "y" in key[1:]:  # a young adult (e.g. an expectant mother)
            dob = dob.replace(year=rng.randint(1986, 2004), day=min(dob.day, 28))
        p = Person(c, female, first, last, father, dob, user)
        self.people[key] = p
        return p

    def _email_user(self, first: str, last: str) -> str:
        rng = self.rng
        f, la = S.slug(first, ""), S.slug(last, "")
        fd, ld = S.slug(first, "."), S.slug(last, "")
        styles = [
            f"{fd}.{ld}",
            f"{f}{la}",
            f"{f[0]}.{la}",
            f"{f}_{la}",
            f"{f}.{la}{rng.randint(70, 99)}",
            f"{la}.{f}",
            f"{f[0]}{la}",
            f"{f}{rng.randint(1, 999)}",
            f"{la}{f[0]}",
        ]
        if rng.random() < 0.12:
            return rng.choice(self.gpool(HANDLES))
        return rng.choice(styles)

    def full_name(self, p: Person) -> str:
        cc, rng = p.c.code, self.rng
        if cc == "VN":
            mid = "Thị" if p.female else "Văn"
            if " " in p.first or rng.random() < 0.5:
                return f"{p.last} {mid} {p.first}" if rng.random() < 0.6 else f"{p.last} {p.first}"
            return f"{p.last} {p.first}"
        if cc in ("CN", "KR", "HU") and rng.random() < 0.6:
            return f"{p.last} {p.first}"
        if cc == "JP" and rng.random() < 0.35:
            return f"{p.last} {p.first}"
        return f"{p.first} {p.last}"

    def formal_name(self, p: Person) -> str:
        cc, rng = p.c.code, self.rng
        if cc in ("AE", "SA"):
            link = "bint" if p.female else "bin"
            return f"{p.first} {link} {p.father} {p.last}"
        if cc in ("EG", "PK"):
            return f"{p.first} {p.father} {p.last}"
        if cc in ("RU", "UA"):
            m, f, my, fy = PATRONYMIC[p.c.lang]
            base = p.father
            if base.endswith(("y", "i")):
                base = base[:-1]
                suf = fy if p.female else my
            else:
                suf = f if p.female else m
            return f"{p.first} {base}{suf} {p.last}"
        if cc == "US":
            return f"{p.first} {rng.choice(string.ascii_uppercase.replace('X', ''))}. {p.last}"
        if cc == "IN" and not p.female:
            return f"{p.first} Kumar {p.last}" if rng.random() < 0.5 else f"{p.first} {p.last}"
        return self.full_name(p)

    def title(self, p: Person) -> tuple[str, str]:
        rng = self.rng
        lang = p.c.lang
        if lang == "tr":
            return (f"{p.first} {'Hanım' if p.female else 'Bey'}", p.first)
        if lang == "ja" and rng.random() < 0.6:
            return (f"{p.last}-san", p.last)
        men, women = HONORIFICS.get(lang, HONORIFICS["en"])
        hon = rng.choice(women if p.female else men)
        return (f"{hon} {p.last}", p.last)

    # ---------------------------------------------------------------- slots
    def slot(self, name: str) -> Value:
        if name in self.cache:
            return self.cache[name]
        if "." in name:
            key, attr = name.split(".", 1)
            val = self.person_slot(key, attr)
        else:
            val = self.plain_slot(name.rstrip(string.digits))
        self.cache[name] = val
        return val

    def addr(self, p: Person) -> Address:
        if p.address is None:
            p.address = make_address(p.c, self.split, self.rng)
        return p.address

    def person_slot(self, key: str, attr: str) -> Value:  # noqa: C901
        p = self.person(key)
        rng = self.rng
        P = "PERSON"  # noqa: N806
        if attr == "full":
            t = self.full_name(p)
            return Value(t, [(P, t)])
        if attr == "formal":
            t = self.formal_name(p)
            return Value(t, [(P, t)])
        if attr == "first":
            return Value(p.first, [(P, p.first)])
        if attr == "last":
            return Value(p.last, [(P, p.last)])
        if attr == "firstl":
            t = p.first.lower()
            return Value(t, [(P, t)])
        if attr == "fulll":
            t = f"{p.first} {p.last}".lower()
            return Value(t, [(P, t)])
        if attr == "title":
            t, lab = self.title(p)
            return Value(t, [(P, lab)])
        if attr == "lastfirst":
            t = f"{p.last}, {p.first}"
            return Value(t, [(P, t)])
        if attr == "caps":
            t = (
                f"{p.last.upper()} {p.first}"
                if rng.random() < 0.5
                else f"{p.last.upper()}, {p.first}"
            )
            return Value(t, [(P, t)])
        if attr == "initial":
            parts = p.first.replace("-", " ").split()
            ini = "".join(x[0] + "." for x in parts)
            if rng.random() < 0.25 and len(parts) == 1:
                ini += rng.choice(string.ascii_uppercase.replace("X", "")) + "."
            t = f"{ini} {p.last}"
            return Value(t, [(P, t)])
        if attr == "he":
            return Value("she" if p.female else "he")
        if attr == "his":
            return Value("her" if p.female else "his")
        if attr == "he_c":
            return Value("She" if p.female else "He")
        if attr == "his_c":
            return Value("Her" if p.female else "His")
        if attr == "him":
            return Value("her" if p.female else "him")
        if attr == "city":
            return Value(self.addr(p).city)
        if attr == "country":
            return Value(p.c.name)
        if attr in ("email", "email_obf", "email_plain", "email_work"):
            t = self.email(p, attr)
            return Value(t, [("EMAIL", t)])
        if attr in ("phone", "phone_intl", "phone_nat"):
            style = {"phone_intl": "intl", "phone_nat": "national"}.get(attr)
            t = S.phone(p.c.code, rng, style)
            return Value(t, [("PHONE", t)])
        if attr in ("addr", "addr_caps", "addr_nl"):
            a = self.addr(p)
            full, line, pc = a.full, a.line, a.postcode
            if attr == "addr_caps":
                full, line, pc = full.upper(), line.upper(), pc.upper() if pc else None
            if attr == "addr_nl" and "\n" not in full and full.startswith(line + ", "):
                full = line + "\n" + full[len(line) + 2 :]
            pii = [("ADDRESS", line)] + ([("ADDRESS", pc)] if pc else [])
            return Value(full, pii)
        if attr == "street":
            a = self.addr(p)
            return Value(a.line, [("ADDRESS", a.line)])
        if attr == "pc_city":
            a = self.addr(p)
            if a.postcode:
                rest = a.full[a.full.index(a.line) + len(a.line) :].lstrip(", \n-")
                if a.postcode not in rest:
                    rest = f"{a.postcode} {a.city}"
                return Value(rest, [("ADDRESS", a.postcode)])
            return Value(a.city)
        if attr == "dob":
            t = S.fmt_date(p.dob, p.c.code, p.c.lang, rng)
            return Value(t, [("DOB", t)])
        if attr == "dob_en":
            t = S.fmt_date(p.dob, p.c.code, "en", rng)
            return Value(t, [("DOB", t)])
        if attr == "dob_cue":
            t = S.fmt_date(p.dob, p.c.code, p.c.lang, rng)
            cue = dob_cue(p, rng)
            return Value(f"{cue} {t}", [("DOB", t)])
        if attr == "age":
            return Value(str(2026 - p.dob.year))
        if attr in ("natid", "natid_name"):
            if f"{key}.nid" not in self.cache:
                res = S.national_id(p.c.code, rng, p.dob, p.female, p.first, p.last)
                assert res, p.c.code
                self.cache[f"{key}.nid"] = Value(res[1], [("NATIONAL_ID", res[1])])
                self.cache[f"{key}.nidname"] = Value(res[0])
            return self.cache[f"{key}.nid" if attr == "natid" else f"{key}.nidname"]
        if attr == "iban":
            t = S.iban(p.c.code, rng)
            return Value(t, [("IBAN", t)])
        if attr in ("card", "card_brand"):
            if f"{key}.cardv" not in self.cache:
                brand, num = S.card(rng, p.c.code)
                self.cache[f"{key}.cardv"] = Value(num, [("CARD", num)])
                self.cache[f"{key}.cardb"] = Value(brand)
            return self.cache[f"{key}.cardv" if attr == "card" else f"{key}.cardb"]
        if attr == "card4":
            num = self.person_slot(key, "card").text
            return Value(num.replace(" ", "").replace("-", "")[-4:])
        if attr == "ip":
            t = S.ipv4(rng)
            return Value(t, [("IP", t)])
        if attr == "ip6":
            t = S.ipv6(rng)
            return Value(t, [("IP", t)])
        if attr == "url":
            t = self.personal_url(p)
            return Value(t, [("URL", t)])
        if attr == "user":
            # an opaque account handle, deliberately not derived from the person's name
            if f"{key}.userv" not in self.cache:
                handle = rng.choice(
                    [
                        f"u{rng.randint(10000, 999999)}",
                        f"acct-{rng.randint(1000, 99999)}",
                        f"{rng.choice(self.gpool(HANDLES))}",
                    ]
                )
                self.cache[f"{key}.userv"] = Value(handle)
            return self.cache[f"{key}.userv"]
        raise KeyError(attr)

    def email(self, p: Person, attr: str) -> str:
        rng = self.rng
        user = p.email_user
        if attr == "email_work":
            user = f"{S.slug(p.first, '.')}.{S.slug(p.last, '')}"
            domain = rng.choice(self.gpool(COMPANY_DOMAINS))
        else:
            # country providers may all fall on one side of the split; the global ones never do
            domains = split_pool(p.c.domains, self.split, allow_empty=True) + self.gpool(
                ["gmail.com", "outlook.com", "yahoo.com", "proton.me", "icloud.com", "hotmail.com"]
            )
            domain = rng.choice(domains)
        plain = f"{user}@{domain}"
        if attr in ("email_plain", "email_work") or (attr == "email" and rng.random() < 0.7):
            return plain if rng.random() < 0.95 else plain.replace(user, user.capitalize(), 1)
        host, _, tld = domain.partition(".")
        dotted = tld.replace(".", " dot ")
        forms = [
            f"{user}@{host} dot {dotted}",
            f"{user} at {host} dot {dotted}",
            f"{user} @ {host} . {tld.replace('.', ' . ')}",
            f"{user} [at] {host} [dot] {tld.replace('.', ' [dot] ')}",
            f"{user}(at){domain}",
            f"{user} {{at}} {host} {{dot}} {tld.replace('.', ' {dot} ')}",
            f"{user} AT {host} DOT {tld.replace('.', ' DOT ').upper()}",
            f"{user}[at]{domain}",
        ]
        return rng.choice(forms)

    def personal_url(self, p: Person) -> str:
        rng = self.rng
        f, la = S.slug(p.first, "-"), S.slug(p.last, "-")
        drive_id = "".join(rng.choice(string.ascii_letters) for _ in range(24))
        tag = "".join(rng.choice("0123456789abcdef") for _ in range(rng.choice([4, 6, 8])))
        opts = [
            f"https://www.linkedin.com/in/{f}-{la}-{tag}",
            f"https://linkedin.com/in/{f}{la.replace('-', '')}",
            f"https://github.com/{p.email_user.replace('.', '-').replace('_', '-')}",
            f"https://www.facebook.com/{f}.{la}.{rng.randint(1, 99)}",
            f"https://instagram.com/{p.email_user.replace('.', '_')}",
            f"https://calendly.com/{f}-{la}/30min",
            f"https://{f}{la.replace('-', '')}.com",
            f"http://www.{la.replace('-', '')}-{f}.{rng.choice(['net', 'me', 'info'])}/cv.pdf",
            f"https://x.com/{p.email_user.replace('.', '_')[:15]}",
            f"https://drive.google.com/file/d/1{drive_id}/view",
            f"https://portal.{rng.choice(self.gpool(COMPANY_DOMAINS))}/account/reset?"
            f"email={p.email_user}%40gmail.com&token={tag}",
        ]
        return rng.choice(opts)

    # ---------------------------------------------------------------- decoys & background
    def plain_slot(self, name: str) -> Value:  # noqa: C901
        rng = self.rng
        d = S._digits

        def decoy(text: str, typ: str) -> Value:
            return Value(text, [], [(typ, text)])

        if name == "order":
            t = rng.choice(
                [
                    f"{d(rng, 3)}-{d(rng, 7)}-{d(rng, 7)}",
                    f"ORD-{rng.randint(2019, 2026)}-{d(rng, 6)}",
                    f"#{rng.randint(10, 99)}{d(rng, 6)}",
                    f"SO{d(rng, 8)}",
                    f"{d(rng, 10)}",
                ]
            )
            return decoy(t, "PHONE" if t[0].isdigit() or t[0] == "#" else "NATIONAL_ID")
        if name == "invoice":
            return decoy(
                rng.choice(
                    [
                        f"INV-{rng.randint(2021, 2026)}-{d(rng, 5)}",
                        f"FV/{rng.randint(1, 999)}/{rng.randint(1, 12):02d}/2025",
                        f"RE-{d(rng, 8)}",
                        f"{rng.randint(2023, 2026)}{d(rng, 6)}",
                    ]
                ),
                "NATIONAL_ID",
            )
        if name == "ups":
            return decoy(
                "1Z"
                + "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(6))
                + d(rng, 10),
                "NATIONAL_ID",
            )
        if name == "dhl":
            return decoy(rng.choice([d(rng, 10), "JJD" + d(rng, 18)]), "PHONE")
        if name == "tracking":
            return self.plain_slot(rng.choice(["ups", "dhl"]))
        if name == "ticket":
            return decoy(
                rng.choice(
                    [
                        f"INC{d(rng, 7)}",
                        f"SR-{d(rng, 6)}",
                        f"#{d(rng, 5)}",
                        f"CASE-{d(rng, 8)}",
                        f"TKT-{rng.randint(1000, 99999)}",
                    ]
                ),
                "NATIONAL_ID",
            )
        if name == "sku":
            return decoy(
                rng.choice(
                    [
                        f"SKU {d(rng, 13)}",
                        f"{rng.choice(['BX', 'KT', 'HX'])}-"
                        f"{d(rng, 4)}-{rng.choice(string.ascii_uppercase)}{d(rng, 2)}",
                    ]
                ),
                "NATIONAL_ID",
            )
        if name == "version":
            return decoy(f"v{rng.randint(1, 9)}.{rng.randint(0, 30)}.{rng.randint(0, 20)}", "IP")
        if name == "winbuild":
            return decoy(
                f"10.0.{rng.choice(['19045', '22621', '22631', '19044'])}."
                f"{rng.randint(1000, 4999)}",
                "IP",
            )
        if name == "build":
            return decoy(
                f"{rng.randint(1, 9)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}."
                f"{rng.randint(0, 999)}",
                "IP",
            )
        if name == "oid":
            return decoy(f"1.3.6.1.4.1.{rng.randint(100, 60000)}.{rng.randint(1, 9)}", "IP")
        if name == "ts":
            t = S.random_recent(rng)
            return decoy(
                rng.choice(
                    [
                        f"{t.isoformat()}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
                        f":{rng.randint(0, 59):02d}Z",
                        f"{t.isoformat()} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}",
                        f"{t.strftime('%d/%m/%Y')} {rng.randint(7, 19)}:{rng.randint(0, 59):02d}",
                    ]
                ),
                "DOB",
            )
        if name == "appt":
            t = S.random_recent(rng)
            return decoy(S.fmt_date(t, self.country, self.c.lang, rng), "DOB")
        if name == "amount":
            return decoy(S.amount(self.country, rng), "PHONE")
        if name == "isbn":
            from stdnum import ean

            body = "978" + d(rng, 9)
            full = body + ean.calc_check_digit(body)
            return decoy(f"{full[:3]}-{full[3]}-{full[4:8]}-{full[8:12]}-{full[12]}", "PHONE")
        if name == "uuid":
            return decoy(str(uuid.UUID(int=rng.getrandbits(128), version=4)), "IP")
        if name == "githash":
            h = "".join(rng.choice("0123456789abcdef") for _ in range(40))
            return decoy(h[: rng.choice([7, 8, 12, 40])], "NATIONAL_ID")
        if name == "badcard":
            return decoy(S.bad_card(rng), "CARD")
        if name == "badiban":
            cc = (
                self.country
                if self.country in S.iban_countries()
                else rng.choice(["DE", "FR", "NL", "PL", "ES", "IT", "GB"])
            )
            return decoy(S.bad_iban(cc, rng), "IBAN")
        if name == "badphone":
            return decoy(S.bad_phone(rng), "PHONE")
        if name == "badid":
            return decoy(S.bad_national_id(rng), "NATIONAL_ID")
        if name == "badip":
            return decoy(
                f"{rng.randint(256, 999)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}."
                f"{rng.randint(0, 255)}",
                "IP",
            )
        if name == "domain":
            return decoy(rng.choice(self.gpool(COMPANY_DOMAINS)), "URL")
        if name == "example":
            return decoy(
                rng.choice(["example.com", "example.org", "www.example.net", "test.example"]), "URL"
            )
        if name == "pkg":
            return decoy(
                rng.choice(
                    [
                        "@angular/core@17.0.2",
                        "lodash@4.17.21",
                        "react-dom@18.2.0",
                        "typescript@5.3.3",
                        "@babel/preset-env@7.23.6",
                        "git@github.com",
                        "vue@3.4.15",
                        "eslint@8.56.0",
                    ]
                ),
                "EMAIL",
            )
        if name == "placeholder_email":
            return decoy(
                rng.choice(
                    [
                        "name@domain.com",
                        "you@example.com",
                        "user@host",
                        "firstname.lastname@company.com",
                    ]
                ),
                "EMAIL",
            )
        if name == "eponym":
            return decoy(rng.choice(self.gpool(EPONYMS)), "PERSON")
        if name == "company":
            return Value(rng.choice(self.gpool(COMPANIES)))
        if name == "product":
            return Value(rng.choice(self.gpool(PRODUCTS)))
        if name == "software":
            return Value(rng.choice(self.gpool(SOFTWARE)))
        if name == "weekday":
            return Value(
                rng.choice(
                    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
                )
            )
        if name == "month":
            return Value(rng.choice(S.MONTHS["en"]))
        if name == "city":
            return Value(rng.choice(self.pool(self.c, "cities")).split(":")[0])
        if name == "country":
            return Value(self.c.name)
        if name == "n":
            return Value(str(rng.randint(2, 14)))
        if name == "nn":
            return Value(str(rng.randint(15, 240)))
        if name == "time":
            return Value(f"{rng.randint(7, 20)}:{rng.choice(['00', '15', '30', '45'])}")
        raise KeyError(name)


DOB_CUES = {
    "en": ["born", "DOB:", "date of birth:", "D.O.B.", "b.", "Date of Birth -", "birthday:"],
    "de": ["geb.", "geboren am", "Geburtsdatum:"],
    "fr": ["né le|née le", "date de naissance :", "né(e) le"],
    "es": ["fecha de nacimiento:", "nacido el|nacida el", "F. nac.:"],
    "it": ["nato il|nata il", "data di nascita:", "nato a Roma il|nata a Roma il"],
    "nl": ["geboren op", "geboortedatum:", "geb."],
    "pl": ["data urodzenia:", "ur.", "urodzony|urodzona"],
    "tr": ["doğum tarihi:", "D.T.:"],
    "pt": ["data de nascimento:", "nascido em|nascida em", "DN:"],
    "sv": ["född", "födelsedatum:"],
    "da": ["født", "fødselsdato:"],
    "nb": ["født", "fødselsdato:"],
    "fi": ["syntynyt", "syntymäaika:"],
    "cs": ["narozen|narozena", "datum narození:", "nar."],
    "hu": ["született:", "szül.:"],
    "ro": ["născut la|născută la", "data nașterii:"],
    "id": ["tanggal lahir:", "lahir"],
    "vi": ["ngày sinh:", "sinh ngày"],
}


def dob_cue(p: Person, rng: random.Random) -> str:
    cues = DOB_CUES.get(p.c.lang, DOB_CUES["en"])
    if rng.random() < 0.3:
        cues = DOB_CUES["en"]
    cue = rng.choice(cues)
    if "|" in cue:
        cue = cue.split("|")[1 if p.female else 0]
    return cue


_ALT = re.compile(r"\[\[([^\[\]]*)\]\]")
_SLOT = re.compile(r"\{([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)?)\}")


def expand(text: str, ctx: Ctx) -> tuple[str, list, list]:
    while True:
        m = _ALT.search(text)
        if not m:
            break
        text = text[: m.start()] + ctx.rng.choice(m.group(1).split("|")) + text[m.end() :]
    pii: list = []
    decoys: list = []

    def sub(m: re.Match) -> str:
        v = ctx.slot(m.group(1))
        pii.extend(v.pii)
        decoys.extend(v.decoys)
        return v.text

    out = _SLOT.sub(sub, text)
    return out, pii, decoys


def slots_in(obj) -> set[str]:
    if isinstance(obj, str):
        return set(_SLOT.findall(obj))
    if isinstance(obj, dict):
        out: set[str] = set()
        for v in obj.values():
            out |= slots_in(v)
        return out
    if isinstance(obj, list):
        out = set()
        for v in obj:
            out |= slots_in(v)
        return out
    return set()


def render_obj(obj, ctx: Ctx, pii: list, decoys: list):
    if isinstance(obj, str):
        text, p, d = expand(obj, ctx)
        pii.extend(p)
        decoys.extend(d)
        return text
    if isinstance(obj, dict):
        return {k: render_obj(v, ctx, pii, decoys) for k, v in obj.items()}
    if isinstance(obj, list):
        return [render_obj(v, ctx, pii, decoys) for v in obj]
    return obj
