"""The plan as data: its types (models), reading its YAML, validating it, the cache, names and periods.

Imports only the base modules (`qzdc.errors`, `qzdc.fsutil`, `qzdc.i18n`); everything else builds on it.
"""
