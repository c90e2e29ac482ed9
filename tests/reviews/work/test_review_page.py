"""The review page's forms with Django's test client: a refused verdict is shown beside
the form on the same item and records nothing; the rationale is kept as written."""

from __future__ import annotations

import pytest
from django.test import Client

from accounts.models import User
from reviews.queues.models import Queue
from reviews.work.models import Decision
from tests.factories import ingest
from tests.reviews.reviewing import snapshot

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def leased(queue: Queue, annotator: User) -> tuple[Client, str]:
    """The annotator's browser on the review page, and the address its verdict posts to."""
    ingest(queue, output={"label": "approve", "confidence": 0.7})
    browser = Client()
    browser.force_login(annotator)
    assignment = browser.get(f"/queues/{queue.slug}/review/").context["assignment"]
    return browser, f"/queues/{queue.slug}/review/{assignment.pk}/decide/"


def test_a_refused_verdict_is_shown_beside_the_form_and_records_nothing(
    queue: Queue, annotator: User
) -> None:
    browser, decide = leased(queue, annotator)
    before = snapshot()
    sent = {"verdict": "override", "label": "deny", "rationale": "  ", "reason_code": "nope"}

    htmx = browser.post(decide, sent, **HTMX)
    plain = browser.post(decide, sent, follow=True)

    assert htmx.status_code == 422
    html = htmx.content.decode()
    assert "override verdict needs a rationale." in html
    assert "&#x27;nope&#x27; is not a reason code of queue" in html
    assert '<fieldset class="rationale">' in html  # shown, not hidden, with what was sent
    assert '<textarea name="rationale" rows="3">  </textarea>' in html
    assert '<input type="hidden" name="label" value="deny">' in html
    assert "Correct to “deny”" in html
    assert "override verdict needs a rationale." in plain.content.decode()  # as a message
    assert plain.redirect_chain == [(f"/queues/{queue.slug}/review/", 302)]
    assert snapshot() == before


def test_the_rationale_is_kept_as_written(queue: Queue, annotator: User) -> None:
    browser, decide = leased(queue, annotator)
    written = "  Income does not cover:\n  - the repayments\n"

    response = browser.post(
        decide,
        {
            "verdict": "override",
            "label": "deny",
            "rationale": written,
            "reason_code": "wrong_label",
        },
        **HTMX,
    )

    assert response.status_code == 200
    assert Decision.objects.get().rationale == written
