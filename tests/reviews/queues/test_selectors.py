"""queues_for answers as django-guardian's own get_objects_for_user would, in one query."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from guardian.shortcuts import assign_perm, get_objects_for_user

from reviews.queues.models import Queue
from reviews.queues.permissions import QUEUE_VISIBLE_PERMS, QueuePerm, Role
from reviews.queues.selectors import queues_for
from reviews.queues.services.access import reviewer_create
from tests.factories import SYSTEM, UserFactory, make_queue

pytestmark = pytest.mark.django_db

PERM_SETS = [
    QUEUE_VISIBLE_PERMS,
    [QueuePerm.SUBMIT],
    [QueuePerm.REVIEW],
    [QueuePerm.MANAGE, QueuePerm.INCIDENTS],
    [QueuePerm.RAW_PII],
]


def guardian_says(user, perms) -> set[str]:
    return set(
        get_objects_for_user(
            user,
            [f"reviews.{p}" for p in perms],
            klass=Queue,
            any_perm=True,
            accept_global_perms=True,
        ).values_list("slug", flat=True)
    )


def test_queues_for_matches_guardian_for_every_kind_of_grant(
    queue, other_queue, annotator, sme, responder, admin_user, outsider
):
    third = make_queue("third")
    via_group = UserFactory(username="grouped")
    team = Group.objects.create(name="eu-team")
    team.user_set.add(via_group)
    assign_perm("reviews.review_queue", team, third)
    global_raw = UserFactory(username="global-raw")
    assign_perm("reviews.view_raw_pii", global_raw)  # a global grant: every queue
    superuser = UserFactory(username="root", is_superuser=True)
    inactive = reviewer_create(
        username="gone", role=Role.SME, queues=[queue], password="pw-for-tests-only", actor=SYSTEM
    )[0]
    inactive.is_active = False
    inactive.save()
    nobody = UserFactory(username="nobody")

    people = [
        annotator,
        sme,
        responder,
        admin_user,
        outsider,
        via_group,
        global_raw,
        superuser,
        nobody,
    ]
    for user in people:
        for perms in PERM_SETS:
            ours = set(queues_for(user=user, perms=perms).values_list("slug", flat=True))
            assert ours == guardian_says(user, perms), (user.username, perms)
    assert set(queues_for(user=inactive).values_list("slug", flat=True)) == set()
    # The cases are not all alike: each persona sees a different slice of the queues.
    assert {frozenset(guardian_says(u, QUEUE_VISIBLE_PERMS)) for u in people} >= {
        frozenset(),
        frozenset({"loans"}),
        frozenset({"other"}),
        frozenset({"third"}),
        frozenset({"loans", "other", "third"}),
    }


def test_queues_for_is_one_query(queue, annotator, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert [q.slug for q in queues_for(user=annotator)] == ["loans"]
