from celery import shared_task

from diaspora import services


@shared_task(soft_time_limit=60, time_limit=90, autoretry_for=(OSError,), max_retries=3)
def introductions_expire_task() -> int:
    """Run by beat hourly (CELERY_BEAT_SCHEDULE); safe to run twice."""
    return services.introductions_expire()
