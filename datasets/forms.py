"""The datasets page's two forms: "Build snapshot" and the retraining trigger.

The build form only turns what the browser sends into the filter `dataset_request` takes
(a window preset or two times read as UTC, outcomes ticked, slice tags typed as
key=value); the filter's own rules (which values, the window's bounds) are
services/filters.py's, so the page and the API refuse the same things with the same
messages, put beside the fields by the page.
"""

from __future__ import annotations

from typing import Any

from django import forms

from datasets.models import RetrainTrigger
from hitl.filters import ZonedDateTimeField
from hitl.forms import PageForm, SliceTagsField
from reviews.choices import Outcome, Tier

# The window presets, beside "all" (no lower bound) and "custom" (from / to).
PRESETS = ("24h", "7d", "30d")
WINDOWS = (*PRESETS, "all", "custom")
DEFAULT_WINDOW = "all"
TIMES = ("decided_from", "decided_to")
COUNT_HELP = "Enter 0 (off) or a positive whole number."


class BuildForm(PageForm):
    """Which decided items a snapshot holds, as the page asks."""

    window = forms.ChoiceField(
        choices=[(w, w) for w in WINDOWS],
        required=False,  # not sent: all time
        initial=DEFAULT_WINDOW,
        error_messages={"invalid_choice": "Choose a window."},
    )
    # A browser's datetime-local value has no offset: it is read as UTC, as the page shows.
    decided_from = ZonedDateTimeField(required=False, naive_is_utc=True)
    decided_to = ZonedDateTimeField(required=False, naive_is_utc=True)
    model_version = forms.CharField(required=False)
    outcome = forms.MultipleChoiceField(choices=Outcome.choices, required=False)
    tier = forms.ChoiceField(choices=Tier.choices, required=False)
    reason_code = forms.CharField(required=False)  # the queue's codes: the filter's to judge
    slice = SliceTagsField(required=False)
    raw = forms.BooleanField(required=False)

    def clean(self) -> dict[str, Any]:
        """The two times count only for a custom window: with a preset they are not read,
        so they are not judged either."""
        super().clean()
        if self.cleaned_data.get("window") != "custom":
            for name in TIMES:
                self.errors.pop(name, None)
                self.cleaned_data[name] = None
        return self.cleaned_data

    def snapshot_filter(self) -> dict[str, Any]:
        """The raw filter for dataset_request (of a valid form): only what narrows it."""
        data = self.cleaned_data
        window = data["window"] or DEFAULT_WINDOW
        flt: dict[str, Any] = {"window": window} if window in PRESETS else {}
        flt.update({name: data[name] for name in TIMES if data[name] is not None})
        for name in ("model_version", "tier", "reason_code", "outcome", "slice"):
            if data[name]:
                flt[name] = data[name]
        return flt


class TriggerForm(PageForm):
    """The queue's retraining trigger: a count of corrected labels, alerts, on or off."""

    # ASCII digits only: int() would also read "٣" (larger counts are the service's to
    # refuse, services/triggers.py).
    every_corrected = forms.RegexField(
        r"\A[0-9]*\Z", required=False, error_messages={"invalid": COUNT_HELP}
    )
    on_alert = forms.BooleanField(required=False)
    active = forms.BooleanField(required=False)

    def clean_every_corrected(self) -> int:
        return int(self.cleaned_data["every_corrected"] or 0)  # blank: 0, not by count

    @classmethod
    def of(cls, trigger: RetrainTrigger | None) -> TriggerForm:
        """The form showing the queue's trigger as it is (a new one is on, counting off)."""
        return cls(
            initial={
                "every_corrected": trigger.every_corrected if trigger else 0,
                "on_alert": trigger.on_alert if trigger else False,
                "active": trigger.active if trigger else True,
            }
        )
