"""humena.core.numbers: whole numbers from URLs and forms, never a 500."""

import pytest

from humena.core.numbers import digits_to_int


@pytest.mark.parametrize(
    ("value", "number"),
    [
        ("0", 0),
        ("42", 42),
        ("9" * 18, int("9" * 18)),
        # Digits to str.isdigit that int() refuses, or reads as another script's number.
        ("²", None),
        ("١٢", None),
        ("", None),
        ("-1", None),
        ("+1", None),
        (" 1", None),
        ("1.0", None),
        ("9" * 19, None),  # more than every database's integer column holds
        (None, None),
        (7, None),
    ],
)
def test_digits_to_int(value, number):
    assert digits_to_int(value) == number
