"""Yuan amounts written for people, following the chosen locale."""

from decimal import Decimal

from PySide6.QtCore import QLocale


def amount_text(value: Decimal | None) -> str:
    """``1,280`` or ``99.50``; empty for no value."""
    if value is None:
        return ""
    decimals = 0 if value == value.to_integral_value() else 2
    return QLocale().toString(float(value), "f", decimals)
