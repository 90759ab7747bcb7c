"""Log records never carry passwords, tokens, email addresses or IP addresses.

The filter rewrites the final message, so it also catches values that third-party libraries put
into their own log lines (query strings with a reset key, an email in an SMTP error...).
"""

import logging
import re

# Names of secrets (not secrets): values after them are redacted.
_SECRET_NAMES = "|".join(
    [
        r"[\w-]*pass[\w-]*",
        r"[\w-]*secret[\w-]*",
        r"[\w-]*token[\w-]*",
        r"api[_-]?key",
        "key",
        "code",
        "signature",
        "cookie",
        "sessionid",
        "csrftoken",
        "csrfmiddlewaretoken",
    ]
)
_PATTERNS = [
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "[email]"),
    # Authorization headers: the scheme stays, the credential goes.
    (
        re.compile(r"(?i)\b(authorization\s*[=:]\s*[\"']?)(token|bearer|basic)?\s*[^\s\"',;&]+"),
        r"\1\2 [redacted]",
    ),
    (re.compile(r"(?i)\b(token|bearer)\s+[A-Za-z0-9._~+/=-]{12,}"), r"\1 [redacted]"),
    # name=value, name: value, "name": "value", 'name': 'value'
    (
        re.compile(rf"(?i)([\"']?\b(?:{_SECRET_NAMES})[\"']?\s*[=:]\s*[\"']?)([^\s&\"',;}}]+)"),
        r"\1[redacted]",
    ),
    # Path segments that carry one-time keys: /accounts/confirm-email/<key>/, password reset.
    (re.compile(r"(/(?:confirm-email|key)/)[^/\s]+"), r"\1[redacted]"),
    (re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b"), "[ip]"),
    # IPv6: four or more groups, or any "::" abbreviation between hex digits.
    (
        re.compile(
            r"\b(?:[0-9a-fA-F]{1,4}:){3,7}[0-9a-fA-F]{1,4}\b"
            r"|\b(?:[0-9a-fA-F]{1,4}:)*[0-9a-fA-F]{1,4}::(?:[0-9a-fA-F]{1,4}:)*[0-9a-fA-F]{1,4}\b"
        ),
        "[ip]",
    ),
]


def redact(text: str) -> str:
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed record must still be logged, redacted
            message = str(record.msg)
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True
