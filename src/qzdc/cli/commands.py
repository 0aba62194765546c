"""Imports every command module so that each registers its commands on the app."""

from qzdc.cli import (  # noqa: F401
    actuals,
    audit,
    batch,
    calc,
    init,
    plan,
    report,
    status,
)
