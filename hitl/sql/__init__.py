"""Written-out SQL: the statements the ORM would cost more CPU to compose than the database
spends running them, each with its measured reason beside it.

- `rows`: one-row SELECT/UPDATE by primary key, prepared once per model and column set,
  and IN-list placeholders (claims, decisions, token look-ups);
- `bulk`: multi-row INSERT of unsaved instances without per-object ORM work (ingest, audit
  events, webhook deliveries);
- `permissions`: which objects a user holds a permission on, across django-guardian's
  per-object tables and Django's global grants.

The statements specific to one domain (the claim query, the SLA sweep's breach scan, the
token look-up) stay beside the service that runs them and build on these helpers; nothing
imports another module's private SQL (ruff PLC2701).
"""
