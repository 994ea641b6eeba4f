"""A contact name field with completion over the book's live contacts."""

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from relbook.core.contacts import contact_answering, contact_choices
from relbook.db.book import Book
from relbook.ui.operations import read_now


class ContactPicker(QLineEdit):
    """Type a name (or pick a completion); ``resolve`` finds the one contact meant.

    Names shared by several contacts are offered as "name (company)" so each can be picked.
    """

    def __init__(self, book: Book, parent: QWidget | None = None):
        super().__init__(parent)
        self._book = book
        self._choices: dict[str, tuple[int, str]] = {}
        rows = read_now(book, contact_choices)
        counts: dict[str, int] = {}
        for _id, name, _company in rows:
            counts[name] = counts.get(name, 0) + 1
        for contact_id, name, company in rows:
            shown = name if counts[name] == 1 else f"{name} ({company or contact_id})"
            self._choices[shown] = (contact_id, name)
        completer = QCompleter(QStringListModel(list(self._choices), self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(completer)
        self.setClearButtonEnabled(True)

    def resolve(self) -> tuple[int, str]:
        """(id, name) of the contact typed; NotFoundError or AmbiguousError otherwise."""
        text = self.text().strip()
        if text in self._choices:
            return self._choices[text]
        return read_now(self._book, lambda session: contact_answering(session, text))
