from __future__ import annotations

from reviews.intake.api.serializers import ItemOutSerializer, item_json
from tests.factories import ingest


def test_item_json_renders_exactly_what_the_schema_serializer_describes(queue):
    """item_json is hand-built for speed; it must not drift from the documented shape."""
    for confidence in (0.95, 0.7, 0.2):  # released, held, straight to SMEs
        item = ingest(queue, output={"label": "deny", "confidence": confidence})
        assert item_json(item) == ItemOutSerializer(item).data
