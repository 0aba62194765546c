"""Views to text: terminal tables, JSON, CSV and Markdown; the only package that imports rich.

Imports `qzdc.views` (the view shape) and the base modules.
"""
