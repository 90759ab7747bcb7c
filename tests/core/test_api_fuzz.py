"""API fuzzing: schemathesis reads the OpenAPI schema at /api/schema/ and sends what it generates
from it (valid and invalid requests) to the WSGI application in-process, once anonymously and once
with a member's API token. No response may be a server error, and every documented response must
match its schema.

Bounded for CI: `HUMENA_FUZZ_EXAMPLES` generated requests per operation and variant (default 8)
plus schemathesis's explicit examples, with a fixed seed (`HUMENA_FUZZ_SEED`, default 2026) so a
failure reproduces. To explore further, raise the one and change the other, e.g.
`HUMENA_FUZZ_EXAMPLES=200 HUMENA_FUZZ_SEED=7 make test PYTEST_ARGS=tests/core/test_api_fuzz.py`.
"""

import os

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from rest_framework.authtoken.models import Token
from rest_framework.throttling import SimpleRateThrottle
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from humena.wsgi import application
from tests.advocacy.factories import (
    CampaignFactory,
    CampaignTargetFactory,
    CampaignUpdateFactory,
    LetterActionFactory,
    PledgeActionFactory,
    SignatureFactory,
)
from tests.diaspora.factories import (
    JointProjectFactory,
    NetworkFactory,
    ProfileFactory,
    add_network_member,
    give_skill,
)
from tests.engagement.factories import (
    EventFactory,
    InitiativeFactory,
    NeedFactory,
    SkillCategoryFactory,
    SkillFactory,
    ThemeFactory,
    UpdateFactory,
    add_member,
)
from tests.factories import UserFactory

EXAMPLES = int(os.environ.get("HUMENA_FUZZ_EXAMPLES", "8"))
SEED = int(os.environ.get("HUMENA_FUZZ_SEED", "2026"))
CHECKS = [not_a_server_error, response_schema_conformance]

# The schema comes from the application itself, as a client would fetch it. Phases: the schema's
# own examples and random generation (positive and negative); the "coverage" phase's exhaustive
# boundary values would take several minutes here.
schema = schemathesis.openapi.from_wsgi(
    "/api/schema/",
    application,
    config=schemathesis.Config.from_dict(
        {
            "seed": SEED,
            "phases": {"coverage": {"enabled": False}, "stateful": {"enabled": False}},
            "generation": {"mode": "all", "max-examples": EXAMPLES, "database": "none"},
        }
    ),
)

FUZZ_SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)

pytestmark = pytest.mark.django_db


# Values of path parameters that name seeded rows, filled in by the `seeded` fixture. Objects
# addressed by slug share the slug "fuzz" (the member organises or coordinates it) or
# "fuzz-joined" (the member is an ordinary member); ids are known once the rows exist.
SEEDED_PATH_VALUES: dict[str, list] = {}


@schema.hook
def flatmap_path_parameters(context, path_parameters):
    """Half of the generated requests name seeded rows, so detail endpoints answer with data."""
    if not path_parameters:
        return st.just(path_parameters)
    seeded = st.fixed_dictionaries(
        {
            name: st.sampled_from(SEEDED_PATH_VALUES[name])
            if SEEDED_PATH_VALUES.get(name)
            else st.just(value)
            for name, value in path_parameters.items()
        }
    )
    return st.one_of(st.just(path_parameters), seeded)


@pytest.fixture
def member_token(django_capture_on_commit_callbacks) -> str:
    """Rows for every list and detail endpoint; returns the API token of the member."""
    from diaspora.services import introduction_request

    member = UserFactory(display_name="Fuzz Member")
    other = UserFactory(display_name="Fuzz Organiser")
    category = SkillCategoryFactory(slug="fuzz")
    skill = SkillFactory(slug="fuzz", category=category)
    theme = ThemeFactory(slug="fuzz")

    own = InitiativeFactory(slug="fuzz", organiser=member, themes=[theme])
    joined = InitiativeFactory(slug="fuzz-joined", organiser=other, themes=[theme])
    add_member(joined, member)
    own_need = NeedFactory(initiative=own, skill=skill)
    joined_need = NeedFactory(initiative=joined, skill=skill)
    for initiative in (own, joined):
        UpdateFactory(initiative=initiative)
        EventFactory(initiative=initiative)

    # The member is a candidate for the other organiser's need and was asked for an
    # introduction (which also leaves a notification); a consenting stranger matches theirs.
    profile = ProfileFactory(user=member)
    give_skill(profile, skill)
    give_skill(ProfileFactory(), skill)
    with django_capture_on_commit_callbacks(execute=True):
        introduction = introduction_request(
            need=joined_need,
            actor=other,
            profile=profile,
            message="Could you help us translate the leaflets?",
        )

    network = NetworkFactory(slug="fuzz", coordinator=member)
    add_network_member(NetworkFactory(slug="fuzz-joined"), member)
    JointProjectFactory(slug="fuzz", network=network, initiative=own)

    campaign = CampaignFactory(slug="fuzz")
    CampaignFactory(slug="fuzz-joined")
    target = CampaignTargetFactory(campaign=campaign)
    LetterActionFactory(campaign=campaign, target=target)
    PledgeActionFactory(campaign=campaign)
    CampaignUpdateFactory(campaign=campaign)
    SignatureFactory(campaign=campaign)

    SEEDED_PATH_VALUES.clear()
    SEEDED_PATH_VALUES.update(
        slug=["fuzz", "fuzz-joined"],
        # introductions/{id}/… and stakeholders/{id}/ share the name.
        id=[str(introduction.pk), str(target.stakeholder_id)],
        need_id=[own_need.pk, joined_need.pk],
    )
    return Token.objects.create(user=member).key


@pytest.fixture
def in_process_requests(monkeypatch):
    """What Django's test client does: keep the test's database connection (and transaction)
    across requests. API throttles are raised: one test sends many requests in a second."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    monkeypatch.setattr(
        SimpleRateThrottle, "THROTTLE_RATES", {"anon": "100000/minute", "user": "100000/minute"}
    )
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@FUZZ_SETTINGS
def test_anonymous(case, member_token, in_process_requests):
    case.call_and_validate(checks=CHECKS)


@schema.parametrize()
@FUZZ_SETTINGS
def test_member(case, member_token, in_process_requests):
    case.call_and_validate(headers={"Authorization": f"Token {member_token}"}, checks=CHECKS)
