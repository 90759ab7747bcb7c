from celery import shared_task

from humena.accounts import gdpr


@shared_task(soft_time_limit=300, time_limit=360, autoretry_for=(OSError,), max_retries=3)
def data_export_build_task(export_id: int) -> bool:
    """Queued after the request commits; builds only a pending export (safe to run twice)."""
    return gdpr.data_export_build(export_id=export_id)


@shared_task(soft_time_limit=120, time_limit=180, autoretry_for=(OSError,), max_retries=3)
def data_exports_expire_task() -> int:
    """Run by beat hourly: exports not downloaded within 24 hours are deleted."""
    return gdpr.data_exports_expire()


@shared_task(soft_time_limit=300, time_limit=360)
def sessions_clear_expired_task() -> None:
    """Run by beat daily: expired sessions are deleted, not kept."""
    from django.core.management import call_command

    call_command("clearsessions")
