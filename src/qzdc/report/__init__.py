"""Documents people circulate: the HTML report, the workbook, Markdown, the charts, and batch output.

Imports every layer below the CLI, and its own libraries (openpyxl, matplotlib); never rich or typer.
"""
