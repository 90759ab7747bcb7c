import datetime
import zoneinfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from engagement.models import Event, Initiative, Membership, Need, Update
from humena.notifications.models import OutboxEvent
from tests.core.test_images import jpeg_with_gps
from tests.engagement.factories import InitiativeFactory, NeedFactory, SkillFactory, add_member
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

NEW = "/en/initiatives/new/"


def form_data(**overrides) -> dict:
    data = {
        "title": "Budget watch Sfax",
        "summary": "Reading the municipal budget together.",
        "description": "We meet **monthly**.",
        "country": "TN",
        "city": "Sfax",
        "latitude": "34.7406",
        "longitude": "10.7603",
        "language": "fr",
        "status": "open",
        "visibility": "public",
        "join_policy": "open",
    }
    data.update(overrides)
    return data


def test_create_an_initiative_with_a_photo(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    user = UserFactory()
    client.force_login(user)
    photo = SimpleUploadedFile("cover.jpg", jpeg_with_gps((800, 600)), content_type="image/jpeg")
    response = client.post(NEW, {**form_data(), "cover_image": photo})
    initiative = Initiative.objects.get()
    assert response.status_code == 302
    assert response["Location"] == initiative.get_absolute_url()
    assert initiative.slug == "budget-watch-sfax"
    assert initiative.description_html == "<p>We meet <strong>monthly</strong>.</p>\n"
    # Rounded to about 1 km.
    assert str(initiative.latitude) == "34.74"
    assert str(initiative.longitude) == "10.76"
    membership = Membership.objects.get(initiative=initiative)
    assert (membership.user, membership.role, membership.status) == (user, "organiser", "approved")
    assert initiative.member_count == 1
    with Image.open(initiative.cover_image.path) as stored:
        assert not stored.getexif()
    assert b"PhoneMaker" not in initiative.cover_image.read()


def test_create_requires_sign_in(client):
    response = client.get(NEW)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"country": "XX"}, "country", "Select a valid choice"),
        ({"title": ""}, "title", "This field is required"),
        ({"latitude": "95"}, "latitude", "less than or equal to 90"),
        ({"longitude": ""}, None, "Give both latitude and longitude"),
    ],
)
def test_bad_input_is_shown_next_to_the_field_and_nothing_is_saved(
    client, overrides, field, message
):
    client.force_login(UserFactory())
    response = client.post(NEW, form_data(**overrides))
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    if field:
        assert f'id="id_{field}_errors"' in html
    assert not Initiative.objects.exists()
    assert not Membership.objects.exists()


def test_an_oversized_or_fake_image_is_refused_clearly(client):
    client.force_login(UserFactory())
    fake = SimpleUploadedFile("cover.jpg", b"not an image at all", content_type="image/jpeg")
    response = client.post(NEW, {**form_data(), "cover_image": fake})
    html = response.content.decode()
    assert 'id="id_cover_image_errors"' in html
    assert "not an image we can read" in html
    huge = SimpleUploadedFile(
        "huge.jpg", b"\xff\xd8" + b"0" * (5 * 1024 * 1024 + 1), content_type="image/jpeg"
    )
    response = client.post(NEW, {**form_data(), "cover_image": huge})
    assert "The limit is 5 MB" in response.content.decode()
    assert not Initiative.objects.exists()


def test_scripts_in_markdown_never_reach_the_page(client):
    client.force_login(UserFactory())
    client.post(NEW, form_data(description="Hello <script>alert('x')</script> **world**"))
    initiative = Initiative.objects.get()
    html = client.get(initiative.get_absolute_url()).content.decode()
    assert "<script>alert" not in html
    assert "<strong>world</strong>" in html


def test_edit_is_for_organisers(client):
    initiative = InitiativeFactory(title="Old title")
    edit = f"/en/initiatives/{initiative.slug}/edit/"
    client.force_login(add_member(initiative))
    assert client.get(edit).status_code == 403
    client.force_login(initiative.organiser_user)
    response = client.post(edit, form_data(title="New title"))
    assert response.status_code == 302
    initiative.refresh_from_db()
    assert initiative.title == "New title"
    assert initiative.slug == initiative.slug  # the address does not change with the title


