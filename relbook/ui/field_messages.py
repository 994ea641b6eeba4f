"""Validation messages right under the field they are about, with the field outlined in red."""

from collections.abc import Mapping, Sequence

from PySide6.QtWidgets import QFormLayout, QLabel, QLayout, QLayoutItem, QWidget

from relbook.core.errors import FieldError
from relbook.ui.editor_widgets import error_label, mark_invalid
from relbook.words import labels


class FieldMessages:
    """Shows a form's ``FieldError``s next to their widgets (``widgets``: field -> widget).

    A message whose field has no widget here, or whose widget is not in a form row, is
    returned by ``show`` for the dialog's general message line.
    """

    def __init__(self, widgets: Mapping[str, QWidget]):
        self._widgets = dict(widgets)
        self._shown: list[tuple[QFormLayout, QLabel]] = []
        self.labels: dict[str, QLabel] = {}

    def show(self, errors: Sequence[FieldError]) -> list[str]:
        """Put each message under its field; the messages that have no field come back."""
        return self.show_messages([(e.field, labels.error_text(e)) for e in errors])

    def show_messages(self, messages: Sequence[tuple[str, str]]) -> list[str]:
        """``show`` for messages already worded, as (field, message) pairs."""
        self.clear()
        by_field: dict[str, list[str]] = {}
        rest: list[str] = []
        for name, message in messages:
            if name in self._widgets:
                by_field.setdefault(name, []).append(message)
            else:
                rest.append(message)
        placed: list[tuple[QFormLayout, int, str]] = []
        for name, worded in by_field.items():
            widget = self._widgets[name]
            mark_invalid(widget, True)
            where = _form_row(widget)
            if where is None:
                rest += worded
                continue
            placed.append((*where, name))
        # lowest rows first, so inserting a message does not move the rows still to come
        for form, row, name in sorted(placed, key=lambda p: p[1], reverse=True):
            label = error_label()
            label.setText("\n".join(by_field[name]))
            form.insertRow(row + 1, "", label)
            self._shown.append((form, label))
            self.labels[name] = label
        return rest

    def clear(self) -> None:
        for form, label in self._shown:
            form.removeRow(label)
        self._shown.clear()
        self.labels.clear()
        for widget in self._widgets.values():
            mark_invalid(widget, False)


def _form_row(widget: QWidget) -> tuple[QFormLayout, int] | None:
    """The form and row holding ``widget`` (directly, or inside a row's own layout)."""
    parent = widget.parentWidget()
    while parent is not None:
        layout = parent.layout()
        for form in _forms(layout):
            for row in range(form.rowCount()):
                for role in (QFormLayout.ItemRole.FieldRole, QFormLayout.ItemRole.SpanningRole):
                    if _holds(form.itemAt(row, role), widget):
                        return form, row
        parent = parent.parentWidget()
    return None


def _forms(layout: QLayout | None) -> list[QFormLayout]:
    """Every form layout in ``layout``, nested ones included."""
    if layout is None:
        return []
    found = [layout] if isinstance(layout, QFormLayout) else []
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is not None and item.layout() is not None:
            found += _forms(item.layout())
    return found


def _holds(item: QLayoutItem | None, widget: QWidget) -> bool:
    if item is None:
        return False
    inner = item.widget()
    if inner is not None:
        return inner is widget or inner.isAncestorOf(widget)
    layout = item.layout()
    if layout is None:
        return False
    return any(_holds(layout.itemAt(i), widget) for i in range(layout.count()))
