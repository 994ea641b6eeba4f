"""Greeting templates per occasion and personality style, and filling them for one contact.

Defaults ship in ``resources/greetings/default.json`` (Chinese and English); the user's edits
are kept in the book (setting ``greetings.custom``) and win over the defaults.
"""

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from sqlalchemy.orm import Session

from relbook.core.settings import get_setting, set_setting

OCCASIONS: tuple[str, ...] = ("birthday", "family_birthday", "festival", "after_deal", "generic")
PLACEHOLDERS: tuple[str, ...] = ("name", "title", "company", "festival")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@lru_cache(maxsize=1)
def default_templates() -> dict[str, dict[str, str]]:
    """language -> template key -> text, as shipped."""
    text = (
        resources.files("relbook.resources")
        .joinpath("greetings/default.json")
        .read_text(encoding="utf-8")
    )
    loaded: dict[str, dict[str, str]] = json.loads(text)
    return loaded


def template_key(occasion: str, personality: str | None = None) -> str:
    return f"{occasion}/{personality}" if personality else occasion


def occasion_for_reminder(kind: str, festival: str | None = None) -> str:
    """The template occasion that fits a reminder kind (stay in touch uses the generic one).

    A built-in festival has its own occasion, ``festival.<code>``, falling back to ``festival``.
    """
    if kind == "festival" and festival and not festival.startswith("custom:"):
        return f"festival.{festival}"
    return kind if kind in OCCASIONS else "generic"


def _fallbacks(occasion: str, personality: str | None) -> list[str]:
    chain = [occasion]
    if "." in occasion:
        chain.append(occasion.split(".", 1)[0])
    keys: list[str] = []
    for occasion_key in chain:
        if personality:
            keys.append(template_key(occasion_key, personality))
        keys.append(occasion_key)
    return keys + ["generic"]


def custom_templates(session: Session) -> dict[str, dict[str, str]]:
    value = get_setting(session, "greetings.custom")
    return value if isinstance(value, dict) else {}


def template_for(
    session: Session, language: str, occasion: str, personality: str | None = None
) -> str:
    """The most specific template: the user's, then the shipped one; a festival's own, then the
    general festival one; per style, then for any style."""
    custom = custom_templates(session).get(language, {})
    shipped = default_templates().get(language) or default_templates()["en"]
    for key in _fallbacks(occasion, personality):
        for table in (custom, shipped):
            if table.get(key):
                return table[key]
    return ""


def save_template(
    session: Session, language: str, occasion: str, personality: str | None, text: str
) -> None:
    """Keep the user's version of one template; an empty text restores the shipped one."""
    custom = custom_templates(session)
    table = dict(custom.get(language, {}))
    key = template_key(occasion, personality)
    if text.strip():
        table[key] = text.strip()
    else:
        table.pop(key, None)
    custom = {**custom, language: table}
    set_setting(session, "greetings.custom", custom)


@dataclass(frozen=True)
class GreetingValues:
    name: str
    title: str = ""
    company: str = ""
    festival: str = ""


def fill(template: str, values: GreetingValues) -> str:
    """Replace known placeholders; unknown ones stay as typed so mistakes are visible."""
    known = {
        "name": values.name,
        "title": values.title,
        "company": values.company,
        "festival": values.festival,
    }
    return _PLACEHOLDER.sub(lambda m: known.get(m.group(1), m.group(0)), template)


def unknown_placeholders(template: str) -> list[str]:
    """Placeholders a template uses that will not be filled (shown as a warning when editing)."""
    return sorted({m for m in _PLACEHOLDER.findall(template) if m not in PLACEHOLDERS})
