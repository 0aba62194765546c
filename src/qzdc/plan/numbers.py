"""A figure with the decimals it was written with: 67.00 stays 67.00 wherever it is shown.

A `Written` is a float (the engine computes with it as with any number, and JSON
carries the number itself) that remembers how many decimals the person wrote.
`qzdc.views.view.display` shows it with those decimals, in every format, so no
view formats a recorded figure on its own.
"""

from __future__ import annotations


class Written(float):
    """A float written with `decimals` digits after the point (67.00 → Written(67.0, 2))."""

    decimals: int

    def __new__(cls, value: float, decimals: int) -> Written:
        number = super().__new__(cls, value)
        number.decimals = decimals
        return number

    @property
    def text(self) -> str:
        """The figure as written: 67.00."""
        return f"{float(self):.{self.decimals}f}"

    def __repr__(self) -> str:
        return self.text

    def __reduce__(self) -> tuple:
        return (Written, (float(self), self.decimals))


def decimals_of(value: object) -> int | None:
    """The decimals a figure was written with, or None for a number without them."""
    return getattr(value, "decimals", None) if isinstance(value, float) else None
