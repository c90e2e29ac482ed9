"""The keys and labels that name the field holding a person's name.

One list serves JSON keys (`{"full_name": …}`, fields.py), form labels and table headers
(`Nachname:`, `Full legal name ....`, a CSV header; names/layouts.py). Keys and labels are
compared without case and separators: `fullName`, `full_name` and `Full Name` are one key.
"""

from __future__ import annotations

import re
from functools import lru_cache

from redaction.names.words import word_set

# Keys whose value is a person's name and nothing else.
PERSON_KEYS = word_set(
    """
    fullname firstname lastname givenname givennames familyname surname middlename maidenname
    displayname customername clientname contactname contactperson patientname employeename
    applicantname accountholder accountholdername cardholder cardholdername nameoncard
    beneficiary beneficiaryname payee payeename recipientname sendername requester requestedby
    reporter reportedby assignee assignedto agentname signedby signatory guardian nextofkin
    emergencycontact spouse referrer holdername ownername policyholder insuredname yourname
    recipient addressee attendee passenger traveller traveler guest given family realname
    legalname fulllegalname witness witnesses guarantor cosigner prescriber referringphysician
    prescribingphysician parentname guardianname
    prenom nomdefamille nombre apellido apellidos nombrecompleto nome cognome nomecompleto
    vorname nachname voornaam achternaam namn fornavn efternavn etunimi sukunimi imie nazwisko
    adsoyad soyad prénom förnamn fornamn efternamn tilltalsnamn jméno jmeno příjmení prijmeni
    vezetéknév keresztnév imię sobrenome apelido roepnaam
    """
)
# Keys that hold a name often but not always ({"name": "Galaxy Tab"}): the value needs
# capitals and no stop word, and either no common word or a listed name that is no common
# word ("Mendoza, Rhea", "Live Hansen"; not "Kindle Paperwhite").
LOOSE_PERSON_KEYS = word_set(
    """
    name customer client contact patient employee applicant agent author user owner nom naam
    attention attn
    """
)
_SEPARATORS = re.compile(r"[\W_]+")


def compact(key: str) -> str:
    """The key without case and separators: "Full Name" -> "fullname"."""
    return _SEPARATORS.sub("", key.lower())


@lru_cache(maxsize=4096)
def person_key(key: str) -> str | None:
    """ "PERSON" for a key that holds a name and nothing else, "PERSON?" for one that often
    does ("name", "customer"), else None."""
    name = compact(key)
    if name in PERSON_KEYS:
        return "PERSON"
    return "PERSON?" if name in LOOSE_PERSON_KEYS else None


def labels_a_person(label: str, *, strictly: bool = False) -> bool:
    """Whether a form's or a table's label ("Full legal name", "Surname", "name") names the
    field that holds a person's name. `strictly`: a label that holds nothing else
    ("surname", not "name")."""
    kind = person_key(label)
    return kind == "PERSON" if strictly else kind is not None
