"""Imports every command module so that each registers its commands on the app."""

from qzdc.cli import plan  # noqa: F401
from qzdc.cli import status  # noqa: F401
from qzdc.cli import calc  # noqa: F401
