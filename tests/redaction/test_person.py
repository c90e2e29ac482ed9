"""PERSON: each way a name is found, and the capitalised things that are no name."""

from __future__ import annotations

import pytest

from redaction import find_spans, redact
from redaction.names import first_names, places, surnames


def names_in(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_spans(text, ["PERSON"])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # honorifics, with a surname alone, in many languages
        ("Frau Okonkwo-Berg hat angerufen.", ["Okonkwo-Berg"]),
        ("Pan Wiśniewski zgłosił reklamację.", ["Wiśniewski"]),
        ("Sayın Karakaya, başvurunuz alındı.", ["Karakaya"]),
        ("Bonjour Dr. De Backer, je regarde.", ["De Backer"]),
        ("Overdraft call with dhr. van Leeuwen today.", ["van Leeuwen"]),
        # salutations and sign-offs with names in no list
        ("Hi Zarqa,\nyour card is on its way.", ["Zarqa"]),
        ("Kind regards,\nTemitope Adewale-Ojo\nHead of Finance", ["Temitope Adewale-Ojo"]),
        ("Hello Vasyl and Oleksandra,\nthe minutes are attached.", ["Vasyl", "Oleksandra"]),
        # introductions and references
        ("Bonjour, je m'appelle Maëlle Kerbrat.", ["Maëlle Kerbrat"]),
        ("Please talk to Chinonso Eze before approving.", ["Chinonso Eze"]),
        ("Escalated to Hamad bin Khalifa Al-Thani for sign-off.", ["Hamad bin Khalifa Al-Thani"]),
        # surname first, capitals, initials, brackets
        ("Patient: Mwangi, Akinyi\nWard 3", ["Mwangi, Akinyi"]),
        ("Passport name: ÖZTÜRK Selin", ["ÖZTÜRK Selin"]),
        ("Allergy alert added for MWANGI, Achieng (12 May 1961).", ["MWANGI, Achieng"]),
        ("Case 2: WU Xiaoling, resident since 2004", ["WU Xiaoling"]),
        ("SEPA DD Globex Cloud 2025-01", []),
        ("Consent received from Heather Walker, date of birth below.", ["Heather Walker"]),
        ("Approved by J. Wiśniewska on behalf of the branch.", ["J. Wiśniewska"]),
        ("Exit interview with Dr. Virtanen (Aino).", ["Virtanen (Aino)"]),
        ("The customer (Quispe, Rosa) was charged twice.", ["Quispe, Rosa"]),
        # a listed first name and the words after it; a name before a verb
        ("Siddharth Venkataraman opened the ticket.", ["Siddharth Venkataraman"]),
        ("Seen today. Annika reports better sleep.", ["Annika"]),
        ("Grievance raised against team lead Hashimoto-san.", ["Hashimoto"]),
        # a name found once is masked wherever it recurs
        ("please meet Ingrid Halvorsen. Ingrid will coordinate.", ["Ingrid Halvorsen", "Ingrid"]),
        # lines that hold only a name
        ("Thanks for the help.\n\nTshepo Molefe\nOperations", ["Tshepo Molefe"]),
        ("Beneficial owners\nAbena Mensah - 60 %\n", ["Abena Mensah"]),
        ("[09:15] zainab: is the blender back in stock\n[09:16] bot: yes", ["zainab"]),
    ],
)
def test_names_are_found(text: str, expected: list[str]) -> None:
    assert sorted(names_in(text)) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hi its wojciech again, ask marta about the refund pls", ["wojciech", "marta"]),
        ("ok so radoslaw said the router keeps dropping", ["radoslaw"]),
        ("do u have thandeka's number? the one from the conference", ["thandeka"]),
        ("Mobilising. Son kofi will collect on Friday.", ["kofi"]),
        ("hello i am tobi, my relative adaeze okonkwo bought a policy", ["tobi", "adaeze okonkwo"]),
        ("hi there my name is jennifer young, i bought a phone", ["jennifer young"]),
        ("bot: What's your name?\nuser: ngozi eze\nbot: thanks", ["ngozi eze"]),
        ("sorry, need to go. please send the label to my work address - ifeanyi", ["ifeanyi"]),
    ],
)
def test_lower_case_names_in_chat(text: str, expected: list[str]) -> None:
    assert sorted(names_in(text)) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        "Dear Customer, Hi Team, Will you call?",
        "Dear Data Protection Officer, please delete my data.",
        "Thanks, Can you check the order?",
        "The Grace Period ends on Friday.",
        "Statement line: Tyrell Biotech, Nimbus Telecom, Acme Cloud Storage.",
        "Flights to São Paulo and Addis Ababa are booked via the Help Center.",
        "Cliente: the parcel never arrived\nAgente: lo siento",
        "IBAN: DE89 3704 0044 0532 0130 00",
        "ok ask will about it when he is back",
        "Jan 15 and Mai 2024 are the dates.",
        "Cordialement,\nHälsningar,\n",
    ],
)
def test_capitalised_things_that_are_no_name(text: str) -> None:
    assert names_in(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # a head word after the name, in it or right after it
        "Donations go to the Helen Douglas Hospice this year.",
        "Invoice from Petra Lang Stiftung, due Friday.",
        "The vendor (Mirabel Biotech) confirmed delivery.",
        "Regards,\nAccounts Team\nKestrel Telecom",
        # joined by an ampersand, or a possessive that owns nothing
        "Snacks from Harris & Mercer, drinks from Fenwick & Daughters.",
        "We ordered the cake from Lottie's.",
        # places by where they stand
        "The training takes place in Verona next spring.",
        "Our partner is based at 104 34 Athina, close to the port.",
        "Old address: Freiburg im Breisgau.",
        "Deliver to Chofu-shi, Tokyo 182-0022.",
        "The event moved to Darwin NT.",
        "Oficina central en Santiago de Chile.",
        "Im Sommer schließt die Filiale früher.",
        # labels and one-letter tokens after a name
        "Patient: Lucía Romero, D.O.B. 03/04/1979",
        "Physio note: W.O. Sirikul, R knee, week 6",
    ],
)
def test_organisations_places_and_labels_where_names_stand(text: str) -> None:
    found = names_in(text)
    assert all(n in ("Lucía Romero", "W.O. Sirikul") for n in found), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Priya & Lukas will join; in Priya's absence Lukas leads.", ["Priya", "Lukas"] * 2),
        ("Amna Hashmi & Usman Khan signed.", ["Amna Hashmi", "Usman Khan"]),
        ("hi im Anna, my order is late", ["Anna"]),
        ("Im Jisoo here, calling about the refund.", ["Im Jisoo"]),
        ("Frau Müller-Lüdenscheidt aus Hamburg hat angerufen.", ["Müller-Lüdenscheidt"]),
    ],
)
def test_names_beside_the_shapes_of_organisations_and_places(
    text: str, expected: list[str]
) -> None:
    assert sorted(names_in(text)) == sorted(expected)


