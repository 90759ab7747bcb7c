"""The N+1 detector (django-zeal) is on and raises: in a test's code, in every request (the
middleware, also what the browser tests' live server answers) and in Celery tasks. If this file
fails, the whole suite has silently stopped catching N+1 queries."""

import pytest
from allauth.account.models import EmailAddress
from django.http import HttpResponse
from django.urls import path
from zeal import NPlusOneError, zeal_ignore
from zeal import teardown as zeal_teardown

from humena.celery import app as celery_app
from tests.factories import UserFactory


def _owners_one_by_one() -> list[str]:
    # One query for the addresses, then one more per address for its user: the N+1.
    return [address.user.email for address in EmailAddress.objects.order_by("pk")]


def _n_plus_one_view(request):
    return HttpResponse(", ".join(_owners_one_by_one()))


@celery_app.task(name="tests.core.n_plus_one_task")
def _n_plus_one_task() -> int:
    return len(_owners_one_by_one())


urlpatterns = [path("n-plus-one/", _n_plus_one_view)]


@pytest.fixture
def three_people():
    return UserFactory.create_batch(3)


@pytest.mark.django_db
def test_an_n_plus_one_in_a_test_raises(three_people):
    with pytest.raises(NPlusOneError, match=r"account\.EmailAddress\.user"):
        _owners_one_by_one()


@pytest.mark.django_db
def test_the_fix_does_not_raise(three_people):
    owners = [a.user.email for a in EmailAddress.objects.select_related("user").order_by("pk")]
    assert owners == [person.email for person in three_people]


@pytest.mark.django_db
def test_an_allowance_is_narrow(three_people):
    with zeal_ignore([{"model": "account.EmailAddress", "field": "user"}]):
        assert len(_owners_one_by_one()) == 3
    with pytest.raises(NPlusOneError):
        _owners_one_by_one()


@pytest.mark.django_db
@pytest.mark.urls(__name__)
def test_every_request_raises_through_the_middleware(client, three_people):
    zeal_teardown()  # the test's own detection off: what raises now is the middleware's
    with pytest.raises(NPlusOneError):
        client.get("/n-plus-one/")


@pytest.mark.django_db
@pytest.mark.urls(__name__)
def test_without_the_middleware_the_request_would_pass(client, settings, three_people):
    zeal_teardown()
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if not m.startswith("zeal.")]
    assert client.get("/n-plus-one/").status_code == 200


@pytest.mark.django_db
def test_an_eager_celery_task_raises(three_people):
    zeal_teardown()  # the task's own detection (tests/conftest.py's Celery signals) must raise
    with pytest.raises(NPlusOneError):
        _n_plus_one_task.delay()
