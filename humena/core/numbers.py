"""Whole numbers read from URLs, query strings and form fields."""

# A bigint holds 19 digits: 18 always fit, in every database we run on.
MAX_DIGITS = 18


def digits_to_int(value: object, *, max_digits: int = MAX_DIGITS) -> int | None:
    """`value` read as a whole number if it is a string of 1 to `max_digits` ASCII digits,
    otherwise None. `str.isdigit` alone also accepts "²", which `int()` then refuses (a 500),
    and no limit lets a row id overflow the database's integer."""
    if not isinstance(value, str) or not (0 < len(value) <= max_digits):
        return None
    if not (value.isascii() and value.isdigit()):
        return None
    return int(value)
