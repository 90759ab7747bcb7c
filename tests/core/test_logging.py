import logging

from humena.core.logging import RedactingFilter, redact


def test_emails_tokens_and_ips_are_redacted():
    line = (
        "login failed for activist@example.org from 203.0.113.9 and 2001:db8::1:2 "
        "token=abc123def password: hunter22 /accounts/confirm-email/MQ:1sX:abc/ "
        "/accounts/password/reset/key/3-abc-def/"
    )
    cleaned = redact(line)
    for secret in [
        "activist@example.org",
        "203.0.113.9",
        "2001:db8::1:2",
        "abc123def",
        "hunter22",
        "MQ:1sX:abc",
        "3-abc-def",
    ]:
        assert secret not in cleaned
    assert "[email]" in cleaned
    assert "[ip]" in cleaned


def test_filter_redacts_arguments_and_tracebacks(caplog):
    logger = logging.getLogger("humena.test.redaction")
    logger.addFilter(RedactingFilter())
    try:
        raise ValueError("no user named someone@example.org")
    except ValueError:
        with caplog.at_level(logging.INFO, logger="humena.test.redaction"):
            logger.exception("reset requested by %s", "someone@example.org")
    record = caplog.records[-1]
    assert "someone@example.org" not in record.getMessage()
    assert "someone@example.org" not in (record.exc_text or "")
    logger.filters.clear()
