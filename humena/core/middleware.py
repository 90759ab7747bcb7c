from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from humena.core.ratelimit import RateLimited


class RateLimitedMiddleware:
    """A RateLimited raised by a service answers 429 with a clear message (JSON on the API)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception):
        if not isinstance(exception, RateLimited):
            return None
        if request.path.startswith("/api/"):
            response = JsonResponse(
                {
                    "error": {
                        "code": "throttled",
                        "message": str(exception),
                        "retry_after": exception.retry_after,
                    }
                },
                status=429,
            )
        else:
            response = render(request, "429.html", status=429)
        response["Retry-After"] = str(exception.retry_after)
        return response


class NulCharactersMiddleware:
    """A NUL character in the address, the query or a JSON body is refused with 400.

    PostgreSQL text cannot hold it: a slug looked up with one would fail in the database (500)
    instead of answering 404. Forms already refuse it field by field; this covers the rest.
    File uploads (multipart) are left alone: images legitimately contain zero bytes.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self._has_nul(request):
            message = "The request contains a NUL character, which is never valid here."
            if request.path.startswith("/api/"):
                return JsonResponse(
                    {"error": {"code": "invalid_characters", "message": message, "fields": {}}},
                    status=400,
                )
            return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")
        return self.get_response(request)

    @staticmethod
    def _has_nul(request: HttpRequest) -> bool:
        if "\x00" in request.path or "%00" in request.META.get("QUERY_STRING", ""):
            return True
        if request.content_type == "application/json" and request.method in (
            "POST",
            "PUT",
            "PATCH",
        ):
            body = request.body
            return b"\x00" in body or b"\\u0000" in body
        if request.content_type == "application/x-www-form-urlencoded":
            return b"%00" in request.body
        return False
