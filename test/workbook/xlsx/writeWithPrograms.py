"""Writes the reader's test tables with programs we did not write: openpyxl and XlsxWriter.

Usage: /usr/bin/python3 writeWithPrograms.py cases.json out_dir
Each case: {"file", "program", "date1904", "isoDates", "table", "sheet", "top", "left",
"headers", "rows"} where a cell is null, a number, a bool, a string, {"date": "YYYY-MM-DD"}
or {"formula": "=..."} (written with no cached value by openpyxl).
"""
import datetime
import json
import os
import sys

import openpyxl
import xlsxwriter
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table


def cell_value(cell):
    if isinstance(cell, dict) and "date" in cell:
        return datetime.datetime.strptime(cell["date"], "%Y-%m-%d")
    if isinstance(cell, dict) and "formula" in cell:
        return cell["formula"]
    return cell


def ref(case):
    top, left = case["top"], case["left"]
    bottom = top + len(case["rows"])
    right = left + len(case["headers"]) - 1
    return f"{get_column_letter(left)}{top}:{get_column_letter(right)}{bottom}"


def with_openpyxl(case, path):
    wb = openpyxl.Workbook(iso_dates=case["isoDates"])
    if case["date1904"]:
        wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    ws = wb.active
    ws.title = case["sheet"]
    ws["A1"] = "A title above the table"
    top, left = case["top"], case["left"]
    for c, header in enumerate(case["headers"]):
        ws.cell(row=top, column=left + c, value=header)
    for r, row in enumerate(case["rows"]):
        for c, cell in enumerate(row):
            target = ws.cell(row=top + 1 + r, column=left + c, value=cell_value(cell))
            if isinstance(cell, dict) and "date" in cell:
                target.number_format = "dd/mm/yyyy"
    ws.add_table(Table(displayName=case["table"], ref=ref(case)))
    wb.save(path)


def with_xlsxwriter(case, path):
    wb = xlsxwriter.Workbook(path, {"date_1904": case["date1904"], "strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False})
    ws = wb.add_worksheet(case["sheet"])
    date = wb.add_format({"num_format": "dd/mm/yyyy"})
    ws.write_string(0, 0, "A title above the table")
    top, left = case["top"] - 1, case["left"] - 1
    data = []
    for row in case["rows"]:
        data.append([cell_value(c) for c in row])
    columns = [{"header": h} for h in case["headers"]]
    ws.add_table(top, left, top + len(case["rows"]), left + len(case["headers"]) - 1, {"name": case["table"], "columns": columns})
    for r, row in enumerate(case["rows"]):
        for c, cell in enumerate(row):
            at = (top + 1 + r, left + c)
            if cell is None:
                continue
            if isinstance(cell, dict) and "date" in cell:
                ws.write_datetime(*at, cell_value(cell), date)
            elif isinstance(cell, bool):
                ws.write_boolean(*at, cell)
            elif isinstance(cell, (int, float)):
                ws.write_number(*at, cell)
            else:
                ws.write_string(*at, cell)
    wb.close()


def main():
    cases = json.load(open(sys.argv[1], encoding="utf-8"))
    for case in cases:
        path = os.path.join(sys.argv[2], case["file"])
        (with_openpyxl if case["program"] == "openpyxl" else with_xlsxwriter)(case, path)


main()
