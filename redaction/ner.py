"""Optional named-entity backend: a model's PERSON and ADDRESS proposals on top of the rules.

A backend is any callable taking a text and returning `Span`s (spans.py); the engine adds
what it returns to the rule detectors' proposals before resolving overlaps, for the entity
types a backend declares (`engine.use_backend`). The one implementation here runs a spaCy
pipeline, loaded by package name or path (`spacy.load`) once per process:

    from redaction import ner
    ner.configure("spacy:en_core_web_sm")  # or "spacy:/models/our-ner", "" to turn it off

spaCy is imported only when a backend is configured: the default install stays model-free
(`pip install "hitl[ner]"` adds spaCy; the pipeline is the user's own). No Django here: hitl
configures it at start-up from HITL_REDACTION_NER (audit/apps.py).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Mapping
from contextlib import AbstractContextManager, nullcontext
from typing import TYPE_CHECKING

from redaction import engine
from redaction.spans import Span

if TYPE_CHECKING:
    from spacy.language import Language

#: The interface: a text in, its detections out (types among `BACKEND_ENTITIES`).
Backend = Callable[[str], Iterable[Span]]

#: The types a named-entity backend may propose; the engine runs it only when one is wanted.
BACKEND_ENTITIES = frozenset({"PERSON", "ADDRESS"})

#: Entity labels → our types. PERSON (OntoNotes, spaCy's English pipelines) and PER
#: (WikiNER: spaCy's de/fr/es/it/nl/sv… pipelines) are people; FAC (buildings, streets,
#: airports) and the ADDRESS/STREET labels of custom pipelines are addresses. GPE and LOC
#: (cities, countries, regions) are left out, as the rule engine leaves city names: pass
#: `labels={**DEFAULT_LABELS, "GPE": "ADDRESS", "LOC": "ADDRESS"}` to mask them too.
DEFAULT_LABELS: Mapping[str, str] = {
    "PERSON": "PERSON",
    "PER": "PERSON",
    "FAC": "ADDRESS",
    "ADDRESS": "ADDRESS",
    "STREET": "ADDRESS",
}

#: Components of spaCy's trained pipelines that entity recognition does not use: disabled
#: when present, as they cost as much as the recogniser. On the redaction corpora (937
#: strings) en_core_web_sm's entities were the same without them but for one DATE span,
#: in half the time.
_NOT_FOR_ENTITIES = (
    "tagger",
    "morphologizer",
    "parser",
    "senter",
    "attribute_ruler",
    "lemmatizer",
    "trainable_lemmatizer",
)
_SHARED_EMBEDDINGS = ("tok2vec", "transformer")

# The model runs only on strings at least this long holding two letters in a row (a word):
# the shortest rule detection is 3 characters too, and numbers, amounts and ISO timestamps
# (2024-05-01T10:22:33Z) name nobody.
_MIN_LENGTH = 3
_WORD = re.compile(r"[^\W\d_]{2}")

SPEC_PREFIX = "spacy:"


class BackendUnavailable(Exception):
    """The configured backend cannot run: spaCy is not installed or the pipeline won't load."""


class SpacyBackend:
    """A spaCy pipeline's entities, mapped to our types by `labels`; other labels are dropped.

    The pipeline is loaded on first use (or by `load()`), once per process for each name,
    under a lock, so threads starting together load it once.
    """

    def __init__(self, name: str, labels: Mapping[str, str] = DEFAULT_LABELS) -> None:
        unknown = set(labels.values()) - BACKEND_ENTITIES
        if unknown:
            raise ValueError(f"a NER backend proposes only {sorted(BACKEND_ENTITIES)}: {unknown}")
        self.name = name
        self.labels = dict(labels)
        self.entities = frozenset(self.labels.values())

    def __repr__(self) -> str:
        return f"SpacyBackend({self.name!r})"

    def load(self) -> Language:
        return _pipeline(self.name)

    def __call__(self, text: str) -> list[Span]:
        if len(text) < _MIN_LENGTH or _WORD.search(text) is None:
            return []
        nlp = _pipeline(self.name)
        labels = self.labels
        spans: list[Span] = []
        with _run_lock, _memory_zone(nlp, self.name):
            for offset, piece in _pieces(text, nlp.max_length):
                for ent in nlp(piece).ents:
                    entity = labels.get(ent.label_)
                    if entity is None:
                        continue
                    start = offset + ent.start_char
                    for line in _LINE.finditer(ent.text):
                        if _plausible(entity, line.group()):
                            spans.append(Span(start + line.start(), start + line.end(), entity))
        return spans


# A model's span is cut at line breaks: a name or a street never runs over two lines, and a
# name in a signature followed by the street on the next line is one PERSON to a model.
_LINE = re.compile(r"[^\s](?:[^\r\n]*[^\s])?")


