"""What each command shows, as a `View` (views/view.py): status, show, owners, audit, history, batch, …

Imports `qzdc.actuals`, `qzdc.engine`, `qzdc.plan` and the base modules; never formats or prints.
"""
