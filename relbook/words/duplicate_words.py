"""Words for the duplicate scan: why two contacts may be one person, and how likely."""

from PySide6.QtCore import QCoreApplication


def reason_text(code: str) -> str:
    """One reason code of ``core.duplicates`` in words."""
    words = {
        "same_mobile": QCoreApplication.translate("Duplicates", "same mobile"),
        "same_email": QCoreApplication.translate("Duplicates", "same email"),
        "same_name_company": QCoreApplication.translate("Duplicates", "same name and company"),
        "similar_name": QCoreApplication.translate(
            "Duplicates", "name reads the same, one character differs"
        ),
    }
    return words.get(code, code)


def reasons_text(codes: tuple[str, ...] | list[str]) -> str:
    return QCoreApplication.translate("Duplicates", ", ").join(reason_text(c) for c in codes)


def strength_text(strength: str) -> str:
    """``strong`` or ``weak`` in words."""
    if strength == "strong":
        return QCoreApplication.translate("Duplicates", "likely")
    return QCoreApplication.translate("Duplicates", "possible")
