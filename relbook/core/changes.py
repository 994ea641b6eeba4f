"""What a service call changed, so each screen refreshes only what it shows."""

from dataclasses import dataclass, field, fields


@dataclass(frozen=True)
class BookChanges:
    contact_ids: frozenset[int] = field(default_factory=frozenset)
    contacts: bool = False
    """Contacts were added, edited, moved to or from the trash."""
    trash: bool = False
    settings: bool = False
    organizations: bool = False
    tags: bool = False
    """The book's list of tag names changed (a tag was first used)."""
    history: bool = False
    """Interactions, gifts, referrals or relations changed (timelines and last contact)."""
    reminders: bool = False
    """A reminder was marked done or snoozed (what is due now changed)."""
    festivals: bool = False
    """Festivals or greeting templates changed."""
    deals: bool = False
    """Opportunities, their stages or buying centres, or purchases changed (the funnel, the
    forecast and the contacts' Deals sections)."""
    fields: frozenset[str] = field(default_factory=frozenset)
    """The ``Contact`` columns (and ``tags``) that changed on ``contact_ids``, when the service
    knows them. A list sorted and filtered by none of them keeps its rows where they are and
    repaints the changed ones; ``contacts`` with no fields means contacts were added or
    removed, or any column may have changed."""

    def __or__(self, other: "BookChanges") -> "BookChanges":
        """Both changes, as made by one unit of work."""
        merged: dict[str, object] = {}
        for item in fields(self):
            mine, theirs = getattr(self, item.name), getattr(other, item.name)
            merged[item.name] = mine | theirs
        if (self.contacts and not self.fields) or (other.contacts and not other.fields):
            merged["fields"] = frozenset()  # one side may have changed any column
        return BookChanges(**merged)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Saved:
    """A record a service added or edited, and what saving it changed."""

    id: int
    changes: BookChanges
