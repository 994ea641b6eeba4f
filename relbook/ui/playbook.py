"""The personality playbook: how to recognise, talk to, present to and close each style."""

from html import escape

from PySide6.QtCore import QCoreApplication

ASPECTS: tuple[str, ...] = ("signs", "talk", "present", "decide")
"""Display order of a playbook's paragraphs."""


def aspect_title(aspect: str) -> str:
    titles = {
        "signs": QCoreApplication.translate("Playbook", "Signs to recognise"),
        "talk": QCoreApplication.translate("Playbook", "What to talk about"),
        "present": QCoreApplication.translate("Playbook", "How to present"),
        "decide": QCoreApplication.translate("Playbook", "How they decide, and objections"),
    }
    return titles[aspect]


def playbook(code: str | None) -> dict[str, str]:
    """Aspect -> advice for a personality code; empty for no or an unknown style.

    Built on each call so the words follow the interface language after it changes.
    """
    books = {
        "analytical": {
            "signs": QCoreApplication.translate(
                "Playbook",
                "A tidy office with charts and plans on the wall; conservative dress. Cautious "
                "and slow to decide, compares several suppliers and wants everything in writing.",
            ),
            "talk": QCoreApplication.translate("Playbook", "Work and the company's goals."),
            "present": QCoreApplication.translate(
                "Playbook",
                "A written proposal with exact data and full details. Be precise, never vague.",
            ),
            "decide": QCoreApplication.translate(
                "Playbook",
                "Decides slowly after comparing offers. Answer objections with facts and "
                "figures; never exaggerate.",
            ),
        },
        "driver": {
            "signs": QCoreApplication.translate(
                "Playbook",
                'Diplomas and awards on the wall, a firm handshake, says "I think", speaks fast '
                "and loud. Time is money to them.",
            ),
            "talk": QCoreApplication.translate(
                "Playbook",
                "Their achievements, and results: lower cost, more revenue, faster payback, "
                "their own performance and promotion.",
            ),
            "present": QCoreApplication.translate(
                "Playbook",
                "Brief, bottom line first. Be on time; phone ahead even if you will be one "
                "minute late.",
            ),
            "decide": QCoreApplication.translate(
                "Playbook",
                "Decides fast. Do not argue; give the facts they need and let them choose.",
            ),
        },
        "expressive": {
            "signs": QCoreApplication.translate(
                "Playbook",
                "Personal items and a sofa in the office, fashionable, rich body language; "
                "drifts off topic and is often late.",
            ),
            "talk": QCoreApplication.translate(
                "Playbook", "Anything: news, anecdotes, people. Informal places work well."
            ),
            "present": QCoreApplication.translate(
                "Playbook",
                "Pictures and video, well-known reference customers, benefits rather than "
                "features.",
            ),
            "decide": QCoreApplication.translate(
                "Playbook",
                'Buys status and decides fast, by feeling. Expect "Who else uses it?" and have '
                "reference customers ready.",
            ),
        },
        "amiable": {
            "signs": QCoreApplication.translate(
                "Playbook",
                "Family and travel photos, gentle manner, avoids conflict; agrees with "
                "everything yet does not buy.",
            ),
            "talk": QCoreApplication.translate(
                "Playbook", "Family, people and everyday life; show patience and never push."
            ),
            "present": QCoreApplication.translate(
                "Playbook",
                "No pressure. Involve the actual users and their trusted friends; show how easy "
                "it is to use and offer a personal guarantee.",
            ),
            "decide": QCoreApplication.translate(
                "Playbook",
                "Decides slowly and avoids risk; worries about the effect on others and about "
                "ease of use. Reassure, and give them time.",
            ),
        },
    }
    return books.get(code or "", {})


def playbook_html(code: str | None) -> str:
    """The playbook as simple rich text (headings and paragraphs), empty for no style."""
    advice = playbook(code)
    return "".join(
        f"<p><b>{escape(aspect_title(aspect))}</b><br>{escape(advice[aspect])}</p>"
        for aspect in ASPECTS
        if aspect in advice
    )
