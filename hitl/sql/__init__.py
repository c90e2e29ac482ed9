"""Written-out SQL: every statement hitl hands the database itself, in one place, each
with its measured reason beside it. Nothing outside this package calls Manager.raw(),
a cursor, RawSQL or extra() (tests/hitl/test_sql_home.py); migrations are history.

Why written out at all: on the request hot paths Django's ORM spends more CPU composing
a statement than the database spends running it (~0.5 ms each). The ORM is the rule
everywhere else.

Building blocks, for any app:
- `rows`: one-row SELECT/UPDATE by primary key prepared once per model and column set,
  rows by a list of keys, FOR KEY SHARE, IN-list placeholders, prepared statements;
- `bulk`: multi-row INSERT of unsaved instances without per-object ORM work (ingest,
  audit events, webhook deliveries);
- `permissions`: which objects a user holds a permission on, across django-guardian's
  per-object tables and Django's global grants.

Statements of one purpose, named for their caller:
- `tokens`: the API token look-up (accounts.authentication, every API call);
- `audit`: the audit chain head, read locked and moved (every state change);
- `queues`: queues by permission, a queue with the caller's permissions on it, ingest's
  queues and containments (reviews.queues.selectors);
- `intake`: items by external id (ingest's duplicate check);
- `claims`: the claim query, the lease, the item behind an assignment (claims, decisions);
- `webhooks`: which endpoints hear an event (on the ingest path);
- `probe`: the readiness probe's `SELECT 1`.
- `rollup_sums`: the dashboard's sums over the roll-ups (reviews.quality.services.measure).

This package may import any app's models (table and column names come from their
metadata) and nothing else of the apps (import-linter, pyproject.toml).
"""
