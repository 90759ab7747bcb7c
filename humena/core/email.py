"""Queue an already rendered email for sending by Celery once the current transaction commits."""

from django.core.mail import EmailMessage
from django.db import transaction


def email_to_payload(message: EmailMessage) -> dict:
    alternatives = [
        (alternative.content, alternative.mimetype)
        for alternative in getattr(message, "alternatives", [])
    ]
    body = message.body
    if message.content_subtype == "html" and not alternatives:
        alternatives = [(body, "text/html")]
        body = ""
    return {
        "subject": str(message.subject),
        "body": body,
        "from_email": message.from_email,
        "to": list(message.to),
        "headers": dict(message.extra_headers),
        "alternatives": alternatives,
    }


def email_queue_on_commit(*, message: EmailMessage) -> None:
    """Queue after commit. `robust`: the change is already committed, so a broker outage must
    not turn the response into an error; it is logged (without the address) instead."""
    from humena.core.tasks import send_email_task

    payload = email_to_payload(message)

    def send_after_commit() -> None:  # a named function: on_commit's robust mode logs its name
        send_email_task.delay(message=payload)

    transaction.on_commit(send_after_commit, robust=True)