def _plausible(entity: str, value: str) -> bool:
    """Whether a model's span can be what its label says; refuses the mistakes models make
    on machine text: e-mail addresses, URLs and all-lower-case words (`marco.rossi`,
    `van de aanvrager`; names in scripts without case pass) for either type, and for
    PERSON anything with a digit (hex ids, `KXVA 9084 4297`, `Personnummer 670116-6545`).
    """
    if value.islower() or "@" in value or "://" in value:
        return False
    return entity != "PERSON" or not any(ch.isdigit() for ch in value)


def _memory_zone(nlp: Language, name: str) -> AbstractContextManager[object]:
    """Past a budget of new words, a spaCy (3.8+) memory zone, which forgets the words a text
    added to the pipeline's vocabulary once it has been through.

    Without zones every new word (each request id, each name) stays for the life of the
    process: 20,000 short inputs with fresh ids added 63,000 strings and 25 MB to a worker.
    With a zone on every call a pipeline whose vocabulary lacks the inputs' everyday words
    (a blank one with an entity ruler) makes their lexemes anew each time, five times slower.
    So the first `_VOCAB_GROWTH` new strings stay (the frequent words come early), and zones
    start after them. Zones must not overlap, hence `_run_lock` around each call.
    """
    zone = getattr(nlp, "memory_zone", None)
    if zone is None or len(nlp.vocab.strings) < _loaded_size[name] + _VOCAB_GROWTH:
        return nullcontext()
    return zone()


def _pieces(text: str, limit: int) -> Iterable[tuple[int, str]]:
    """`text` in pieces spaCy accepts (nlp.max_length), cut at whitespace where there is one."""
    start = 0
    while len(text) - start > limit:
        cut = text.rfind(" ", start + limit // 2, start + limit)
        end = cut + 1 if cut >= 0 else start + limit
        yield start, text[start:end]
        start = end
    yield start, text[start:]


_pipelines: dict[str, Language] = {}
_loaded_size: dict[str, int] = {}  # strings in each pipeline's vocabulary once loaded
_load_lock = threading.Lock()
# New strings a pipeline's vocabulary may keep, about 16 MB (see `_memory_zone`).
_VOCAB_GROWTH = 40_000
# One text through the model at a time in a process: memory zones share the vocabulary.
_run_lock = threading.Lock()


def _pipeline(name: str) -> Language:
    nlp = _pipelines.get(name)
    if nlp is not None:
        return nlp
    with _load_lock:
        nlp = _pipelines.get(name)
        if nlp is None:
            nlp = _load(name)
            _loaded_size[name] = len(nlp.vocab.strings)
            _pipelines[name] = nlp
    return nlp


def _load(name: str) -> Language:
    try:
        import spacy
    except ImportError:
        raise BackendUnavailable(
            'spaCy is not installed (pip install "hitl[ner]", then the pipeline package)'
        ) from None
    try:
        nlp = spacy.load(name)
    except Exception as exc:  # OSError (not found), config and registry errors alike
        raise BackendUnavailable(f"spaCy cannot load the pipeline {name!r}: {exc}") from None
    for component in _NOT_FOR_ENTITIES:
        if component in nlp.pipe_names:
            nlp.disable_pipe(component)
    # A shared embedding layer (tok2vec, transformer) that no enabled component listens to
    # any more: en_core_web_sm's recogniser has its own, and the shared one fed the tagger.
    for component in _SHARED_EMBEDDINGS:
        if component in nlp.pipe_names:
            listeners = getattr(nlp.get_pipe(component), "listening_components", None)
            if listeners is not None and not set(listeners) & set(nlp.pipe_names):
                nlp.disable_pipe(component)
    if not nlp.pipe_names:
        raise BackendUnavailable(f"the spaCy pipeline {name!r} has no component to find entities")
    return nlp


def parse_spec(spec: str) -> SpacyBackend | None:
    """The backend a setting names: "" for none, "spacy:<package or path>" for a pipeline."""
    spec = spec.strip()
    if not spec:
        return None
    name = spec[len(SPEC_PREFIX) :].strip() if spec.startswith(SPEC_PREFIX) else ""
    if not name:
        raise ValueError(f'expected "" or "{SPEC_PREFIX}<pipeline package or path>", got {spec!r}')
    return SpacyBackend(name)


def configure(spec: str) -> SpacyBackend | None:
    """Use the backend `spec` names (see `parse_spec`) in the engine, or none for "".

    The pipeline is loaded now, so a missing spaCy or pipeline fails here (BackendUnavailable)
    and not on the first input; a bad spec raises ValueError.
    """
    backend = parse_spec(spec)
    if backend is not None:
        backend.load()
        engine.use_backend(backend, backend.entities)
    else:
        engine.use_backend(None)
    return backend
