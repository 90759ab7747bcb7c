"""The audit log and a person's data (GDPR): entries hold ids and counts, never personal data;
the entries a staff member's actions wrote are part of their export and are kept (append-only)
when the account is deleted, pointing to its tombstone."""

from humena.accounts.personal_data import Holder, register, rows
from humena.audit.models import AuditEntry


def export(user) -> dict[str, list[dict]]:
    return {
        "audit_log_entries": rows(
            AuditEntry.objects.filter(actor=user),
            "action", "target_type", "target_id", "data", "created_at",
        )
    }  # fmt: skip


def erase(user) -> None:
    """Nothing: the log is the organisation's record, and it holds no personal data."""


def register_all() -> None:
    register(Holder(app="audit", models=(AuditEntry,), export=export, erase=erase))
