"""The review page's forms: a verdict, and the reason for revealing an item's raw input.

Both check only that the browser sent text; what a verdict may hold (a label, rationale
and reason code of the queue, for this item) is the decision service's to judge
(`decision_errors`), and a reveal's reason is the raw-access service's, so the page and
the API refuse the same things with the same messages.
"""

from __future__ import annotations

from django import forms

from hitl.forms import PageForm


class DecisionForm(PageForm):
    """A verdict on one item: on the review page, and on an incident's item."""

    verdict = forms.CharField(required=False)
    label = forms.CharField(required=False)
    # Kept as the reviewer wrote it, as the API keeps it (its blankness is judged stripped).
    rationale = forms.CharField(required=False, strip=False)
    reason_code = forms.CharField(required=False)


class RevealForm(PageForm):
    """Why someone asks for an item's raw input; the service cleans and judges it."""

    reason = forms.CharField(required=False, strip=False)
