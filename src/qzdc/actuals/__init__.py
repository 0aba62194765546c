"""Figures in: values and periods as people write them, the actuals file with its lock, imports of sheets.

Imports `qzdc.engine`, `qzdc.plan` and the base modules; builds no views.
"""
