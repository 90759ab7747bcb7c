"""What each named event means for people: who hears of it, in which category, and how it reads.

Levels register their events when they load (`<app>/notifications.py`, imported by the app's
`ready()`), so the kernel never imports a level: it only looks names up here.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.core.mail import EmailMessage

from humena.notifications.models import Category


@dataclass(frozen=True)
class Description:
    """How a notification reads, in the active language."""

    title: str
    url: str
    group_key: str  # digests group notifications about the same thing
    group_title: str
    body: str = ""  # a few lines shown under the title in an immediate email (e.g. a call to act)


@dataclass(frozen=True)
class EventKind:
    """`refs` maps payload keys to the models they point to, so that many notifications are
    described with one query per model (`load_refs`), never one per notification.

    `outbound` names mail to people without an account (a petition signer, a campaign target):
    it returns keys (e.g. "signature:12") and `compose` builds each message at sending time, so
    that no address is copied into the pipeline's tables.

    `urgent`: a call to act now (a campaign mobilisation) is emailed at once to everyone who has
    not switched the category's email off; a digest days later would be useless.
    """

    name: str
    category: Category
    recipients: Callable[[dict, int | None], Iterable[int]]  # (payload, actor_id) -> user ids
    describe: Callable[[dict, dict], Description]  # (payload, {key: object or None})
    refs: dict = field(default_factory=dict)
    outbound: Callable[[dict], Iterable[str]] | None = None
    compose: Callable[[dict, str], "EmailMessage | None"] | None = None
    after_send: Callable[[dict, str], None] | None = None  # (payload, outbound key), once sent
    urgent: bool = False


_KINDS: dict[str, EventKind] = {}


def register(kind: EventKind) -> None:
    _KINDS[kind.name] = kind


def kind_for(name: str) -> EventKind | None:
    return _KINDS.get(name)


def registered() -> dict[str, EventKind]:
    return dict(_KINDS)


def load_refs(events) -> dict[int, dict]:
    """{event id: {payload key: object or None}} for events, one query per referenced model."""
    wanted: dict = {}
    for event in events:
        kind = kind_for(event.name)
        if kind is None:
            continue
        for key, model in kind.refs.items():
            if event.payload.get(key) is not None:
                wanted.setdefault(model, set()).add(event.payload[key])
    loaded = {model: model._default_manager.in_bulk(list(ids)) for model, ids in wanted.items()}
    result = {}
    for event in events:
        kind = kind_for(event.name)
        refs = kind.refs if kind else {}
        result[event.pk] = {
            key: loaded.get(model, {}).get(event.payload.get(key)) for key, model in refs.items()
        }
    return result


def describe(event) -> Description | None:
    """One event, described in the active language (for emails)."""
    kind = kind_for(event.name)
    if kind is None:
        return None
    return kind.describe(event.payload, load_refs([event])[event.pk])
