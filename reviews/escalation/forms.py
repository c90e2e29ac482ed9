"""The forms of the escalation pages: resolving a ticket, and the incident page's forms.

Each checks only the shape of what the browser sent (text, a state or severity among the
page's options, slice tags as key=value) and the few things only the page asks for (why a
containment is set or lifted); the incident and escalation services judge the rest, and
their refusals are put beside the fields by the pages.
"""

from __future__ import annotations

from django import forms

from hitl.forms import PageForm, SliceTagsField
from reviews.escalation.models import Incident

CHOOSE_STATE = "Choose a state."


class ResolveForm(PageForm):
    """Close a ticket by hand; a blank note is the service's to refuse."""

    resolution = forms.CharField(required=False)


class TransitionForm(PageForm):
    """Move an incident to another state, with a note (the service requires it to resolve)."""

    to = forms.ChoiceField(
        choices=Incident.State.choices,
        error_messages={"required": CHOOSE_STATE, "invalid_choice": CHOOSE_STATE},
    )
    note = forms.CharField(required=False)


class IncidentUpdateForm(PageForm):
    """Severity, owner and postmortem; what is left out stays as it is."""

    severity = forms.ChoiceField(
        choices=Incident.Severity.choices,
        required=False,
        error_messages={"invalid_choice": "Choose a severity."},
    )
    owner = forms.CharField(required=False)  # a username; the page looks the responder up
    # Not stripped: it may be laid out.
    postmortem = forms.CharField(required=False, strip=False)

    def clean_postmortem(self) -> str | None:
        """None when the form did not send it (kept as it is), else as written, even empty."""
        return self.cleaned_data["postmortem"] if "postmortem" in self.data else None


class NoteForm(PageForm):
    """A note on the timeline; a blank one is the service's to refuse."""

    text = forms.CharField(required=False)


class ContainForm(PageForm):
    """Stop auto-approval on the queue or a slice of it."""

    reason = forms.CharField(error_messages={"required": "Say why auto-approval must stop."})
    slice = SliceTagsField(required=False)  # empty: the whole queue


class LiftForm(PageForm):
    """Lift a containment the incident set."""

    note = forms.CharField(error_messages={"required": "Say why the containment can be lifted."})
