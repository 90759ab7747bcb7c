from celery import shared_task

from engagement import services


@shared_task(soft_time_limit=120, time_limit=180, autoretry_for=(OSError,), max_retries=3)
def events_remind_task() -> int:
    """Run by beat every 15 minutes (CELERY_BEAT_SCHEDULE); safe to run twice."""
    return services.events_remind()
