"""``relbook company show NAME``: the company map of one organization (组织结构与决策人分析):
who is known there, their buying roles, levels and insider marks, and the gaps."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def add_parser(commands: Any) -> None:
    company = commands.add_parser(
        "company", help="the company map: who is known at an organization, and the gaps"
    )
    actions = company.add_subparsers(dest="action", metavar="ACTION", required=True)
    show = actions.add_parser(
        "show", help="the people at an organization, how they stand, and what is missing"
    )
    show.add_argument("name", metavar="NAME", help="the organization's name (case ignored)")
    show.add_argument("--json", action="store_true", help="print JSON")


def map_json(found: Any) -> dict[str, Any]:
    """The ``company show --json`` document of a ``CompanyMap``."""
    return {
        "organization": {"id": found.organization_id, "name": found.name, "type": found.org_type},
        "people": [
            {
                "id": p.id,
                "name": p.name,
                "title": p.title,
                "department": p.department,
                "role": p.buying_role,
                "level": p.level,
                "tier": p.tier,
                "insider": p.is_insider,
                "superiors": list(p.superiors),
            }
            for p in found.people
        ],
        "relations": [{"from": r.from_id, "to": r.to_id, "kind": r.kind} for r in found.relations],
        "gaps": list(found.gaps),
    }


def run(book: Any, args: argparse.Namespace) -> int:
    from relbook.core.company_map import company_map_named

    with book.session() as session:
        found = company_map_named(session, args.name)
    if args.json:
        sys.stdout.write(json.dumps(map_json(found), ensure_ascii=False, indent=2) + "\n")
    else:
        print(_text(found))
    return 0


def _text(found: Any) -> str:
    from relbook.words import labels
    from relbook.words.company_words import gap_text

    names = {p.id: p.name for p in found.people}
    lines = [f"{found.name}  ({labels.org_type(found.org_type)})"]
    if not found.people:
        lines.append(labels.translate("Cli", "Nobody is known there yet."))
    for person in found.people:
        parts = [person.name]
        parts += [text for text in (person.title, person.department) if text]
        if person.buying_role:
            parts.append(labels.buying_role(person.buying_role))
        parts.append(labels.level_with_number(person.level))
        if person.is_insider:
            parts.append(labels.translate("Cli", "insider"))
        if person.superiors:
            above = ", ".join(names[i] for i in person.superiors)
            parts.append(labels.translate("Cli", "reports to %1").replace("%1", above))
        lines.append(f"  {person.id}\t" + "  ".join(parts))
    if found.gaps:
        lines.append(labels.translate("Cli", "Gaps:"))
        lines += [f"  - {gap_text(code)}" for code in found.gaps]
    else:
        lines.append(
            labels.translate(
                "Cli",
                "No gaps: a decision maker, an insider, a senior "
                "and a close relationship are known.",
            )
        )
    return "\n".join(lines)
