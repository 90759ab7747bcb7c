"""The suite's own instruments: the server-side query count and COPY with field defaults."""

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory

from benchmarks.common import copy_rows
from benchmarks.instrument import HEADER, QueryCountMiddleware
from humena.accounts.models import User

pytestmark = pytest.mark.django_db


def test_every_query_of_a_request_is_counted_in_the_header():
    def view(request):
        list(User.objects.all())
        User.objects.filter(email="nobody@example.org").exists()
        return HttpResponse("ok")

    response = QueryCountMiddleware(view)(RequestFactory().get("/"))
    assert response[HEADER] == "2"
    assert (
        QueryCountMiddleware(lambda request: HttpResponse())(RequestFactory().get("/"))[HEADER]
        == "0"
    )


@pytest.mark.skipif(connection.vendor != "postgresql", reason="COPY is PostgreSQL's")
def test_copy_fills_the_other_columns_with_their_defaults():
    written = copy_rows(
        User,
        ["email", "password", "display_name"],
        ((f"copied-{n}@example.org", "!", f"Copied {n}") for n in range(3)),
    )
    assert written == 3
    users = list(User.objects.filter(email__startswith="copied-").order_by("email"))
    assert [u.display_name for u in users] == ["Copied 0", "Copied 1", "Copied 2"]
    assert all(u.is_active and not u.is_staff and u.time_zone for u in users)
