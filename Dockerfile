# syntax=docker/dockerfile:1
# The HuMENA image: one image for web (gunicorn), migrate, the Celery worker and Celery beat.
# Build: `docker compose build` or `docker build -t humena:latest .`. See docs/operations.md.

# --- Stage 1: dependencies, the project, compiled translations, collected static files ------------
FROM python:3.11-slim AS build

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    VIRTUAL_ENV=/opt/venv \
    PATH=/opt/venv/bin:$PATH

# gettext provides msgfmt, which compilemessages needs. It stays in this stage only.
RUN apt-get update \
 && apt-get install --yes --no-install-recommends gettext \
 && rm -rf /var/lib/apt/lists/*

RUN python -m venv /opt/venv
WORKDIR /app

# Dependencies first, exactly the locked versions with their hashes (the audited lock file, see
# docs/operations.md), so this layer is reused while only source changes.
COPY requirements.lock ./
RUN pip install --require-hashes -r requirements.lock

# Then the project itself (setuptools backend). The build leftovers are not needed at run time.
COPY . .
RUN pip install --no-deps . \
 && rm -rf build ./*.egg-info

# Production settings refuse to load without secrets. This RUN line alone gets throwaway values:
# they are exported in this shell only and are not kept in the image's environment.
# `mkdir -p locale` lets compilemessages succeed while no catalog exists yet.
RUN mkdir -p locale \
 && export DJANGO_SETTINGS_MODULE=humena.settings.production \
      DJANGO_SECRET_KEY="build-only-$(python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
      MFA_ENCRYPTION_KEYS="$(python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())')" \
      DJANGO_ALLOWED_HOSTS=localhost \
 && python manage.py compilemessages \
 && python manage.py collectstatic --noinput

# --- Stage 2: the runtime image -------------------------------------------------------------------
FROM python:3.11-slim AS runtime

# PYTHONPATH=/app: the code under /app (next to templates/, static/ and locale/, which BASE_DIR
# points at) is the copy that runs, not the one `pip install .` put in site-packages.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    VIRTUAL_ENV=/opt/venv \
    PATH=/opt/venv/bin:$PATH \
    PYTHONPATH=/app \
    DJANGO_SETTINGS_MODULE=humena.settings.production \
    DJANGO_MEDIA_ROOT=/app/media \
    DJANGO_PRIVATE_MEDIA_ROOT=/app/private-media

RUN groupadd --system --gid 10001 humena \
 && useradd --system --uid 10001 --gid humena --create-home --home-dir /home/humena \
      --shell /usr/sbin/nologin humena

WORKDIR /app
COPY --from=build /opt/venv /opt/venv
COPY --from=build /app /app

# The code stays owned by root and read-only for the app; only uploaded media and the private
# data exports are writable.
RUN mkdir -p /app/media /app/private-media \
 && chown humena:humena /app/media /app/private-media \
 && chmod 700 /app/private-media

USER humena
EXPOSE 8000
CMD ["gunicorn", "-c", "gunicorn.conf.py", "humena.wsgi:application"]
