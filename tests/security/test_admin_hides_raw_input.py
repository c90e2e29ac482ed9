"""The admin never shows raw inputs (it keeps no record of who read what), and refuses a
redaction policy the engine would not understand."""

from __future__ import annotations

from django.test import Client

from accounts.models import User
from reviews.queues.models import Queue
from tests.factories import ingest

EMAIL = "alan.turing@example.com"


def test_the_item_page_shows_the_redacted_input_only(queue: Queue) -> None:
    item = ingest(queue, input={"note": f"mail {EMAIL}"})
    superuser = User.objects.create_superuser("root", "root@example.com", "pw-for-tests-only")
    client = Client()
    client.force_login(superuser)

    page = client.get(f"/admin/reviews/item/{item.pk}/change/")
    listing = client.get("/admin/reviews/item/", {"q": EMAIL})

    assert page.status_code == listing.status_code == 200
    assert "[EMAIL]" in page.content.decode()
    assert EMAIL not in page.content.decode()
    assert "raw_input" not in page.content.decode()
    assert "0 results" in listing.content.decode()  # searching for a raw value finds nothing


def test_the_queue_form_refuses_unknown_entity_types(queue: Queue) -> None:
    from reviews.queues.admin import QueueAdminForm

    data = {
        "slug": queue.slug,
        "name": queue.name,
        "labels": '[{"value": "approve"}]',
        "reason_codes": "[]",
        "redaction": '{"entities": ["EMAIL", "PASSPORT"]}',
        "tier1_hourly_cost": "0",
        "sme_hourly_cost": "0",
    }

    form = QueueAdminForm(data=data, instance=queue)

    assert not form.is_valid()
    assert "PASSPORT" in form.errors["redaction"][0]
    good = QueueAdminForm(data={**data, "redaction": '{"entities": ["email"]}'}, instance=queue)
    good.is_valid()
    assert "redaction" not in good.errors
    assert good.cleaned_data["redaction"] == {"entities": ["EMAIL"]}
