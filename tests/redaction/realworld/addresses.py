"""Postal addresses written in each country's customary order.

``make_address`` returns the street line and the postcode (the two labelled ADDRESS values)
and the full written address that contains both verbatim. City, district, region and
country names are written but not labelled.
"""

from __future__ import annotations

import random
import string
from dataclasses import dataclass

from pools import Country, split_pool

_PC_LETTERS = "ABDEFGHJLNPRSTUWXYZ"


@dataclass
class Address:
    line: str
    postcode: str | None
    city: str
    district: str
    full: str


def _postcode(pattern: str, rng: random.Random) -> str:
    out = []
    for ch in pattern:
        if ch == "#":
            out.append(rng.choice(string.digits))
        elif ch == "@":
            out.append(rng.choice(_PC_LETTERS))
        else:
            out.append(ch)
    return "".join(out)


def parse_city(entry: str) -> tuple[str, str, list[str]]:
    parts = entry.split(":")
    name = parts[0]
    pattern = parts[1] if len(parts) > 1 else ""
    districts = [d for d in (parts[2].split(",") if len(parts) > 2 else []) if d.strip()]
    return name, pattern, districts


def make_address(c: Country, split: str, rng: random.Random) -> Address:
    street = rng.choice(split_pool(c.streets, split))
    if "@" in street:  # a street bound to one city: "Street@City:pattern:District"
        street, city_entry = street.split("@", 1)
    else:
        city_entry = rng.choice(split_pool(c.cities, split))
    city, pattern, districts = parse_city(city_entry)
    pc = _postcode(pattern, rng) if pattern else None
    dist = rng.choice(districts) if districts else ""
    no = rng.randint(1, 60) if rng.random() < 0.6 else rng.randint(61, 240)
    r = rng.random
    cc = c.code
    line = f"{street} {no}"
    full = None

    if cc == "PL":
        line = f"{street} {no}" + (f"/{rng.randint(1, 60)}" if r() < 0.6 else "")
        if r() < 0.2:
            line = f"{street} {no} m. {rng.randint(1, 60)}"
        full = f"{line}, {pc} {city}"
    elif cc in ("DE", "AT", "CH"):
        suffix = rng.choice(["", "", "", "a", "b"]) if cc != "AT" else ""
        line = f"{street} {no}{suffix}"
        if cc == "AT" and r() < 0.5:
            line += f"/{rng.randint(1, 9)}/{rng.randint(1, 30)}"
        if cc == "DE" and r() < 0.15:
            line += f", {rng.randint(1, 5)}. OG"
        full = f"{line}, {pc} {city}" if r() < 0.7 else f"{line}\n{pc} {city}"
    elif cc == "FR":
        bis = rng.choice(["", "", "", " bis", " ter"])
        line = f"{no}{bis} {street}"
        if r() < 0.2:
            line = f"Appt {rng.randint(1, 40)}, {line}"
        full = f"{line}, {pc} {city}"
    elif cc == "BE":
        line = f"{street} {no}" + (
            rng.choice([f" bus {rng.randint(1, 20)}", f" bte {rng.randint(1, 20)}"])
            if r() < 0.4
            else ""
        )
        full = f"{line}, {pc} {city}"
    elif cc == "NL":
        line = f"{street} {no}" + rng.choice(["", "", "-II", "-hs", "A", f"-{rng.randint(1, 3)}"])
        full = f"{line}, {pc} {city}" if r() < 0.6 else f"{line}\n{pc}  {city.upper()}"
    elif cc == "IT":
        line = f"{street} {no}" if r() < 0.6 else f"{street}, {no}"
        prov = {
            "Milano": "MI",
            "Roma": "RM",
            "Napoli": "NA",
            "Torino": "TO",
            "Bologna": "BO",
            "Firenze": "FI",
            "Palermo": "PA",
            "Genova": "GE",
            "Bari": "BA",
            "Verona": "VR",
        }
        full = f"{line}, {pc} {city}" + (f" ({prov.get(city, 'MI')})" if r() < 0.5 else "")
    elif cc == "ES":
        line = (
            f"{street} {no}"
            if r() < 0.4
            else f"{street}, {no}, {rng.randint(1, 8)}º " + rng.choice("ABCD")
        )
        if r() < 0.2:
            line = f"{street} {no}, {rng.choice(['bajo', 'ático', '2º izda.', '4º dcha.'])}"
        full = f"{line}, {pc} {city}"
    elif cc == "PT":
        line = f"{street} {no}" + (
            f", {rng.randint(1, 6)}º {rng.choice(['Esq.', 'Dto.', 'Frt.'])}" if r() < 0.6 else ""
        )
        full = f"{line}, {pc} {city}"
    elif cc == "DK":
        line = f"{street} {no}" + (
            f", {rng.randint(1, 5)}. {rng.choice(['th.', 'tv.', 'mf.'])}" if r() < 0.7 else ""
        )
        full = f"{line}, {pc} {city}"
    elif cc == "NO":
        line = f"{street} {no}" + (rng.choice(["A", "B", ""]) if r() < 0.4 else "")
        full = f"{line}, {pc} {city}"
    elif cc == "SE":
        line = f"{street} {no}" + (
            f", lgh {rng.randint(1, 14)}{rng.randint(1, 3):02d}" if r() < 0.4 else ""
        )
        full = f"{line}, {pc} {city}" if r() < 0.7 else f"{line}\n{pc} {city.upper()}"
    elif cc == "FI":
        line = f"{street} {no}" + (
            f" {rng.choice('ABC')} {rng.randint(1, 60)}" if r() < 0.6 else ""
        )
        full = f"{line}, {pc} {city}"
    elif cc == "CZ":
        line = f"{street} {rng.randint(100, 2999)}/{no}" if r() < 0.7 else f"{street} {no}"
        full = f"{line}, {pc} {city}"
    elif cc == "HU":
        line = f"{street} {no}." + (
            f" {rng.randint(1, 6)}. em. {rng.randint(1, 12)}." if r() < 0.5 else ""
        )
        line = line.rstrip(".")
        full = f"{pc} {city}, {line}"
    elif cc == "RO":
        line = f"{street} nr. {no}" + (
            f", bl. {rng.choice('ABCDM')}{rng.randint(1, 9)}, ap. {rng.randint(1, 80)}"
            if r() < 0.5
            else ""
        )
        full = f"{line}, {city} {pc}" if r() < 0.5 else f"{line}, {pc} {city}"
    elif cc == "GR":
        line = f"{street} {no}"
        full = f"{line}, {pc} {city}"
    elif cc == "TR":
        line = f"{street} No: {no}" + (f" D: {rng.randint(1, 20)}" if r() < 0.7 else "")
        full = f"{line}, {pc} {dist}/{city}"
    elif cc in ("RU", "UA"):
        line = (
            f"{street}, d. {no}, kv. {rng.randint(1, 300)}"
            if cc == "RU"
            else f"{street}, {no}, kv. {rng.randint(1, 300)}"
        )
        full = f"{line}, {city}, {pc}" if r() < 0.5 else f"{pc}, {city}, {line}"
    elif cc == "IL":
        line = f"{street} {no}" + (f", Apt {rng.randint(1, 30)}" if r() < 0.6 else "")
        full = f"{line}, {city} {pc}"
    elif cc == "AE":
        if r() < 0.5:
            line = f"Villa {no}, {street}"
        else:
            line = f"Apt {rng.randint(1, 40)}{rng.randint(1, 20):02d}, {street}"
        full = f"{line}, {dist}, {city}"
    elif cc == "SA":
        line = f"{rng.randint(1000, 9999)} {street}"
        full = f"{line}, {dist}, {city} {pc}"
    elif cc == "EG":
        line = f"{no} {street}" + (f", Apt {rng.randint(1, 30)}" if r() < 0.6 else "")
        full = f"{line}, {dist}, {city} {pc}"
    elif cc == "IR":
        line = f"No. {no}, {street}" + (f", Unit {rng.randint(1, 20)}" if r() < 0.5 else "")
        full = f"{line}, {city} {pc}"
    elif cc == "IN":
        apt = rng.choice(split_pool(c.extra["apartments"].split("|"), split))
        line = f"Flat {rng.randint(1, 12)}0{rng.randint(1, 9)}, {apt}, {street}"
        if r() < 0.3:
            line = f"No. {no}, {street}"
        full = f"{line}, {dist}, {city} {pc}" if r() < 0.6 else f"{line}, {dist}, {city} - {pc}"
    elif cc == "PK":
        line = f"House {no}, {street}"
        full = f"{line}, {dist}, {city} {pc}"
    elif cc == "BD":
        line = f"House {no}, {street}"
        full = f"{line}, {dist}, {city} {pc}" if r() < 0.5 else f"{line}, {dist}, {city}-{pc}"
    elif cc == "CN":
        line = f"No. {no} {street}"
        if r() < 0.6:
            line = f"Room {rng.randint(1, 30)}{rng.randint(1, 20):02d}, {line}"
        full = f"{line}, {dist}, {city} {pc}"
    elif cc == "JP":
        blocks = f"{rng.randint(1, 6)}-{rng.randint(1, 25)}-{rng.randint(1, 30)}"
        line = f"{blocks} {street}"
        if r() < 0.35:
            line = f"{blocks}-{rng.randint(1, 9)}0{rng.randint(1, 9)} {street}"
        full = f"{line}, {dist + ', ' if dist else ''}{city} {pc}"
    elif cc == "KR":
        line = f"{no} {street}" if r() < 0.5 else f"{no}, {street} {rng.randint(1, 40)}-gil"
        if r() < 0.4:
            line += f", {rng.randint(101, 115)}-dong {rng.randint(1, 25)}0{rng.randint(1, 6)}-ho"
        full = f"{line}, {dist}, {city} {pc}"
    elif cc == "VN":
        line = f"{no} {street}" if r() < 0.5 else f"Số {no} Đường {street}"
        full = f"{line}, {dist}, {city}"
        pc = None
    elif cc == "TH":
        line = f"{no}/{rng.randint(1, 300)} {street}"
        full = f"{line}, {dist}, {city} {pc}"
    elif cc == "ID":
        line = f"{street} No. {no}" + (
            f", RT {rng.randint(1, 12):02d}/RW {rng.randint(1, 9):02d}" if r() < 0.5 else ""
        )
        full = f"{line}, {dist}, {city} {pc}"
    elif cc == "PH":
        line = (
            f"{no} {street}"
            if r() < 0.5
            else f"Unit {rng.randint(1, 40)}{rng.choice('ABCD')}, {no} {street}"
        )
        full = f"{line}, {dist}, {city} {pc}"
    elif cc == "BR":
        line = f"{street}, {no}" + (
            f", apto {rng.randint(1, 20)}{rng.randint(1, 4)}" if r() < 0.6 else ""
        )
        full = (
            f"{line} - {dist}, {city}, {pc}" if r() < 0.6 else f"{line}, {dist}, CEP {pc}, {city}"
        )
    elif cc == "MX":
        line = f"{street} {no}" + (f", Int. {rng.randint(1, 20)}" if r() < 0.4 else "")
        full = f"{line}, {dist}, {pc} {city}"
    elif cc == "AR":
        line = f"{street} {no * 7}" + (
            f", Piso {rng.randint(1, 12)} Dto. {rng.choice('ABCD')}" if r() < 0.6 else ""
        )
        full = f"{line}, {pc} {city}"
    elif cc == "NG":
        line = f"{no} {street}" if r() < 0.6 else f"Flat {rng.randint(1, 12)}, {no} {street}"
        full = f"{line}, {dist}, {city} {pc}" if r() < 0.5 else f"{line}, {dist}, {city}"
        if not full.endswith(pc or "~"):
            pc = None
    elif cc == "KE":
        line = (
            f"House No. {no}, {street}"
            if r() < 0.5
            else f"Apt {rng.choice('ABCD')}{no % 20}, {street}"
        )
        full = f"{line}, {dist}, {city} {pc}"
    elif cc == "GH":
        line = f"House No. {no}, {street}"
        full = (
            f"{line}, {dist}, {city} ({pc})" if r() < 0.5 else f"{line}, {dist}, {city}, GPS {pc}"
        )
    elif cc == "ET":
        line = f"Woreda {rng.randint(1, 14):02d}, House No. {no}"
        full = f"{dist}, {line}, {city}"
        pc = None
    elif cc == "ZA":
        line = f"{no} {street}" if r() < 0.6 else f"Unit {rng.randint(1, 40)}, {no} {street}"
        full = f"{line}, {city}, {pc}" if r() < 0.5 else f"{line}\n{city}\n{pc}"
    elif cc == "IE":
        line = f"{no} {street}" if r() < 0.6 else f"Apartment {rng.randint(1, 40)}, {no} {street}"
        full = f"{line}, {city}, {pc}"
    elif cc == "GB":
        line = f"{no} {street}"
        if r() < 0.35:
            line = f"Flat {rng.randint(1, 12)}, {no} {street}"
        full = f"{line}, {city} {pc}" if r() < 0.6 else f"{line}\n{city}\n{pc}"
    elif cc == "US":
        line = f"{no * 11} {street}" + (
            rng.choice(
                [
                    f", Apt {rng.randint(1, 9)}{rng.choice('ABC')}",
                    f" #{rng.randint(100, 999)}",
                    f", Unit {rng.randint(1, 30)}",
                ]
            )
            if r() < 0.45
            else ""
        )
        full = f"{line}, {city} {pc}" if r() < 0.7 else f"{line}\n{city} {pc}"
    elif cc == "CA":
        line = f"{no * 7} {street}"
        if r() < 0.4:
            line = f"{rng.randint(1, 30)}0{rng.randint(1, 9)}-{line}"
        elif r() < 0.3:
            line += f", Unit {rng.randint(1, 30)}"
        full = f"{line}, {city} {pc}"
    elif cc == "AU":
        line = f"{no} {street}" if r() < 0.5 else f"{rng.randint(1, 30)}/{no} {street}"
        if r() < 0.2:
            line = f"Unit {rng.randint(1, 30)}, {no} {street}"
        full = f"{line}, {city} {pc}"
    else:  # pragma: no cover
        full = f"{line}, {pc} {city}"

    assert line in full and (pc is None or pc in full), (cc, line, pc, full)
    return Address(line=line, postcode=pc, city=city, district=dist, full=full)
