"""Recording what staff do: exports of personal data, freezes, bulk changes."""

from humena.audit.models import AuditEntry


def audit_record(*, actor, action: str, target=None, **data) -> AuditEntry:
    """`data` holds ids and counts, never personal data itself."""
    return AuditEntry.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        data=data,
    )
