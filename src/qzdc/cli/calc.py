"""`qzdc calc`: quick what-ifs — required growth, growth forward, rate still needed, years to target."""

from __future__ import annotations

from typing import Annotated

import typer

from qzdc.cli.app import (
    FormatOption,
    Lang,
    LangOption,
    OutputOption,
    QzdcGroup,
    QzdcTyper,
    RawOption,
    app,
    emit,
    handle_errors,
    resolve_format,
)

calc_app = QzdcTyper(cls=QzdcGroup, no_args_is_help=True)
app.add_typer(calc_app, name="calc")


@calc_app.callback()
def _calc(lang: LangOption = Lang.zh) -> None:
    """`qzdc calc --lang en cagr …` as well as `qzdc calc cagr … --lang en` (the language is read before parsing)."""


From = Annotated[float, typer.Option("--from")]
To = Annotated[float, typer.Option("--to")]


@calc_app.command("cagr")
@handle_errors
def cagr(
    start: From,
    end: To,
    years: Annotated[float, typer.Option("--years")],
    fmt: FormatOption = None,
    raw: RawOption = False,
    output: OutputOption = None,
    lang: LangOption = Lang.zh,
) -> None:
    """The average yearly growth that takes FROM to TO in YEARS.

    Example: qzdc calc cagr --from 34 --to 67 --years 3   (→ 25.37 %)
    """
    from qzdc.views.calc import cagr_view

    emit(cagr_view(start, end, years, lang.value), resolve_format(fmt, output, raw=raw), output)


@calc_app.command("grow")
@handle_errors
def grow(
    start: From,
    rate: Annotated[float, typer.Option("--rate")],
    years: Annotated[float, typer.Option("--years")],
    fmt: FormatOption = None,
    raw: RawOption = False,
    output: OutputOption = None,
    lang: LangOption = Lang.zh,
) -> None:
    """FROM grown at RATE % a year for YEARS.

    Example: qzdc calc grow --from 75.33 --rate 7.5 --years 2   (→ 87.05)
    """
    from qzdc.views.calc import grow_view

    emit(grow_view(start, rate, years, lang.value), resolve_format(fmt, output, raw=raw), output)


@calc_app.command("remaining")
@handle_errors
def remaining(
    target_rate: Annotated[float, typer.Option("--target-rate")],
    period: Annotated[int, typer.Option("--period")],
    observed: Annotated[list[float] | None, typer.Option("--observed")] = None,
    fmt: FormatOption = None,
    raw: RawOption = False,
    output: OutputOption = None,
    lang: LangOption = Lang.zh,
) -> None:
    """The growth needed in each remaining year for an average-growth target.

    Example: qzdc calc remaining --target-rate 20 --period 3 --observed 17.4   (→ 21.32 %)
    """
    from qzdc.views.calc import remaining_view

    emit(
        remaining_view(target_rate, period, list(observed or []), lang.value),
        resolve_format(fmt, output, raw=raw),
        output,
    )


@calc_app.command("years")
@handle_errors
def years(
    start: From,
    end: To,
    rate: Annotated[float, typer.Option("--rate")],
    fmt: FormatOption = None,
    raw: RawOption = False,
    output: OutputOption = None,
    lang: LangOption = Lang.zh,
) -> None:
    """Years until FROM, growing at RATE % a year, reaches TO.

    Example: qzdc calc years --from 34 --to 67 --rate 25   (→ 3.04 years)
    """
    from qzdc.views.calc import years_view

    emit(years_view(start, end, rate, lang.value), resolve_format(fmt, output, raw=raw), output)
