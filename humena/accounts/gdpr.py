"""A person's rights over their data (GDPR), and staff's protection of people at risk.

- Download my data: a Celery job writes a ZIP of JSON files, one per kind of data, gathered from
  every app's registration (`humena.accounts.personal_data`); the link works once, for 24 hours,
  after re-authentication (enforced by the view).
- Delete my account: every app erases what it holds; the account becomes a tombstone with no
  personal data, so that contributions that must stay read "deleted member".
- Freeze (staff): sessions ended, sign-in refused, past participation hidden from everyone but
  staff, until unfrozen. Audited.
"""

import datetime
import io
import json
import logging
import re
import secrets
import zipfile

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from humena.accounts.models import ConsentRecord, DataExport, User
from humena.accounts.personal_data import holders
from humena.audit.services import audit_record
from humena.core.mfa import has_staff_powers
from humena.core.ratelimit import consume

EXPORT_LIFETIME = datetime.timedelta(hours=24)
EXPORT_BUILD_TIMEOUT = datetime.timedelta(minutes=15)
EXPORTS_PER_DAY = 3
logger = logging.getLogger(__name__)
DELETED_NAME = "Deleted member"

README = """HuMENA: a copy of your data

Each folder is a part of the platform; each JSON file one kind of data, as a list of records.
Made on {made} for the account {email}. This file is yours: keep it somewhere safe, it holds
everything the platform knows about you.
"""


# --- Download my data --------------------------------------------------------------------------


@transaction.atomic
def data_export_request(*, user: User) -> DataExport:
    """Ask for a copy; the one being prepared is returned if there is one."""
    pending = DataExport.objects.filter(user=user, status=DataExport.Status.PENDING).first()
    if pending is not None:
        if pending.created_at > timezone.now() - EXPORT_BUILD_TIMEOUT:
            return pending
        # Never built (the broker was down, the build failed): give up on it, start again.
        DataExport.objects.filter(pk=pending.pk).update(status=DataExport.Status.FAILED)
    consume(scope="data_export", key=user.pk, limit=EXPORTS_PER_DAY, period=86400)
    data_export = DataExport.objects.create(user=user, token=secrets.token_urlsafe(32))
    audit_record(actor=user, action="data_export.request", target=user)

    def build_after_commit() -> None:  # named: on_commit's robust mode logs the name
        from humena.accounts.tasks import data_export_build_task

        data_export_build_task.delay(data_export.pk)

    transaction.on_commit(build_after_commit, robust=True)
    return data_export


def data_export_contents(*, user: User) -> dict[str, list[dict]]:
    """{"app/kind.json": rows} for everything the platform holds about `user`."""
    contents = {}
    for holder in holders():
        for name, records in holder.export(user).items():
            contents[f"{holder.app}/{name}.json"] = records
    return contents


