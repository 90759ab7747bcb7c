"""Default display names: a pseudonym, so that nobody appears under their real name by accident.

The words are neutral (plants, birds, landscapes of the region) and the number makes collisions
rare; display names need not be unique, since people are never looked up by them.
"""

import secrets

_FIRST = [
    "Cedar", "Olive", "Palm", "Jasmine", "Fig", "Sage", "Mint", "Lotus", "Almond", "Amber",
    "Coral", "Indigo", "Saffron", "Thyme", "Willow", "Myrtle", "Acacia", "Iris", "Laurel", "Date",
]  # fmt: skip
_SECOND = [
    "Falcon", "Heron", "Gazelle", "Oryx", "Ibis", "Swift", "Lark", "Hoopoe", "Crane", "Kestrel",
    "Dune", "Oasis", "Delta", "Wadi", "River", "Harbor", "Summit", "Valley", "Breeze", "Star",
]  # fmt: skip


def generate_pseudonym() -> str:
    first = secrets.choice(_FIRST)
    second = secrets.choice(_SECOND)
    number = secrets.randbelow(90) + 10
    return f"{first} {second} {number}"
