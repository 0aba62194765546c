"""The engine: methodology.md as pure functions. Formulas, one module per family of target kinds, the path.

Imports `qzdc.plan` and the base modules only; it never reads files or prints.
"""
