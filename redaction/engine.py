"""Run the detectors, resolve overlaps, mask: on plain text and on JSON at any depth."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import Any, NamedTuple

from redaction.address import detect_address
from redaction.contact import detect_email, detect_ip, detect_url
from redaction.dob import detect_dob
from redaction.fields import HINTED, field_span, names_a_type
from redaction.financial import detect_card, detect_iban
from redaction.names import detect_person
from redaction.national_ids import detect_national_id
from redaction.phone import detect_phone
from redaction.scan import Scan
from redaction.spans import ENTITY_TYPES, SPECIFICITY, Span

Detector = Callable[[str, Scan], Iterable[Span]]

# Each detector with the cheap test a string must pass before the detector runs at all.
# "digit": the string holds a digit; None: always (names and obfuscated emails need none).
# Each detector also gates itself on what the shared `Scan` of the string says (scan.py).
_DETECTORS: tuple[tuple[str, Detector, str | None], ...] = (
    ("EMAIL", detect_email, None),
    ("URL", detect_url, None),
    ("IBAN", detect_iban, "digit"),
    ("CARD", detect_card, "digit"),
    ("NATIONAL_ID", detect_national_id, "digit"),
    ("IP", detect_ip, "digit"),
    ("PHONE", detect_phone, "digit"),
    ("DOB", detect_dob, "digit"),
    ("ADDRESS", detect_address, "digit"),
    ("PERSON", detect_person, None),
)
# No string shorter than this holds a detection (the shortest is "M X": a cue, a space and a
# one-letter name): shorter strings are returned as they are.
_SHORTEST = 3


class Redacted(NamedTuple):
    """A redacted copy of the input and how many values of each type were masked."""

    value: Any
    counts: dict[str, int]


def normalise_entities(entities: Iterable[str] | None) -> frozenset[str]:
    """The entity names to mask: all when None; unknown names are refused, not ignored."""
    if entities is None:
        return frozenset(ENTITY_TYPES)
    wanted = frozenset(e.upper() for e in entities)
    unknown = wanted - set(ENTITY_TYPES)
    if unknown:
        raise ValueError(f"unknown redaction entities: {', '.join(sorted(unknown))}")
    return wanted


# An optional named-entity backend (ner.py) and the types it may propose: None by default,
# which costs find_spans one check. Set at start-up through `use_backend`.
_backend: Callable[[str], Iterable[Span]] | None = None
_backend_entities: frozenset[str] = frozenset()


def use_backend(
    backend: Callable[[str], Iterable[Span]] | None,
    entities: Iterable[str] = ("PERSON", "ADDRESS"),
) -> None:
    """Add `backend`'s proposals of the `entities` types to the rules' (None: rules only).

    Clears the clean-string cache, whose entries were found clean without this backend.
    """
    global _backend, _backend_entities
    types = normalise_entities(entities) if backend is not None else frozenset()
    with _clean_lock:
        _backend, _backend_entities = backend, types
        _clean.clear()


def _backend_proposals(
    backend: Callable[[str], Iterable[Span]], text: str, wanted: frozenset[str], rules: list[Span]
) -> list[Span]:
    """The backend's spans of wanted types, less those lying inside a rule detection: that
    text is masked already, and the rule's type is the surer one (a model may call a name
    that a sign-off announced a facility)."""
    return [
        span
        for span in backend(text)
        if span.entity in wanted
        and not any(rule.start <= span.start and span.end <= rule.end for rule in rules)
    ]


def find_spans(
    text: str, entities: Iterable[str] | None = None, *, key: str | None = None
) -> list[Span]:
    """The non-overlapping detections in `text`, in order.

    `key` is the object key the text sits under in a JSON input ("full_name", "postcode"):
    where it names a type and the value has that type's shape, the whole value is one
    more proposal (fields.py).

    1. Every enabled detector whose cheap gate passes proposes spans. They share one `Scan`
       of the text (scan.py), which lets each try its patterns only where they can match.
       A configured backend (`use_backend`) adds its proposals of the wanted types.
    2. Overlapping proposals form one cluster, masked as a single span covering their union,
       so a value is never left half-masked.
    3. The cluster's type is its longest member's; among equally long ones the most
       specific type (ENTITY_TYPES order) wins: a card number inside a URL is part of [URL].
    """
    wanted = normalise_entities(entities) if not isinstance(entities, frozenset) else entities
    if len(text) < _SHORTEST:
        return []
    scan = Scan(text)
    proposals: list[Span] = []
    if key is not None and (field := field_span(key, text)) is not None and field.entity in wanted:
        proposals.append(field)
    for entity, detector, gate in _DETECTORS:
        if entity in wanted and (gate is None or scan.has_digit):
            proposals.extend(detector(text, scan))
    if _backend is not None and not wanted.isdisjoint(_backend_entities):
        proposals.extend(_backend_proposals(_backend, text, wanted, proposals))
    if not proposals:
        return []
    return list(_resolve(proposals))


def _resolve(proposals: list[Span]) -> Iterator[Span]:
    proposals.sort()
    cluster = [proposals[0]]
    end = proposals[0].end
    for span in proposals[1:]:
        if span.start < end:
            cluster.append(span)
            end = max(end, span.end)
            continue
        yield _merge(cluster, end)
        cluster, end = [span], span.end
    yield _merge(cluster, end)


def _merge(cluster: list[Span], end: int) -> Span:
    best = min(cluster, key=lambda s: (-(s.end - s.start), SPECIFICITY[s.entity], s.start))
    return Span(cluster[0].start, end, best.entity)


def redact_text(
    text: str, entities: Iterable[str] | None = None, *, key: str | None = None
) -> tuple[str, Counter[str]]:
    """`text` with each detection replaced by its placeholder, and the counts per type."""
    spans = find_spans(text, entities, key=key)
    counts: Counter[str] = Counter()
    if not spans:
        return text, counts
    parts: list[str] = []
    position = 0
    for span in spans:
        parts.append(text[position : span.start])
        parts.append(f"[{span.entity}]")
        counts[span.entity] += 1
        position = span.end
    parts.append(text[position:])
    return "".join(parts), counts


def redact(value: Any, entities: Iterable[str] | None = None) -> Redacted:
    """Redact every string in a JSON value (objects, arrays, any depth) or a plain string.

    Object keys are left alone: they are the client's schema ("email", "phone"), and masking
    them would break the reviewer's view of the input; a key that names a type is a hint
    about the strings under it (`{"full_name": "Chidi Okeke"}`, fields.py). The input is
    never modified; the result is a new structure. `entities=None` masks every type.
    """
    wanted = normalise_entities(entities)
    counts: Counter[str] = Counter()
    redacted = _walk(value, wanted, counts)
    return Redacted(redacted, {entity: counts[entity] for entity in ENTITY_TYPES if counts[entity]})


def _walk(value: Any, wanted: frozenset[str], counts: Counter[str], key: Any = None) -> Any:
    kind = type(value)
    if kind is str or (kind not in _CONTAINERS and isinstance(value, str)):
        if key is not None:
            hinted = HINTED.get(key)
            if not (names_a_type(key) if hinted is None else hinted):
                key = None  # most keys say nothing about their value: the cache may answer
        short = key is None and len(value) <= _CLEAN_MAX_LENGTH
        if short and (value, wanted) in _clean:
            return value
        text, found = redact_text(value, wanted, key=key)
        if found:
            counts.update(found)
        elif short:
            _remember_clean(value, wanted)
        return text
    if kind in _SCALARS:
        return value
    # Numbers, booleans and nulls (most items of feature vectors and scores) are returned
    # here, without a call each.
    if isinstance(value, dict):
        return {
            name: item if type(item) in _SCALARS else _walk(item, wanted, counts, name)
            for name, item in value.items()
        }
    if isinstance(value, list | tuple):
        return [
            item if type(item) in _SCALARS else _walk(item, wanted, counts, key) for item in value
        ]
    return value


_CONTAINERS = frozenset([dict, list, tuple])
_SCALARS = frozenset([int, float, bool, type(None)])

# Short strings found clean, e.g. enum-like values ("email", "en", "DE"): model inputs repeat
# them in every prediction, and remembering that they hold nothing skips the detectors.
# Only strings without any detection are kept, so the cache never holds a value the engine
# would mask. Bounded: past the size the oldest entries go (first in, first out). Lookups
# take no lock (a dict lookup is atomic); changes do.
_CLEAN_MAX_LENGTH = 64
_CLEAN_SIZE = 4096
_clean: dict[tuple[str, frozenset[str]], None] = {}
_clean_lock = threading.Lock()


def _remember_clean(text: str, wanted: frozenset[str]) -> None:
    with _clean_lock:
        _clean[(text, wanted)] = None
        if len(_clean) > _CLEAN_SIZE:
            del _clean[next(iter(_clean))]
