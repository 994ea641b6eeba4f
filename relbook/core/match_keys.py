"""The keys that say two records may be one person: phone numbers, emails and names.

Shared by the import's duplicate preview (``exchange/importer.py``) and the book-wide
duplicate scan (``core/duplicates.py``), so both agree on what "the same number" means.
"""

import re

_NOT_DIGIT = re.compile(r"\D")
"""A regex keeps only digits faster than ``contacts.digits_only`` over a whole book's phones."""
MIN_PHONE_DIGITS = 7
"""Shorter numbers (extensions, 110, 10086) say too little about who someone is."""
_NAME_NOISE = re.compile(r"[\s·.,，。()（）\-_]+")


def phone_key(number: str) -> str | None:
    """Digits without a leading +86 / 0086, a landline with its trunk 0 ("+86 21 ..." is
    "021 ..."); None for numbers too short to identify anyone."""
    digits = _NOT_DIGIT.sub("", number)
    international = False
    if digits.startswith("0086"):
        digits, international = digits[4:], True
    elif digits.startswith("86") and (number.strip().startswith("+") or len(digits) == 13):
        digits, international = digits[2:], True
    if international and digits and digits[0] != "0" and not personal_number(digits):
        digits = "0" + digits  # Beijing's area code is 10: only an 11-digit 1... is a mobile
    return digits if len(digits) >= MIN_PHONE_DIGITS else None


def stored_phone_key(number: str) -> str | None:
    """``phone_key``, with a shortcut for a mainland mobile as most are stored (11 ASCII
    digits from 1), which is its own key: a whole book's phones are read this way."""
    if len(number) == 11 and number[0] == "1" and number.isascii() and number.isdigit():
        return number
    return phone_key(number)


def personal_number(key: str) -> bool:
    """Whether a ``phone_key`` is a mainland mobile (11 digits from 1): one person's, unlike a
    landline an office or a family shares."""
    return len(key) == 11 and key[0] == "1"


def email_key(email: str) -> str:
    """An email as compared: stripped and case-folded ("" for none)."""
    return email.strip().casefold()


def plain_name(name: str) -> str:
    """A name without case, spaces and punctuation: "Zhang Wei" and "zhang·wei" are one."""
    return _NAME_NOISE.sub("", name).casefold()


def same_person_name(first: str, second: str) -> bool:
    """Whether two names can be one person's: equal but for case, spaces and punctuation, or
    one holding the other ("张伟" and "张伟 (ABC)")."""
    a = plain_name(first)
    b = plain_name(second)
    if not a or not b:
        return False
    return a == b or (min(len(a), len(b)) >= 2 and (a in b or b in a))
