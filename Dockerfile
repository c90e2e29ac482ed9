# hitl: one image for web (gunicorn, the default command), the Celery worker and Celery beat.
# compose.yaml runs all three with PostgreSQL and Redis.
FROM python:3.11-slim

# The code runs from /app (PYTHONPATH), where settings find templates/ and static/ next to
# the packages; `pip install .` below brings the dependencies and the commands.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONPATH=/app \
    HITL_DATA_DIR=/data \
    STATIC_ROOT=/app/staticfiles \
    WEB_CONCURRENCY=2

RUN groupadd --system hitl \
    && useradd --system --gid hitl --create-home --home-dir /home/hitl hitl \
    && mkdir -p /data/datasets \
    && chown -R hitl:hitl /data

WORKDIR /app
COPY . .

# psycopg[binary] brings its own libpq: no compiler or system packages needed.
# collectstatic needs settings to load: a throwaway key, and DEBUG=0 so that WhiteNoise's
# hashed, compressed copies are built here rather than at every start.
RUN pip install . \
    && DEBUG=0 SECRET_KEY=collectstatic-only HITL_DATA_DIR=/tmp/build \
        python manage.py collectstatic --noinput \
    && rm -rf /tmp/build

USER hitl
EXPOSE 8000

# gunicorn reads its number of workers from WEB_CONCURRENCY.
CMD ["gunicorn", "hitl.wsgi", "--bind", "0.0.0.0:8000", "--access-logfile", "-"]
