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
