"""Dates in agreements and their roles (first due date, final deadline, as-of dates ignored)."""

from __future__ import annotations

import pytest

from verifier.agreement.dates import date_roles, find_dates, parse_date

DATE_ROWS = [
    # --- 年月日 with Arabic digits
    ("2026年3月15日", "2026-03-15"),
    ("2026年03月05日", "2026-03-05"),
    ("2026年3月15号", "2026-03-15"),
    ("於2026年3月2日", "2026-03-02"),
    ("１９９９年１２月３１日", "1999-12-31"),
    # --- separators - / .
    ("2026-03-15", "2026-03-15"),
    ("2026/3/15", "2026-03-15"),
    ("2026/04/15前", "2026-04-15"),
    ("2026.3.15", "2026-03-15"),
    ("2026.03.15", "2026-03-15"),
    ("２０２６－０３－１５", "2026-03-15"),
    ("签署时间：2026-03-12 14:26:07", "2026-03-12"),
    # --- Chinese numerals
    ("二〇二六年三月十五日", "2026-03-15"),
    ("二零二六年十二月三十一日", "2026-12-31"),
    ("二〇二六年一月二十日", "2026-01-20"),
    # --- OCR blanks
    ("2 0 2 6 年 4 月 3 0 日", "2026-04-30"),
]

YEARLESS_ROWS = ["3月15日", "三月十五日", "每月9号前 9月30日到期"]

NOT_DATE_ROWS = [
    # --- impossible dates
    "2026-02-30",
    "二〇二六年二月三十日",
    "2026年13月1日",
    # --- mixed separators, no day, cut off
    "2026-3/15",
    "2026年3月",
    "首期还款日 2026-0",
    # --- version numbers
    "v2026.3.1",
    "版本2026.3.15",
]

ROLE_ROWS = [
    # --- first and last instalment
    ("首期还款日2026年5月1日，末期还款日2026年10月1日", False, ("2026-05-01", "2026-10-01")),
    ("首次还款日期为2026年8月15日，最后一次还款日期为2027年7月15日", True, ("2026-08-15", "2027-07-15")),
    ("First due date 首期：2026-05-08\nFinal due date 末期：2029-08-08", True, ("2026-05-08", "2029-08-08")),
    ("2026-04-18起每月18日扣款，末期2026-09-18", True, ("2026-04-18", "2026-09-18")),
    ("第一期还款日2026.6.5，最后一期还款日2027.3.5", True, ("2026-06-05", "2027-03-05")),
    # --- only the first date: the deadline is not computed
    ("首期还款日2026年5月20日，此后每月20日扣款", True, ("2026-05-20", None)),
    # --- a one-off payment: one date is both
    ("请于2026年3月31日前一次性还清", False, ("2026-03-31", "2026-03-31")),
    ("延期至2026年12月31日一次性归还", False, ("2026-12-31", "2026-12-31")),
    ("還款期限：２０２６年０５月３１日前", False, ("2026-05-31", "2026-05-31")),
    ("请于2026年4月30日24:00前完成还款", False, ("2026-04-30", "2026-04-30")),
    ("已于2026-02-28通过本行账户自动扣款全部还清", False, ("2026-02-28", "2026-02-28")),
    # --- instalments settled: the payoff day is the last date only
    ("最后一期于2026年2月15日还款入账", True, (None, "2026-02-15")),
    ("共12期，已於2026年1月28日全部還清", True, (None, "2026-01-28")),
    # --- as-of, application, signing and issue dates are ignored
    ("截至2026年3月1日欠款1万元，请于2026年3月31日前一次性还清", False, ("2026-03-31", "2026-03-31")),
    ("签订日期：2026年2月12日\n请于2026年3月31日前还清", False, ("2026-03-31", "2026-03-31")),
    ("原到期日2026年3月10日，现延期至2026年9月10日", False, ("2026-09-10", "2026-09-10")),
    ("您于2026年3月16日提交的申请正在审核中", False, (None, None)),
    ("根据您2026年3月20日在App提交的申请，还款截止日：2026年4月10日", False, ("2026-04-10", "2026-04-10")),
    ("结清日期：2026-03-27\nDate 日期: 2026-03-28", False, ("2026-03-27", "2026-03-27")),
    ("延期至2026年12月15日。\n\n澄川消费金融有限公司\n2026年3月16日", False, ("2026-12-15", "2026-12-15")),
    ("甲方（盖章）　　　　乙方（签字）\n2026年3月3日", False, (None, None)),
    # --- a first payment mentioned without its date
    ("须先支付首期保证金，延期后到期日2027年3月31日", False, (None, "2027-03-31")),
    # --- no year: never guessed
    ("首期4月28日，末期11月28日", True, (None, None)),
    ("延期至9月30日到期", False, (None, None)),
]


@pytest.mark.parametrize("text,expected", DATE_ROWS, ids=[r[0] for r in DATE_ROWS])
def test_agreement_dates_parse(text: str, expected: str) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", YEARLESS_ROWS, ids=YEARLESS_ROWS)
def test_agreement_dates_without_year_are_kept_as_none(text: str) -> None:
    found = find_dates(text)
    assert found and all(d.iso is None for d in found)


@pytest.mark.parametrize("text", NOT_DATE_ROWS, ids=NOT_DATE_ROWS)
def test_agreement_dates_not_a_date(text: str) -> None:
    assert find_dates(text) == []


@pytest.mark.parametrize("text,installment,expected", ROLE_ROWS, ids=[r[0][:24] for r in ROLE_ROWS])
def test_agreement_dates_roles(text: str, installment: bool, expected: tuple) -> None:
    got = date_roles(text, installment=installment)
    assert (got["first_due"], got["deadline"]) == expected


@pytest.mark.parametrize("text", ["２０２６年３月１５日前", "2 0 2 6 年 4 月 3 0 日", "已於2026年1月28日全部還清"])
def test_agreement_dates_spans_index_the_original(text: str) -> None:
    for d in find_dates(text):
        assert text[d.start:d.end] == d.text
