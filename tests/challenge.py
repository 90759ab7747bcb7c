"""Solving the proof of work (humena.core.challenge) in Python, as the browser does."""

import base64
import json

import altcha

from humena.core.challenge import challenge_create


def solution_for(challenge: dict, *, number: int | None = None) -> str:
    """The payload the browser sends for `challenge` (with `number` instead, if given)."""
    if number is None:
        found = altcha.solve_challenge_v1(
            challenge["challenge"],
            challenge["salt"],
            challenge["algorithm"],
            challenge["maxnumber"],
        )
        number = found.number
    fields = ("algorithm", "challenge", "salt", "signature")
    payload = {key: challenge[key] for key in fields} | {"number": number}
    return base64.b64encode(json.dumps(payload).encode()).decode()


def solved() -> str:
    """A fresh challenge, solved: what a form's hidden `challenge` field carries."""
    return solution_for(challenge_create())
