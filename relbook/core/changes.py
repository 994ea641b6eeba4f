"""What a service call changed, so each screen refreshes only what it shows."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class BookChanges:
    contact_ids: frozenset[int] = field(default_factory=frozenset)
    contacts: bool = False
    trash: bool = False
    settings: bool = False
    organizations: bool = False
    tags: bool = False
    history: bool = False
    """Interactions, gifts, referrals or relations changed (timelines and last contact)."""
    reminders: bool = False
    """A reminder was marked done or snoozed (what is due now changed)."""
