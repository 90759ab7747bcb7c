"""Server-side instruments of `make bench` (loaded only by benchmarks/settings.py).

`QueryCountMiddleware` counts every query a request makes, the session's and the user's included,
and answers the figure in the `X-Bench-Queries` header.

`floor` is each page's floor, served by the same processes: it replays the page's own SQL
statements through a raw cursor (fetching every row) and renders the same template with the same
context, or the same data with the same JSON renderer, without the ORM, the selectors or the view.
The statements and the context are captured once per process from the real view, under a lock.
"""

import threading
from collections.abc import Callable
from contextlib import contextmanager
from types import GeneratorType

from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse

HEADER = "X-Bench-Queries"


class QueryCountMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        count = 0

        def counter(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counter):
            response = self.get_response(request)
        response[HEADER] = str(count)
        return response


@contextmanager
def recorded(statements: list):
    def record(execute, sql, params, many, context):
        statements.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        yield


_lock = threading.Lock()
_captured: dict = {}


@contextmanager
def _render_captured(module, box: dict):
    """Replace `module.render` for this thread only: keep the template and context it gets."""
    original = module.render
    me = threading.get_ident()

    def capturing(request, template_name, context=None, *args, **kwargs):
        if threading.get_ident() == me:
            # Generators (page links) are read once: keep them as lists, to render again.
            context = {
                key: list(value) if isinstance(value, GeneratorType) else value
                for key, value in (context or {}).items()
            }
            box["template"], box["context"] = template_name, context
        return original(request, template_name, context, *args, **kwargs)

    module.render = capturing
    try:
        yield
    finally:
        module.render = original


def _capture_page(module, view: Callable, request: HttpRequest, **kwargs) -> dict:
    box: dict = {"statements": []}
    request.user  # noqa: B018  # the session and user load now: they are not the view's SQL
    with _render_captured(module, box), recorded(box["statements"]):
        view(request, **kwargs)
    return box


def _capture_api(view: Callable, request: HttpRequest) -> dict:
    box: dict = {"statements": []}
    request.user  # noqa: B018
    with recorded(box["statements"]):
        response = view(request)
    box["data"] = response.data
    return box


def _browse(request: HttpRequest) -> dict:
    from engagement import views

    return _capture_page(views, views.browse, request)


def _campaign(request: HttpRequest) -> dict:
    from advocacy import views

    return _capture_page(views, views.detail, request, slug=request.GET["slug"])


def _api(request: HttpRequest) -> dict:
    from engagement.api.views import InitiativeViewSet

    return _capture_api(InitiativeViewSet.as_view({"get": "list"}), request)


FLOORS = {"browse": _browse, "campaign": _campaign, "api": _api}


def floor(request: HttpRequest, name: str) -> HttpResponse:
    if name not in FLOORS:
        raise Http404
    key = (name, request.get_full_path())
    entry = _captured.get(key)
    if entry is None:
        with _lock:
            entry = _captured.get(key) or FLOORS[name](request)
            _captured[key] = entry
    with connection.cursor() as cursor:
        for sql, params in entry["statements"]:
            cursor.execute(sql, params)
            if cursor.description is not None:
                cursor.fetchall()
    if "data" in entry:
        from rest_framework.renderers import JSONRenderer

        return HttpResponse(JSONRenderer().render(entry["data"]), content_type="application/json")
    from django.shortcuts import render

    return render(request, entry["template"], entry["context"])
