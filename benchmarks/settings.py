"""Production settings, plus what only `make bench` needs: a query counter and the floor views.

Nothing here weakens production: the server runs with DEBUG off, cached templates and the psycopg
pool exactly as in humena/settings/production.py. The load generator sends
`X-Forwarded-Proto: https` as the TLS-terminating proxy would, so HTTPS redirects, secure cookies
and CSRF's origin checks stay on. The only additions: `instrument.QueryCountMiddleware`, first (so
that it counts the session and user queries too), which answers each request's query count in an
`X-Bench-Queries` header; and the floors' URLs (benchmarks/urls.py).
"""

from humena.settings.production import *  # noqa: F403
from humena.settings.production import MIDDLEWARE

MIDDLEWARE = ["benchmarks.instrument.QueryCountMiddleware", *MIDDLEWARE]
ROOT_URLCONF = "benchmarks.urls"
