"""Spam resistance without a third party: a proof of work and a honeypot field.

The proof of work is ALTCHA's scheme (version 1), served by us with altcha-org's library: the
server issues {algorithm, challenge = SHA-256(salt + secret number), salt (carrying its expiry),
maxnumber, signature = HMAC(challenge)}; the browser (static/js/challenge.js) tries numbers until
the hash matches and sends the solution back; the server checks the signature, the expiry and the
hash, and remembers the solution until it expires so that it is used once. Nothing about the
person is involved: no cookie, no fingerprint, no request to anyone else.

Sign-up requires a solution; petition signing accepts a missing one (it must work without
JavaScript) under a stricter rate limit, and refuses a wrong one. docs/architecture.md explains.
"""

import base64
import binascii
import datetime
import json
import math
import time
import urllib.parse
from dataclasses import dataclass

import altcha
from django import forms
from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from humena.core.numbers import digits_to_int

ALGORITHM = "SHA-256"
# A solution is about 200 characters; anything much longer is not one of ours.
PAYLOAD_MAX_LENGTH = 1000
CHALLENGE_FIELD = "challenge"
HONEYPOT_FIELD = "website"

MISSING, INVALID, EXPIRED, REUSED = "missing", "invalid", "expired", "reused"
MESSAGES = {
    MISSING: _(
        "The check that you are not a robot did not run. It needs JavaScript and runs on your "
        "own device; please allow it and send the form again."
    ),
    INVALID: _("The check that you are not a robot failed. Please send the form again."),
    EXPIRED: _("The check that you are not a robot has expired. Please send the form again."),
    REUSED: _("The check that you are not a robot was already used. Please send the form again."),
}
HONEYPOT_MESSAGE = _("This form could not be accepted. Please try again.")


@dataclass(frozen=True)
class ChallengeResult:
    ok: bool
    reason: str = ""

    @property
    def missing(self) -> bool:
        return self.reason == MISSING

    @property
    def message(self) -> str:
        return str(MESSAGES[self.reason]) if self.reason else ""


def _hmac_key() -> str:
    """Derived from SECRET_KEY, for this purpose only."""
    return salted_hmac("humena.core.challenge", "hmac-key").hexdigest()


def challenge_create() -> dict:
    """A fresh challenge, as ALTCHA's widgets and libraries expect it."""
    expires = datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(
        seconds=settings.CHALLENGE_EXPIRY_SECONDS
    )
    challenge = altcha.create_challenge_v1(
        algorithm=ALGORITHM,
        max_number=settings.CHALLENGE_MAX_NUMBER,
        hmac_key=_hmac_key(),
        expires=expires,
    )
    return {
        "algorithm": challenge.algorithm,
        "challenge": challenge.challenge,
        "maxnumber": challenge.max_number,
        "salt": challenge.salt,
        "signature": challenge.signature,
    }


def _parse(payload: str) -> dict | None:
    """The solution sent back (base64 of JSON), or None when it is not one in shape."""
    if len(payload) > PAYLOAD_MAX_LENGTH:
        return None
    try:
        data = json.loads(base64.b64decode(payload, validate=True))
    except (binascii.Error, ValueError):  # UnicodeDecodeError and JSONDecodeError included
        return None
    if not isinstance(data, dict):
        return None
    texts = ("algorithm", "challenge", "salt", "signature")
    if not all(isinstance(data.get(key), str) for key in texts):
        return None
    number = data.get("number")
    if isinstance(number, bool) or not isinstance(number, int) or number < 0:
        return None
    return {key: data[key] for key in (*texts, "number")}


def _expires_of(salt: str) -> int | None:
    query = salt.partition("?")[2]
    values = urllib.parse.parse_qs(query).get("expires", [])
    return digits_to_int(values[0]) if len(values) == 1 else None


def challenge_verify(payload: str | None) -> ChallengeResult:
    """Check a solution and spend it: the same solution is refused the second time."""
    if not payload:
        return ChallengeResult(ok=False, reason=MISSING)
    reason = _refusal(payload)
    return ChallengeResult(ok=not reason, reason=reason)


def _refusal(payload: str) -> str:
    """Why a solution is refused (spending it when it is not), or "" when it passes."""
    data = _parse(payload)
    # Every challenge we issue is SHA-256 and carries its expiry.
    expires = _expires_of(data["salt"]) if data else None
    if data is None or expires is None or data["algorithm"] != ALGORITHM:
        return INVALID
    now = time.time()
    if expires <= now:
        return EXPIRED
    valid, _error = altcha.verify_solution_v1(data, _hmac_key(), check_expires=True)
    if not valid:
        return INVALID
    # Remembered until it would expire anyway; `add` is atomic, so two requests racing with one
    # solution cannot both pass.
    if not cache.add(f"challenge:used:{data['challenge']}", 1, math.ceil(expires - now) + 1):
        return REUSED
    return ""


# --- forms ---------------------------------------------------------------------------------


class HoneypotInput(forms.TextInput):
    """A text box people never see or reach: robots filling every field give themselves away.

    It counts as hidden (`is_hidden`) so that form templates render it bare, inside its own
    wrapper: off-screen (the `hm-hp` class in static/css/site.css), hidden from screen readers,
    out of the tab order, never autofilled.
    """

    is_hidden = True

    def render(self, name, value, attrs=None, renderer=None):
        attrs = {**(attrs or {}), "tabindex": "-1", "autocomplete": "off"}
        field = super().render(name, None, attrs, renderer)
        return format_html(
            '<div class="hm-hp" aria-hidden="true"><label for="{}">{}</label>{}</div>',
            attrs.get("id", ""),
            _("Leave this empty"),
            field,
        )


class ChallengeInput(forms.HiddenInput):
    """Filled by static/js/challenge.js; never sent back filled: a solution is good once."""

    def format_value(self, value):
        return None


class ChallengeForm(forms.Form):
    """A form that asks for a proof of work and carries a honeypot.

    `challenge_required = False` accepts a missing solution (the view then applies a stricter
    limit: `challenge_solved` says which); a wrong, expired or reused one is always refused.
    """

    challenge_required = True

    website = forms.CharField(
        label=_("Leave this empty"), required=False, max_length=200, widget=HoneypotInput
    )
    challenge = forms.CharField(
        required=False, max_length=PAYLOAD_MAX_LENGTH, widget=ChallengeInput
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.challenge_solved = False

    def clean(self):
        data = super().clean()
        if data.get(HONEYPOT_FIELD):
            self.add_error(None, forms.ValidationError(HONEYPOT_MESSAGE, code="honeypot"))
        if self.errors:
            return data  # a form refused anyway must not spend its solution
        result = challenge_verify(data.get(CHALLENGE_FIELD))
        self.challenge_solved = result.ok
        if not result.ok and (self.challenge_required or not result.missing):
            error = forms.ValidationError(result.message, code=f"challenge_{result.reason}")
            self.add_error(None, error)
        return data
