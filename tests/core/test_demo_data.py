import io

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.core.management import call_command
from django.core.management.base import CommandError

from humena.accounts.models import User
from humena.taxonomy.models import Skill, SkillCategory, Theme
from tests.conftest import demo_seeding

pytestmark = pytest.mark.django_db


def _seed_demo() -> None:
    with demo_seeding():
        call_command("seed_demo", stdout=io.StringIO())


def test_seed_demo_is_idempotent(settings):
    settings.DEBUG = True
    _seed_demo()
    counts = (User.objects.count(), Theme.objects.count(), Skill.objects.count())
    _seed_demo()
    assert (User.objects.count(), Theme.objects.count(), Skill.objects.count()) == counts
    # member, staff, the demo initiatives' organiser and 200 diaspora members
    assert counts[0] == 203
    assert User.objects.get(email="staff@humena.example").is_staff
    assert not User.objects.get(email="member@humena.example").is_staff


def test_demo_totp_prints_a_code_the_staff_account_accepts(settings):
    settings.DEBUG = True
    _seed_demo()
    out = io.StringIO()
    call_command("demo_totp", stdout=out)
    code = out.getvalue().strip()
    staff = User.objects.get(email="staff@humena.example")
    authenticator = Authenticator.objects.get(user=staff, type=Authenticator.Type.TOTP)
    assert len(code) == 6
    assert TOTP(authenticator).validate_code(code)


def test_demo_data_refuses_to_load_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        _seed_demo()
    with pytest.raises(CommandError):
        call_command("demo_totp", stdout=io.StringIO())
    assert not SkillCategory.objects.exists()


def test_demo_covers_the_three_levels(settings):
    from diaspora.models import DiasporaProfile, JointProject, Network
    from engagement.models import Initiative

    settings.DEBUG = True
    _seed_demo()
    languages = set(Initiative.objects.values_list("language", flat=True))
    assert languages == {"ar", "fr", "en"}
    assert 55 <= Initiative.objects.count() <= 65
    assert DiasporaProfile.objects.count() == 200
    assert DiasporaProfile.objects.filter(consent_to_matching=True).count() > 100
    assert Network.objects.count() == 8
    assert JointProject.objects.count() == 5
