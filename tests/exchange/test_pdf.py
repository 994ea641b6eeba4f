"""PDF reports: pages with header and footer, Chinese text embedded and extractable."""

import io
from datetime import datetime

from pypdf import PdfReader

from relbook.core.contact_input import ContactInput
from relbook.core.contacts import create_contact
from relbook.core.search import ContactFilter, contact_ids
from relbook.exchange.pdf import LIST_COLUMNS, ReportText, contact_list_pdf
from relbook.exchange.sheets import contact_table

HEADERS = {
    "name": "姓名",
    "company": "单位",
    "title": "职务",
    "level": "层级",
    "stage": "阶段",
    "tier": "等级",
    "last_contacted": "最近联系",
    "next_birthday": "下次生日",
}


def test_contact_list_report_is_paginated_and_text_is_extractable(qapp, book):
    with book.session() as session:
        for index in range(90):
            create_contact(
                session,
                ContactInput(f"欧阳晓明{index:02d}", company="北京华宇科技有限公司", level=3),
                datetime(2026, 11, 23),
            )
        ids = contact_ids(session, ContactFilter())
        headers, rows = contact_table(session, ids, LIST_COLUMNS, HEADERS)
    data, pages = contact_list_pdf(
        headers, rows, ReportText("客户名单", "2026年11月23日", "第 %1 页，共 %2 页")
    )
    assert data.startswith(b"%PDF") and pages >= 2
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == pages
    first = "".join(reader.pages[0].extract_text().split())
    last = "".join(reader.pages[-1].extract_text().split())
    assert "客户名单" in first and "欧阳晓明00" in first and "北京华宇科技有限公司" in first
    assert f"第{pages}页，共{pages}页" in last and "欧阳晓明89" in last
    font = next(iter(reader.pages[0]["/Resources"]["/Font"].values())).get_object()
    descendant = font["/DescendantFonts"][0].get_object()
    assert "/FontFile2" in descendant["/FontDescriptor"].get_object()  # embedded, not referenced
