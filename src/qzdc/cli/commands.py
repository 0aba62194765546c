"""Imports every command module so that each registers its commands on the app."""

from qzdc.cli import (
    actuals,  # noqa: F401
    audit,  # noqa: F401
    calc,  # noqa: F401
    plan,  # noqa: F401
    report,  # noqa: F401
    status,  # noqa: F401
)