def data_export_build(*, export_id: int) -> bool:
    """Write the ZIP (safe to run twice: only a pending export is built). A failure marks the
    export failed, so the person can ask again; a file whose export vanished meanwhile (the
    account was deleted) is removed at once."""
    data_export = (
        DataExport.objects.select_related("user")
        .filter(pk=export_id, status=DataExport.Status.PENDING)
        .first()
    )
    if data_export is None:
        return False
    user = data_export.user
    now = timezone.now()
    try:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("README.txt", README.format(made=now.isoformat(), email=user.email))
            for path, records in data_export_contents(user=user).items():
                archive.writestr(
                    path, json.dumps(records, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
                )
        name = data_export.file.storage.save(
            f"exports/humena-data-{secrets.token_hex(8)}.zip", ContentFile(buffer.getvalue())
        )
    except Exception:
        DataExport.objects.filter(pk=export_id).update(status=DataExport.Status.FAILED)
        logger.exception("data export %s could not be built", export_id)
        return False
    saved = DataExport.objects.filter(pk=export_id, status=DataExport.Status.PENDING).update(
        file=name,
        status=DataExport.Status.READY,
        ready_at=now,
        expires_at=now + EXPORT_LIFETIME,
    )
    if not saved:
        data_export.file.storage.delete(name)
        return False
    return True


@transaction.atomic
def data_export_take(*, token: str, user: User) -> bytes:
    """The ZIP's bytes, once: the file is deleted as it is handed over. Someone else's, an
    expired or an already downloaded export is 404."""
    data_export = DataExport.objects.select_for_update().filter(token=token, user=user).first()
    if data_export is None or data_export.status != DataExport.Status.READY:
        raise Http404
    if data_export.expires_at <= timezone.now():
        _expire(data_export)
        raise Http404
    with data_export.file.open("rb") as handle:
        content = handle.read()
    data_export.file.delete(save=False)
    data_export.status = DataExport.Status.DOWNLOADED
    data_export.downloaded_at = timezone.now()
    data_export.save(update_fields=["file", "status", "downloaded_at"])
    audit_record(actor=user, action="data_export.download", target=user)
    return content


def _expire(data_export: DataExport) -> None:
    if data_export.file:
        data_export.file.delete(save=False)
    data_export.status = DataExport.Status.EXPIRED
    data_export.save(update_fields=["file", "status"])


def data_exports_expire(*, now: datetime.datetime | None = None) -> int:
    """From beat: delete the files of exports nobody downloaded in time."""
    now = now or timezone.now()
    expired = 0
    for data_export in DataExport.objects.filter(
        status=DataExport.Status.READY, expires_at__lte=now
    ):
        _expire(data_export)
        expired += 1
    return expired


# --- Delete my account --------------------------------------------------------------------------


def account_sessions_end(*, user: User) -> None:
    """Every signed-in browser of the account (allauth's own ending, whatever the session
    engine), and its API token. Not the sessions adapter: from the admin, it would also revoke
    the token of the staff member acting."""
    from allauth.usersessions.models import UserSession

    from humena.accounts.services import api_token_revoke

    for session in UserSession.objects.filter(user=user):
        session.end()
    api_token_revoke(user=user)


@transaction.atomic
def account_delete(*, user: User, actor=None) -> None:
    """Erase the person's data everywhere and turn the account into a tombstone. `actor` is
    staff erasing an account at the person's request (who cannot sign in, e.g. frozen);
    otherwise the person themselves."""
    if actor is not None and not has_staff_powers(actor):
        raise PermissionDenied
    if user.is_superuser:
        raise ValidationError(
            _("An administrator's account is closed by another administrator, not from here.")
        )
    if user.deleted_at is not None:
        return
    account_sessions_end(user=user)
    for holder in holders():
        holder.erase(user)
    ConsentRecord.objects.filter(user=user, withdrawn_at__isnull=True).update(
        withdrawn_at=timezone.now()
    )
    _scrub_admin_history(user)
    user.email = f"deleted-{user.pk}@deleted.invalid"
    user.display_name = DELETED_NAME
    user.real_name = ""
    user.set_unusable_password()
    user.is_active = False
    user.is_staff = False
    user.time_zone = "UTC"
    user.deleted_at = timezone.now()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    audit_record(actor=actor, action="account.delete", target=user)


def _scrub_admin_history(user: User) -> None:
    """The admin's history names objects as they read then ("Blue Heron · Coast watch"), and
    its messages may quote an address: replace what names the person."""
    names = {user.email, user.display_name, user.real_name} - {""}
    user_type = ContentType.objects.get_for_model(User)
    names_person = Q(content_type=user_type, object_id=str(user.pk))
    for name in names:
        names_person |= Q(object_repr__icontains=name) | Q(change_message__icontains=name)
    for entry in LogEntry.objects.filter(names_person):
        entry.object_repr = _without(entry.object_repr, names)
        entry.change_message = _without(entry.change_message, names)
        if entry.content_type_id == ContentType.objects.get_for_model(
            User
        ).pk and entry.object_id == str(user.pk):
            entry.object_repr = DELETED_NAME
        entry.save(update_fields=["object_repr", "change_message"])


def _without(text: str, names: set[str]) -> str:
    for name in sorted(names, key=len, reverse=True):
        text = re.sub(re.escape(name), DELETED_NAME, text, flags=re.IGNORECASE)
    return text


# --- Freeze an account at risk (staff) ----------------------------------------------------------


def _require_power_over(user: User, actor) -> None:
    if not has_staff_powers(actor) or not actor.has_perm("accounts.change_user"):
        raise PermissionDenied
    if user.pk == actor.pk:
        raise ValidationError(_("You cannot freeze or unfreeze your own account."))
    if user.is_superuser and not actor.is_superuser:
        raise PermissionDenied


@transaction.atomic
def account_freeze(*, user: User, actor) -> User:
    """Only an active account is frozen, so that unfreezing gives back exactly what it had."""
    _require_power_over(user, actor)
    if user.frozen_at is not None or user.deleted_at is not None or not user.is_active:
        return user
    account_sessions_end(user=user)
    user.frozen_at = timezone.now()
    user.is_active = False
    user.save(update_fields=["frozen_at", "is_active", "updated_at"])
    audit_record(actor=actor, action="account.freeze", target=user)
    return user


@transaction.atomic
def account_unfreeze(*, user: User, actor) -> User:
    _require_power_over(user, actor)
    if user.frozen_at is None:
        return user
    user.frozen_at = None
    user.is_active = True
    user.save(update_fields=["frozen_at", "is_active", "updated_at"])
    audit_record(actor=actor, action="account.unfreeze", target=user)
    return user
