"""Words for the funnel: stage names, an opportunity's status, why it was lost, the roles
of its buying centre (the buying roles' words are labels' own).

Not cached: the tables are small, and the words follow a change of language at once.
"""

from relbook.words.labels import buying_role, translate


def _stages() -> dict[str, str]:
    return {
        "analysis": translate("DealWords", "Customer analysis"),
        "trust": translate("DealWords", "Building trust"),
        "needs": translate("DealWords", "Uncovering needs"),
        "value": translate("DealWords", "Presenting value"),
        "commitment": translate("DealWords", "Winning commitment"),
        "payment": translate("DealWords", "Collecting payment"),
    }


def _statuses() -> dict[str, str]:
    return {
        "open": translate("DealWords", "Open"),
        "won": translate("DealWords", "Won"),
        "lost": translate("DealWords", "Lost"),
    }


def _lost_reasons() -> dict[str, str]:
    return {
        "price": translate("DealWords", "Price"),
        "competitor": translate("DealWords", "Competitor"),
        "no_budget": translate("DealWords", "No budget"),
        "no_decision": translate("DealWords", "No decision"),
        "timing": translate("DealWords", "Timing"),
        "relationship": translate("DealWords", "Relationship"),
        "other": translate("DealWords", "Other"),
    }


def stage_name(code: str, name: str = "") -> str:
    """The user's name for a stage, else a built-in stage's words, else its code."""
    return name.strip() or _stages().get(code, code)


def status(code: str) -> str:
    return _statuses().get(code, code)


def lost_reason(code: str | None) -> str:
    return _lost_reasons().get(code or "", code or "")


def lost_reasons() -> dict[str, str]:
    """Code -> words of every reason, in the order offered."""
    return dict(_lost_reasons())


def role(code: str | None) -> str:
    """A buying role's words; ``insider`` is the insider (内线) mark."""
    if code == "insider":
        return translate("DealWords", "Insider")
    return buying_role(code)


def rate_source(code: str) -> str:
    """Whether a win rate was learned from closed opportunities or is the stage's default."""
    return (
        translate("DealWords", "learned")
        if code == "learned"
        else translate("DealWords", "default")
    )
