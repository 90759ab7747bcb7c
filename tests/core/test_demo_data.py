import io

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.core.management import call_command
from django.core.management.base import CommandError

from humena.accounts.models import User
from humena.taxonomy.models import Skill, SkillCategory, Theme

pytestmark = pytest.mark.django_db


def test_seed_demo_is_idempotent(settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=io.StringIO())
    counts = (User.objects.count(), Theme.objects.count(), Skill.objects.count())
    call_command("seed_demo", stdout=io.StringIO())
    assert (User.objects.count(), Theme.objects.count(), Skill.objects.count()) == counts
    assert counts[0] == 3  # member, staff, and the demo initiatives' organiser
    assert User.objects.get(email="staff@humena.example").is_staff
    assert not User.objects.get(email="member@humena.example").is_staff


def test_demo_totp_prints_a_code_the_staff_account_accepts(settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=io.StringIO())
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
        call_command("seed_demo", stdout=io.StringIO())
    with pytest.raises(CommandError):
        call_command("demo_totp", stdout=io.StringIO())
    assert not SkillCategory.objects.exists()