def test_json_keys_that_name_a_person_are_cues() -> None:
    value = {
        "customer": {"full_name": "Wanjiru Kamau", "tier": "gold"},
        "name": "Oluwaseun Adeyemi",
        "product": {"name": "AirPods Pro", "sku": "MQD83"},
        "queue": {"name": "Priority Support"},
        "address": {"street": "ul. Długa 12/4", "postcode": "00-238", "city": "Warszawa"},
        "dob": "1985-03-12",
    }
    assert redact(value).value == {
        "customer": {"full_name": "[PERSON]", "tier": "gold"},
        "name": "[PERSON]",
        "product": {"name": "AirPods Pro", "sku": "MQD83"},
        "queue": {"name": "Priority Support"},
        "address": {"street": "[ADDRESS]", "postcode": "[ADDRESS]", "city": "Warszawa"},
        "dob": "[DOB]",
    }


def test_the_lists_are_broad_and_not_fakers() -> None:
    # gender-guesser's list covers first names of many countries; the census list surnames.
    assert {"wojciech", "aigerim", "priya", "olena", "amani"} <= first_names()
    assert len(first_names()) > 40_000
    assert {"kowalski", "nakamura", "nguyen", "okeke"} <= surnames()
    assert {"addis ababa", "são paulo", "nairobi"} <= places()
    # Wikipedia's most common names by country (CC0) fill the gaps of both lists, with and
    # without accents.
    assert {"aadhya", "lethabo", "fatoumata"} <= first_names()
    assert {"gurung", "jayasinghe", "hoxha", "gonzález", "gonzalez"} <= surnames()


