"""Where each app keeps a person's data, for the rights GDPR gives them: a copy of it (export) and
its erasure (when they delete their account).

Each app registers what it holds in `<app>/privacy.py`, imported by its `ready()`, so the
kernel never imports a level. A test fails if a model pointing to the user is covered by no
registration (tests/accounts/test_personal_data.py).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Model


@dataclass(frozen=True)
class Holder:
    """`export(user)` returns {file name: rows (dicts, JSON-serialisable with Django's encoder)};
    `erase(user)` removes or anonymises the data, keeping only what must stay (a contribution,
    a signature's count), which then points to the account's erased tombstone."""

    app: str
    models: tuple[type[Model], ...]
    export: Callable[[object], dict[str, list[dict]]]
    erase: Callable[[object], None]


_HOLDERS: list[Holder] = []


def register(holder: Holder) -> None:
    _HOLDERS.append(holder)


def holders() -> list[Holder]:
    return list(_HOLDERS)


def covered_models() -> set[type[Model]]:
    return {model for holder in _HOLDERS for model in holder.models}


def rows(queryset, *fields: str) -> list[dict]:
    """The chosen columns of each row, as plain dicts."""
    return [dict(row) for row in queryset.values(*fields)]
