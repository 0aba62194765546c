"""qzdc: an indicator calculator for government target lists.

The packages are layers, each importing only from those before it:

    plan/     the plan as data: models, YAML reading, validation, cache, names, periods
    engine/   methodology.md as pure functions: formulas, each kind of target, the required path
    actuals/  figures in: values and periods as people write them, the actuals file, imports
    views/    what each command shows, as a View
    render/   views to text: terminal tables, JSON, CSV, Markdown (the only rich user)
    report/   documents: HTML, workbook, Markdown report, charts, batch output
    cli/      the command line (the only typer user)

Beneath them all, the base modules: errors.py (errors as values, exit codes),
fsutil.py (atomic writes) and i18n.py (every word in Chinese and English).
tests/test_layers.py enforces the order.
"""

__version__ = "0.1.0"