def test_json_keys_that_name_an_id_mask_ids_no_detector_knows() -> None:
    value = {"nid": "043445550", "passport_number": "X1234567", "nid_status": "verified"}
    assert redact(value).value == {
        "nid": "[NATIONAL_ID]",
        "passport_number": "[NATIONAL_ID]",
        "nid_status": "verified",
    }
    assert redact({"nid": "pending"}).value == {"nid": "pending"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a relation, a referral or a team after the name: only a person has one
        ("Keys are with Wanjiru Kariuki (my neighbour) at number 12.", ["Wanjiru Kariuki"]),
        ("Visa file: Tahmina Chowdhury, nationality Bangladesh.", ["Tahmina Chowdhury"]),
        ("Please sync with Bambang Susilo from our team.", ["Bambang Susilo"]),
        # particles that join a name: Arabic "Al", Vietnamese "Thị", not in a street
        ("Lease signed for Hamdan Al Mazrouei today.", ["Hamdan Al Mazrouei"]),
        ("Hồ sơ: Phạm Thị Hoa tái khám.", ["Phạm Thị Hoa"]),
        ("Deliver to 12 Lê Văn Sỹ, Quận 3.", []),
        # a word that is also a name, after a mid-sentence reference or before its e-mail
        ("If it rings, ask Hope whether the door was locked.", ["Hope"]),
        ("Checklist for Made (made.putra@example.org) is done.", ["Made"]),
        ("Follow-up with Dr. Ma next week.", ["Ma"]),
    ],
)
def test_names_by_their_cue_after_or_particle(text: str, expected: list[str]) -> None:
    assert sorted(set(names_in(text))) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ok i asked dmitri and oksana, neither got the rota", ["dmitri", "oksana"]),
        ('Review by "joana_88": the app logs me out.', ["joana"]),
        ("@ravi can you check the notes", ["ravi"]),
        ("no worries, jose miguel from your team fixed it", ["jose miguel"]),
        ("[{'content': 'hello my name is wairimu, payment failed'}]", ["wairimu"]),
        ("ok so paypal said the refund is pending", []),
        ("im ok, its on me", []),
    ],
)
def test_lower_case_chat_names(text: str, expected: list[str]) -> None:
    assert sorted(set(names_in(text))) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Hugo Boss parcel for Amara Nwosu is late.", ["Amara Nwosu"]),
        ("dr. oetker pizza was recalled, ask ingrid", ["ingrid"]),
        ("Refund the Mercedes-Benz deposit to Dagny Lunde.", ["Dagny Lunde"]),
        ("Kiehl’s cream returned by Yuki Tanaka", ["Yuki Tanaka"]),
    ],
)
def test_names_inside_a_brand_are_the_brands(text: str, expected: list[str]) -> None:
    assert names_in(text) == expected


def test_a_loose_name_key_takes_a_listed_name_beside_a_common_word() -> None:
    value = {"name": "Mendoza, Rhea", "attention": "Live Hansen", "contact": "Kindle Paperwhite"}
    assert redact(value).value == {
        "name": "[PERSON]",
        "attention": "[PERSON]",
        "contact": "Kindle Paperwhite",
    }
