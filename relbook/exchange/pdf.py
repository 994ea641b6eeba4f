"""PDF reports through Qt's own PDF writer: the one exchange module allowed to use QtGui.

Reports are laid out as HTML in a QTextDocument and painted page by page on a QPdfWriter, with a
header (title, date) and a footer (page N of M) on every page. Qt embeds the font subsets, so
Chinese renders on any machine and the text can be searched and copied. A QGuiApplication must
exist (the CLI and the GUI both create one).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from html import escape

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from relbook.core.fields import LIST_EXPORT_COLUMNS

RESOLUTION = 300


@dataclass(frozen=True)
class ReportText:
    """Words the caller supplies in the user's language."""

    title: str
    subtitle: str = ""
    page_template: str = "Page %1 of %2"


def table_html(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(str(cell))}</td>" for cell in row) + "</tr>" for row in rows
    )
    return (
        '<table width="100%" cellspacing="0" cellpadding="3" border="1" '
        'style="border-collapse: collapse; border-color: #b0bec5;">'
        f'<thead><tr style="background-color: #eceff1;">{head}</tr></thead>'
        f"<tbody>{body}</tbody></table>"
    )


def render_pdf(body_html: str, text: ReportText, landscape: bool = False) -> tuple[bytes, int]:
    """The report as PDF bytes, and its number of pages."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageOrientation(
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    writer.setPageMargins(QMarginsF(14, 14, 14, 14), QPageLayout.Unit.Millimeter)
    writer.setTitle(text.title)
    writer.setCreator("relbook")
    page = writer.pageLayout().paintRectPixels(RESOLUTION)
    font = QFont()
    font.setPointSizeF(9)
    band = int(RESOLUTION * 0.45)  # header and footer height, in device pixels

    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)
    document.setDefaultFont(font)
    document.setHtml(body_html)
    document.setPageSize(QSizeF(page.width(), page.height() - 2 * band))
    pages = max(1, document.pageCount())

    painter = QPainter(writer)
    try:
        for index in range(pages):
            if index:
                writer.newPage()
            _band(painter, font, QRectF(0, 0, page.width(), band), text.title, text.subtitle)
            footer = text.page_template.replace("%1", str(index + 1)).replace("%2", str(pages))
            _band(
                painter,
                font,
                QRectF(0, page.height() - band, page.width(), band),
                "",
                footer,
            )
            painter.save()
            painter.translate(0, band - index * document.pageSize().height())
            clip = QRectF(
                0, index * document.pageSize().height(), page.width(), document.pageSize().height()
            )
            document.drawContents(painter, clip)
            painter.restore()
    finally:
        painter.end()
    return bytes(buffer.data().data()), pages


LIST_COLUMNS: tuple[str, ...] = LIST_EXPORT_COLUMNS
"""The contact list report's columns (the domain brief's list report): the list's columns, as
export columns."""


def _cell_text(cell: object) -> str:
    if cell is None:
        return ""
    if isinstance(cell, datetime):
        return cell.date().isoformat()
    if isinstance(cell, date):
        return cell.isoformat()
    return str(cell)


def contact_list_pdf(
    headers: Sequence[str], rows: Sequence[Sequence[object]], text: ReportText
) -> tuple[bytes, int]:
    """The contact list report for a filter: one table, landscape, every page titled."""
    cells = [[_cell_text(cell) for cell in row] for row in rows]
    heading = f"<h3>{escape(text.title)}</h3>"
    return render_pdf(heading + table_html(headers, cells), text, landscape=True)


def _band(painter: QPainter, font: QFont, rect: QRectF, left: str, right: str) -> None:
    painter.save()
    painter.setFont(font)
    painter.setPen(Qt.GlobalColor.darkGray)
    flags = Qt.AlignmentFlag.AlignVCenter
    if left:
        painter.drawText(rect, int(flags | Qt.AlignmentFlag.AlignLeft), left)
    if right:
        painter.drawText(rect, int(flags | Qt.AlignmentFlag.AlignRight), right)
    painter.restore()