def test_edit_of_a_private_initiative_is_404_to_others(client):
    initiative = InitiativeFactory(visibility=Initiative.Visibility.MEMBERS)
    client.force_login(UserFactory())
    assert client.get(f"/en/initiatives/{initiative.slug}/edit/").status_code == 404


def test_post_an_update(client):
    initiative = InitiativeFactory()
    client.force_login(initiative.organiser_user)
    response = client.post(
        f"/en/initiatives/{initiative.slug}/updates/new/",
        {"title": "We met", "body": "Notes *here*", "visibility": "members"},
    )
    assert response.status_code == 302
    update = Update.objects.get()
    assert update.body_html == "<p>Notes <em>here</em></p>\n"
    assert OutboxEvent.objects.filter(
        name="engagement.update.published", payload__update_id=update.pk
    ).exists()


def test_members_cannot_post_updates(client):
    initiative = InitiativeFactory()
    client.force_login(add_member(initiative))
    response = client.post(
        f"/en/initiatives/{initiative.slug}/updates/new/", {"title": "x", "body": "y"}
    )
    assert response.status_code == 403
    assert not Update.objects.exists()


def test_declare_and_fill_a_need(client):
    initiative = InitiativeFactory()
    skill = SkillFactory(name_en="Translation")
    client.force_login(initiative.organiser_user)
    response = client.post(
        f"/en/initiatives/{initiative.slug}/needs/new/",
        {
            "skill": skill.pk,
            "quantity": 2,
            "description": "Arabic-English, remote",
            "remote_possible": "on",
            "language": "ar",
            "until": "2030-01-31",
        },
    )
    assert response.status_code == 302
    need = Need.objects.get()
    assert (need.quantity, need.remote_possible, need.status) == (2, True, "open")
    response = client.post(
        f"/en/initiatives/{initiative.slug}/needs/{need.pk}/",
        {
            "skill": skill.pk,
            "quantity": 2,
            "language": "ar",
            "remote_possible": "on",
            "filled": "1",
        },
    )
    need.refresh_from_db()
    assert need.status == Need.Status.FILLED
    assert OutboxEvent.objects.filter(name="engagement.need.filled").count() == 1


def test_need_with_zero_people_is_refused(client):
    initiative = InitiativeFactory()
    client.force_login(initiative.organiser_user)
    response = client.post(
        f"/en/initiatives/{initiative.slug}/needs/new/",
        {
            "skill": NeedFactory.build().skill.pk or SkillFactory().pk,
            "quantity": 0,
            "language": "ar",
        },
    )
    assert response.status_code == 200
    assert 'id="id_quantity_errors"' in response.content.decode()
    assert not Need.objects.exists()


def test_create_an_event_in_its_own_time_zone(client):
    initiative = InitiativeFactory()
    client.force_login(initiative.organiser_user)
    response = client.post(
        f"/en/initiatives/{initiative.slug}/events/new/",
        {
            "title": "Beach survey",
            "starts_at": "2030-06-01T18:00",
            "ends_at": "2030-06-01T20:00",
            "time_zone": "Asia/Beirut",
            "mode": "in_person",
            "city": "Tyre",
            "visibility": "public",
        },
    )
    assert response.status_code == 302
    event = Event.objects.get()
    beirut = zoneinfo.ZoneInfo("Asia/Beirut")
    assert event.starts_at == datetime.datetime(2030, 6, 1, 18, 0, tzinfo=beirut)
    assert OutboxEvent.objects.filter(name="engagement.event.created").exists()


def test_an_event_that_ends_before_it_starts_is_refused(client):
    initiative = InitiativeFactory()
    client.force_login(initiative.organiser_user)
    response = client.post(
        f"/en/initiatives/{initiative.slug}/events/new/",
        {
            "title": "Backwards",
            "starts_at": "2030-06-01T18:00",
            "ends_at": "2030-06-01T17:00",
            "time_zone": "Africa/Tunis",
            "mode": "in_person",
            "city": "Tunis",
            "visibility": "public",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_ends_at_errors"' in html
    assert "The end must be after the start." in html
    assert not Event.objects.exists()
