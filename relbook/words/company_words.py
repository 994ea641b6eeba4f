"""Words for the company map: its gaps, said as what is missing."""

from relbook.words.labels import level_with_number, translate


def gap_text(code: str) -> str:
    """A gap of ``core.company_map.GAPS`` as a short sentence."""
    words = {
        "no_decision_maker": translate("CompanyMap", "No decision maker known"),
        "no_insider": translate("CompanyMap", "No insider who helps you"),
        "all_below_level_3": translate("CompanyMap", "Every relationship here is below %1").replace(
            "%1", level_with_number(3)
        ),
        "no_senior": translate("CompanyMap", "Nobody senior known"),
    }
    return words.get(code, code)
