"""Documents people circulate: the 要点 and the progress table they share, the HTML report,
the workbook, the Word document, Markdown, the charts, and batch output.

Imports every layer below the CLI, and its own libraries (openpyxl, matplotlib, python-docx); never rich or typer.
"""
