"""Figures keep the digits they were written with: 67.00 is shown as 67.00 in every format.

The number itself is unchanged (67 in JSON); what is kept is how many decimals
the analyst wrote, in the actuals file (`value: 67.00`) and in every view.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from qzdc.actuals.store import read_entries
from qzdc.plan.loader import load_plan


@pytest.fixture
def recorded(cli):
    assert cli("record", "high_tech_enterprises", "2024", "67.00").exit_code == 0
    assert cli("record", "urbanisation_rate", "2024", "65.20").exit_code == 0


def test_the_file_keeps_the_digits_and_reads_them_back(recorded):
    text = Path("actuals.yaml").read_text(encoding="utf-8")
    assert "    value: 67.00\n" in text and "    value: 65.20\n" in text
    entries = read_entries(Path("actuals.yaml"), load_plan(), today=dt.date(2026, 12, 1))
    assert [(e.value, e.value.decimals) for e in entries] == [(67, 2), (65.2, 2)]


def test_a_hand_written_file_keeps_its_digits_too(cli):
    Path("actuals.yaml").write_text(
        "actuals:\n  - indicator: high_tech_enterprises\n    period: 2024\n    value: 67.00\n", encoding="utf-8"
    )
    assert "67.00 (2024)" in cli("status").stdout


def test_history_in_every_format(cli, recorded):
    table = cli("history", "high_tech_enterprises").stdout
    assert " 67.00 " in table
    assert "\n2024,1,67.00,actuals," in cli("history", "high_tech_enterprises", "--format", "csv", "--raw").stdout
    assert "| 67.00 |" in cli("history", "high_tech_enterprises", "--format", "markdown").stdout
    entry = json.loads(cli("history", "high_tech_enterprises", "--format", "json").stdout)["entries"][0]
    assert entry["value"] == 67 and isinstance(entry["value"], int | float)  # the number, unchanged


def test_status_in_every_format(cli, recorded):
    assert "67.00 (2024)" in cli("status").stdout
    assert "| 67.00 (2024) |" in cli("status", "--format", "markdown").stdout
    assert "| 65.20 (2024) |" in cli("status", "--format", "markdown").stdout
    rows = cli("status", "--format", "csv", "--raw").stdout.splitlines()
    firms = next(r for r in rows if r.startswith("high_tech_enterprises,"))
    assert ",2024,67.00,actuals," in firms
    targets = json.loads(cli("status", "--format", "json").stdout)["targets"]
    latest = next(t for t in targets if t["id"] == "high_tech_enterprises")["latest"]
    assert latest["value"] == 67


def test_show_and_reports(cli, recorded, tmp_path):
    assert "最新值：67.00 (2024, 录入)" in cli("show", "high_tech_enterprises").stdout
    assert "| 67.00 (2024) |" in cli("report").stdout
    out = tmp_path / "r.xlsx"
    assert cli("report", "-o", str(out)).exit_code == 0
    sheet = load_workbook(out).worksheets[0]
    shown = [c for row in sheet.iter_rows() for c in row if c.value == 67 and c.number_format == "0.00"]
    assert shown, "the workbook shows the recorded 67 with two decimals"


def test_an_imported_cell_keeps_the_decimals_its_format_shows(cli):
    book = Workbook()
    book.active.append(["指标", "期间", "数值"])
    book.active.append(["high_tech_enterprises", 2024, 67])
    book.active.append(["urbanisation_rate", 2024, 0.652])
    book.active["C2"].number_format = "0.00"
    book.active["C3"].number_format = "0.00%"  # 65.20 %
    book.save("f.xlsx")
    assert cli("import", "f.xlsx").exit_code == 0
    text = Path("actuals.yaml").read_text(encoding="utf-8")
    assert "    value: 67.00\n" in text and "    value: 65.20\n" in text
