from celery import shared_task

from advocacy import services


@shared_task(soft_time_limit=120, time_limit=180, autoretry_for=(OSError,), max_retries=3)
def campaigns_start_scheduled_task() -> int:
    """Run by beat every 5 minutes (CELERY_BEAT_SCHEDULE): starts and ends campaigns on their
    dates; safe to run twice."""
    return services.campaigns_start_scheduled()


@shared_task(soft_time_limit=120, time_limit=180, autoretry_for=(OSError,), max_retries=3)
def pledges_follow_up_task() -> int:
    """Run by beat hourly; each pledge is followed up once."""
    return services.pledges_follow_up()


@shared_task(soft_time_limit=120, time_limit=180, autoretry_for=(OSError,), max_retries=3)
def signatures_purge_unconfirmed_task() -> int:
    """Run by beat daily: unconfirmed signatures are not kept beyond a week."""
    return services.signatures_purge_unconfirmed()
