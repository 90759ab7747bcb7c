"""A NUL character anywhere a request carries text is refused with 400: PostgreSQL cannot store
or compare it, and a slug looked up with one would otherwise fail in the database (500)."""

import pytest

from tests.engagement.factories import InitiativeFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_nul_in_the_address_the_query_or_a_body_is_400(client):
    InitiativeFactory(slug="fuzz")
    assert client.get("/en/initiatives/fu%00zz/").status_code == 400
    assert client.get("/en/initiatives/", {"q": "wa\x00ter"}).status_code == 400
    api = client.get("/api/v1/initiatives/fu%00zz/")
    assert api.status_code == 400
    assert api.json()["error"]["code"] == "invalid_characters"
    client.force_login(UserFactory())
    json_body = client.post(
        "/api/v1/initiatives/", '{"title": "x\\u0000y"}', content_type="application/json"
    )
    assert json_body.status_code == 400
    form = client.post(
        "/en/initiatives/new/",
        "title=x%00y",
        content_type="application/x-www-form-urlencoded",
    )
    assert form.status_code == 400
    # In a multipart form, Django's fields refuse it themselves, next to the field.
    multipart = client.post("/en/initiatives/new/", {"title": "x\x00y"})
    assert "Null characters are not allowed" in multipart.content.decode()


def test_uploads_may_contain_zero_bytes(client, settings, tmp_path):
    """Images are binary: a multipart body with zero bytes goes through to the form."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.core.test_images import jpeg_with_gps

    settings.MEDIA_ROOT = tmp_path
    client.force_login(UserFactory())
    photo = SimpleUploadedFile("cover.jpg", jpeg_with_gps(), content_type="image/jpeg")
    assert b"\x00" in photo.read()
    photo.seek(0)
    response = client.post("/en/initiatives/new/", {"title": "Clean water", "cover_image": photo})
    assert response.status_code == 200  # the form answers (other fields missing), not a 400
