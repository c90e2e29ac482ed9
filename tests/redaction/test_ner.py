"""The optional named-entity backend (ner.py) on a real spaCy pipeline built here.

No model is downloaded: a blank English pipeline with an entity ruler, saved to disk and
loaded back by path as a user's own pipeline would be, recognises a few names, a facility
and a city. spaCy is in the dev extra; the default install has no spaCy and never imports it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import spacy

from redaction import engine, find_spans, ner, redact
from redaction.spans import Span

REPO = Path(__file__).resolve().parents[2]  # the checkout: the subprocess runs from its root

# A name in a script without capitals, with no cue (honorific, salutation, sign-off) before
# it: the rule engine, which goes by cues, name lists and capitalised words, leaves it alone;
# a model that knows it does not.
UNSEEN_NAME = "王秀英"
SENTENCE = f"zxq {UNSEEN_NAME} approved it"
# Names the model knows (whether the rules catch them too does not matter where they are used).
NAME = "Xovira Pelundt"
OTHER_NAME = "Quennick Abramsoy"
FACILITY = "Zentral Pumpwerk"
CITY = "Nairobi"


@pytest.fixture(scope="module")
def pipeline_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(  # type: ignore[attr-defined]
        [
            {"label": "PERSON", "pattern": UNSEEN_NAME},
            {"label": "PERSON", "pattern": [{"LOWER": "xovira"}, {"LOWER": "pelundt"}]},
            {"label": "PER", "pattern": [{"LOWER": "quennick"}, {"LOWER": "abramsoy"}]},
            {"label": "FAC", "pattern": [{"LOWER": "zentral"}, {"LOWER": "pumpwerk"}]},
            {"label": "GPE", "pattern": CITY},
            {"label": "ORG", "pattern": "Acme"},
        ]
    )
    path = tmp_path_factory.mktemp("ner") / "pipe"
    nlp.to_disk(path)
    return path


@pytest.fixture
def backend(pipeline_path: Path) -> Iterator[ner.SpacyBackend]:
    configured = ner.configure(f"spacy:{pipeline_path}")
    assert configured is not None
    try:
        yield configured
    finally:
        ner.configure("")


def test_a_name_the_rules_miss_is_masked_only_with_the_backend(pipeline_path: Path) -> None:
    assert redact({"note": SENTENCE}).value == {"note": SENTENCE}  # now cached as clean
    ner.configure(f"spacy:{pipeline_path}")
    try:
        result = redact({"note": SENTENCE})
        assert result.value == {"note": "zxq [PERSON] approved it"}
        assert result.counts == {"PERSON": 1}
    finally:
        ner.configure("")
    assert redact({"note": SENTENCE}).value == {"note": SENTENCE}


def test_labels_are_mapped_and_cities_and_organisations_are_left(
    backend: ner.SpacyBackend,
) -> None:
    text = f"Met {OTHER_NAME} of Acme at the {FACILITY} in {CITY}."
    assert backend(text) == [
        Span(4, 4 + len(OTHER_NAME), "PERSON"),  # PER, as WikiNER pipelines label people
        Span(text.index(FACILITY), text.index(FACILITY) + len(FACILITY), "ADDRESS"),
    ]
    assert redact(text).value == "Met [PERSON] of Acme at the [ADDRESS] in Nairobi."


def test_backend_and_rule_detections_are_merged(backend: ner.SpacyBackend) -> None:
    text = f"{NAME} wrote from jane.doe@example.com: call +44 20 7946 0958"
    result = redact(text)
    assert result.value == "[PERSON] wrote from [EMAIL]: call [PHONE]"
    assert result.counts == {"EMAIL": 1, "PHONE": 1, "PERSON": 1}


def test_the_entity_filter_is_respected(pipeline_path: Path) -> None:
    real = ner.SpacyBackend(str(pipeline_path))
    seen: list[str] = []

    def counting(text: str) -> list[Span]:
        seen.append(text)
        return real(text)

    engine.use_backend(counting, real.entities)
    try:
        text = f"{NAME} at the {FACILITY}, jane.doe@example.com"
        assert redact({"a": text}, ["EMAIL", "PHONE"]).value == {
            "a": f"{NAME} at the {FACILITY}, [EMAIL]"
        }
        assert seen == []  # a queue that asks for neither PERSON nor ADDRESS: no model run
        assert redact(text, ["ADDRESS"]).value == f"{NAME} at the [ADDRESS], jane.doe@example.com"
        assert redact(text, ["PERSON"]).value == f"[PERSON] at the {FACILITY}, jane.doe@example.com"
        assert len(seen) == 2
    finally:
        engine.use_backend(None)


def test_only_strings_with_a_word_go_to_the_model(
    backend: ner.SpacyBackend, monkeypatch: pytest.MonkeyPatch
) -> None:
    nlp = backend.load()
    calls: list[str] = []
    original = nlp.make_doc

    def make_doc(text: str) -> object:
        calls.append(text)
        return original(text)

    monkeypatch.setattr(nlp, "make_doc", make_doc)
    assert backend("2024-05-01T10:22:33Z") == []
    assert backend("1,234.56 / 42") == []
    assert backend("ab") == []
    assert backend("A-1 B-2") == []
    assert calls == []
    assert backend(f"hi {NAME}") == [Span(3, 3 + len(NAME), "PERSON")]
    assert calls == [f"hi {NAME}"]


def test_long_texts_are_cut_at_whitespace_and_offsets_kept(
    backend: ner.SpacyBackend, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backend.load(), "max_length", 60)
    text = " ".join(["filler words here"] * 6 + [NAME] + ["and more text"] * 6 + [OTHER_NAME])
    spans = backend(text)
    assert [text[s.start : s.end] for s in spans] == [NAME, OTHER_NAME]
    assert all(s.entity == "PERSON" for s in spans)


def test_new_words_stay_in_the_vocabulary_only_up_to_a_budget(
    backend: ner.SpacyBackend, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not hasattr(spacy.language.Language, "memory_zone"):
        pytest.skip("memory zones came with spaCy 3.8")
    strings = backend.load().vocab.strings

    def run(n: int) -> None:
        text = f"request {n:04d}{'f3a9' * 7} by {NAME} ok"
        start = text.index(NAME)
        assert backend(text) == [Span(start, start + len(NAME), "PERSON")]

    monkeypatch.setattr(ner, "_VOCAB_GROWTH", len(strings) - ner._loaded_size[backend.name] + 5)
    before = len(strings)
    for n in range(50):
        run(n)
    # The budget, overshot by the one text that crossed it (a few strings per new word), then
    # no more: without zones these 50 texts add at least a string per text for its id.
    assert before < len(strings) < before + 25
    monkeypatch.setattr(ner, "_VOCAB_GROWTH", 0)
    before = len(strings)
    for n in range(50, 100):
        run(n)
    assert len(strings) == before


def test_the_pipeline_is_loaded_once_by_threads_starting_together(
    pipeline_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    name = str(pipeline_path) + "/"  # another name for the same pipeline: not loaded yet
    loads: list[str] = []
    real_load = ner._load

    def counting_load(pipeline: str) -> object:
        loads.append(pipeline)
        return real_load(pipeline)

    monkeypatch.setattr(ner, "_load", counting_load)
    monkeypatch.setattr(ner, "_pipelines", {})
    backend = ner.SpacyBackend(name)
    start = threading.Barrier(8)
    results: list[list[Span]] = []

    def work() -> None:
        start.wait()
        results.append(backend(SENTENCE))

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert loads == [name]
    assert results == [[Span(4, 4 + len(UNSEEN_NAME), "PERSON")]] * 8


def test_the_backend_is_off_by_default_and_the_cache_is_cleared_on_change(
    pipeline_path: Path,
) -> None:
    assert engine._backend is None
    assert find_spans(SENTENCE) == []
    engine._remember_clean("zxq " + NAME, frozenset(["PERSON"]))
    ner.configure(f"spacy:{pipeline_path}")
    try:
        assert engine._clean == {}
    finally:
        ner.configure("")


@pytest.mark.parametrize("spec", ["spacy", "spacy:", "spacy:  ", "flair:ner", "en_core_web_sm"])
def test_a_spec_must_name_a_spacy_pipeline(spec: str) -> None:
    with pytest.raises(ValueError, match="spacy:<pipeline package or path>"):
        ner.parse_spec(spec)


def test_a_mapping_to_types_a_backend_cannot_propose_is_refused() -> None:
    with pytest.raises(ValueError, match="PERSON"):
        ner.SpacyBackend("x", labels={"ORG": "EMAIL"})


def _start(code: str, ner_setting: str | None, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "hitl.settings", "HITL_DATA_DIR": str(tmp_path)}
    env.pop("HITL_REDACTION_NER", None)
    if ner_setting is not None:
        env["HITL_REDACTION_NER"] = ner_setting
    return subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


START_AND_REDACT = f"""
import sys
import django
django.setup()
from redaction import redact
print(redact({{"note": {SENTENCE!r}}}).value["note"])
print("spacy imported:", "spacy" in sys.modules)
"""


def test_the_default_start_up_never_imports_spacy(tmp_path: Path) -> None:
    result = _start(START_AND_REDACT, None, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [SENTENCE, "spacy imported: False"]


def test_the_setting_configures_the_backend_at_start_up(
    pipeline_path: Path, tmp_path: Path
) -> None:
    result = _start(START_AND_REDACT, f"spacy:{pipeline_path}", tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["zxq [PERSON] approved it", "spacy imported: True"]


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("spacy:/nonexistent/pipeline", "HITL_REDACTION_NER='spacy:/nonexistent/pipeline': spaCy"),
        ("spacy:", "HITL_REDACTION_NER must be empty or spacy:<pipeline package or path>"),
        ("en_core_web_sm", "HITL_REDACTION_NER must be empty or spacy:<pipeline package or path>"),
    ],
)
def test_a_bad_setting_stops_start_up_naming_the_variable(
    setting: str, message: str, tmp_path: Path
) -> None:
    result = _start("import django; django.setup()", setting, tmp_path)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


def test_start_up_without_spacy_installed_stops_naming_the_variable(
    pipeline_path: Path, tmp_path: Path
) -> None:
    code = "import sys; sys.modules['spacy'] = None; import django; django.setup()"
    result = _start(code, f"spacy:{pipeline_path}", tmp_path)
    assert result.returncode != 0
    assert "HITL_REDACTION_NER=" in result.stderr
    assert 'spaCy is not installed (pip install "hitl[ner]"' in result.stderr
