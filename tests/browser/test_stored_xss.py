"""Stored XSS (SPEC §6, §8): a script sent in a prediction never runs in anyone's browser.

The payloads ride in every field a client or a reviewer controls and a page shows: the
input (values and keys), the slice tags (names and values), the external id, the model
version, the queue's labels and their descriptions, the decision's label and rationale,
an incident note and a containment reason. Every page that renders them is then opened
in real Chromium: the review page (with an override decided through its form, errors
and all, and the raw input revealed), the escalations inbox and the ticket with its
evidence bundle, the incidents board and the incident, the dashboard, the audit browser
and the admin's item page. Each payload sets window.__xss; it must stay undefined and no
dialog may open.

The strict Content-Security-Policy would stop an inline script even if a template forgot
to escape, so the browser test runs twice: as served, and with the policy header removed
on its way to the browser, which leaves escaping alone between a payload and a victim.
`test_every_page_escapes_the_payloads` checks the same pages' HTML without a browser, so
the default run (no Chromium) holds the line too.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from accounts.models import User
from audit.services import Actor
from reviews.escalation.models import Escalation, Incident
from reviews.escalation.services.evidence import escalation_bundle_build, incident_bundle_build
from reviews.escalation.services.incidents import incident_contain, incident_note
from reviews.intake.models import Item
from reviews.quality.services.rollups import rollups_catch_up
from reviews.queues.models import Queue
from reviews.queues.permissions import Role
from reviews.queues.selectors import queue_access
from reviews.queues.services.queues import queue_create
from reviews.work.services.claims import TIER_PERMS, assignment_claim_item
from reviews.work.services.decisions import assignment_decide
from tests.browser.test_login import log_in
from tests.factories import DEFAULT_POLICY, SYSTEM, ingest
from tests.reviews.reviewing import reviewer

SCRIPT = "<script>window.__xss=1</script>"
IMG = '<img src=x onerror="window.__xss=1">'
BOTH = SCRIPT + IMG
# What would show that a payload went out as markup rather than text.
LIVE = re.compile(r"<script>window\.__xss|<img src=x onerror", re.I)
# ... and that it went out at all, as text.
SHOWN = re.compile(r"&lt;script&gt;window\.__xss=1|&lt;img src=x onerror=", re.I)


def _hostile(n: int, confidence: float) -> dict[str, Any]:
    return {
        "external_id": f"{BOTH}-{n}",
        "model_version": IMG,
        "input": {"text": BOTH, IMG: SCRIPT, "nested": [SCRIPT, {"deeper": IMG}]},
        "slice": {"region": SCRIPT, IMG: "x"},
        "output": {"label": IMG, "confidence": confidence},
    }


def _verdict(item: Item, by: User, **fields: Any) -> Any:
    access = queue_access(user=by, slug=item.queue.slug, perms=TIER_PERMS.values())
    assignment = assignment_claim_item(access=access, item_id=item.pk)
    return assignment_decide(assignment_id=assignment.pk, reviewer=by, **fields)


def hostile_world() -> dict[str, Any]:
    """A queue whose every client- and reviewer-written field carries the payloads."""
    queue = queue_create(
        slug="xss",
        name=f"Loans {SCRIPT}",
        description=IMG,
        labels=[
            {"value": "approve", "hotkey": "a"},
            {"value": "deny", "hotkey": "d", "description": IMG},
            {"value": IMG},
            {"value": SCRIPT},
        ],
        reason_codes=[{"code": "wrong_label", "description": SCRIPT}],
        policy=dict(DEFAULT_POLICY),
        actor=SYSTEM,
    )
    annotator = reviewer("xss-annotator", queue)
    sme = reviewer("xss-sme", queue, Role.SME)
    root = User.objects.create_superuser("root", "root@example.com", "pw-for-tests-only")
    why = {"rationale": BOTH, "reason_code": "wrong_label"}
    # Decided: overridden to a payload label, with a payload rationale.
    decided = ingest(queue, **_hostile(1, 0.7))
    _verdict(decided, annotator, verdict="override", label=SCRIPT, **why)
    # An SME ticket with its bundle; its item waits at the SME tier for the review page.
    _verdict(ingest(queue, **_hostile(2, 0.7)), annotator, verdict="escalate", **why)
    ticket = Escalation.objects.latest("pk")
    escalation_bundle_build(escalation_id=ticket.pk)
    # An incident from an SME's escalation, with a note and a containment.
    _verdict(ingest(queue, **_hostile(3, 0.1)), sme, verdict="escalate", **why)
    incident = Incident.objects.latest("pk")
    incident_bundle_build(incident_id=incident.pk)
    incident_note(incident=incident, actor=Actor.for_user(sme), text=BOTH)
    incident_contain(
        incident=incident, actor=Actor.for_user(sme), slice_tags={"region": SCRIPT}, reason=BOTH
    )
    rollups_catch_up()  # the dashboard: slices and model versions from the roll-ups
    return {"queue": queue, "root": root, "decided": decided, "ticket": ticket,
            "incident": incident}  # fmt: skip


def pages(world: dict[str, Any]) -> list[str]:
    """Every page that renders the payloads, as the superuser sees them."""
    queue: Queue = world["queue"]
    return [
        "/",
        f"/queues/{queue.slug}/review/",
        "/escalations/",
        f"/escalations/{world['ticket'].pk}/",
        "/incidents/",
        f"/incidents/{world['incident'].pk}/",
        f"/queues/{queue.slug}/dashboard/",
        f"/queues/{queue.slug}/dashboard/?model_version={IMG}",
        "/audit/",
        f"/admin/reviews/item/{world['decided'].pk}/change/",
        "/admin/reviews/queue/",
        f"/admin/reviews/queue/{queue.pk}/change/",
    ]


# --- Without a browser: the HTML itself ---------------------------------------------------


def test_every_page_escapes_the_payloads(db: None) -> None:
    world = hostile_world()
    client = Client()
    client.force_login(world["root"])
    answers = {path: client.get(path) for path in pages(world)}
    reveal = client.post(
        f"/queues/xss/items/{world['decided'].pk}/raw/", {"reason": f"Dispute {BOTH}"}
    )
    answers["raw reveal"] = reveal

    statuses = {path: response.status_code for path, response in answers.items()}
    live = [path for path, response in answers.items() if LIVE.search(response.content.decode())]
    unseen = [
        path for path, response in answers.items() if not SHOWN.search(response.content.decode())
    ]

    assert statuses == dict.fromkeys(answers, 200)
    assert live == []
    assert unseen == []  # the payloads are on every page, as text


# --- In Chromium -----------------------------------------------------------------------


# Inserts unescaped markup into the page and answers whether its inline handler ran.
PROBE = """() => new Promise((resolve) => {
    document.body.insertAdjacentHTML(
        "beforeend", '<img id="probe" src="/static/no-such.png" onerror="window.__probe=1">');
    document.getElementById("probe").addEventListener(
        "error", () => setTimeout(() => resolve(window.__probe === 1), 0));
})"""


def _without_csp(route: Any) -> None:
    response = route.fetch()
    headers = {
        name: value
        for name, value in response.headers.items()
        if name.lower() != "content-security-policy"
    }
    route.fulfill(response=response, headers=headers)


def _unexploded(page: Any, dialogs: list[str], where: str) -> str | None:
    """What went wrong on the page now shown, or None."""
    if page.evaluate("typeof window.__xss") != "undefined":
        return f"{where}: a payload ran"
    if dialogs:
        return f"{where}: a dialog opened: {dialogs}"
    if "window.__xss=1" not in page.content():
        return f"{where}: the payloads are not on the page"
    return None


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("csp", [True, False], ids=["as-served", "csp-removed"])
def test_no_payload_runs_on_any_page(page: Any, csp: bool) -> None:
    world = hostile_world()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    if not csp:
        page.route("**/*", _without_csp)
    log_in(page, "root")
    page.wait_for_url("**/")
    # The control: markup slipped into one of our pages runs exactly when the policy is
    # gone, so neither the header's removal nor the detection is make-believe.
    assert page.evaluate(PROBE) is (not csp)
    problems = []

    for path in pages(world):
        page.goto(path)
        page.wait_for_load_state("networkidle")
        problems.append(_unexploded(page, dialogs, path))

    # The review page (the SME-tier item is the superuser's): reveal the raw input, then
    # override to a payload label, first without a reason (the form comes back with its
    # errors and what was typed), then with one.
    page.goto("/queues/xss/review/")
    page.get_by_text("Reveal raw input…").click()
    page.fill("textarea[name=reason]", f"Dispute {BOTH}")
    page.get_by_role("button", name="Reveal", exact=True).click()
    page.wait_for_selector("#raw-reveal .raw")
    problems.append(_unexploded(page, dialogs, "raw reveal"))
    page.locator("#review button.label").nth(3).click()  # the label that is SCRIPT
    page.fill("textarea[name=rationale]", BOTH)
    page.click("fieldset.rationale button[type=submit]")
    page.wait_for_selector("#review .errors")
    problems.append(_unexploded(page, dialogs, "review, refused"))
    page.select_option("select[name=reason_code]", "wrong_label")
    page.click("fieldset.rationale button[type=submit]")
    page.wait_for_selector("#review .notice")
    problems.append(_unexploded(page, dialogs, "review, decided"))
    page.goto("/audit/")  # the decision's rationale is in the trail now
    problems.append(_unexploded(page, dialogs, "audit after the decision"))

    assert [problem for problem in problems if problem] == []
