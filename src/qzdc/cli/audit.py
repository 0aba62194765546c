"""`qzdc audit`: where the plan contradicts itself or cannot be met."""

from __future__ import annotations

from typing import Annotated

import typer

from qzdc.cli.actions import observations
from qzdc.cli.app import (
    ActualsOption,
    FormatOption,
    Lang,
    LangOption,
    OutputOption,
    PlanOption,
    RawOption,
    app,
    emit,
    err,
    handle_errors,
    load,
    resolve_format,
)
from qzdc.errors import EXIT_GATE
from qzdc.i18n import tr


@app.command()
@handle_errors
def audit(
    plan: PlanOption = None,
    actuals: ActualsOption = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            show_default=False,
        ),
    ] = None,
    fmt: FormatOption = None,
    raw: RawOption = False,
    output: OutputOption = None,
    lang: LangOption = Lang.zh,
) -> None:
    """Check the plan and its actuals for contradictions: rate vs level, values stated twice, baselines, departments.

    Example: qzdc audit --fail-on error
    """
    from qzdc.views.audit import SEVERITY_RANK, audit_view, gate_severity
    from qzdc.views.audit import audit as run_audit

    chosen = resolve_format(fmt, output, raw=raw)
    gate = gate_severity(fail_on) if fail_on is not None else None  # 错误 or error: refused before any work
    loaded = load(plan)
    findings = run_audit(loaded, observations(loaded, actuals))
    emit(audit_view(loaded, findings, lang.value), chosen, output)
    if gate is not None:
        failing = [f for f in findings if SEVERITY_RANK[f.severity] >= SEVERITY_RANK[gate]]
        if failing:
            err(tr("msg.audit_gate", count=len(failing), severity=tr(f"severity.{gate}")))
            raise typer.Exit(EXIT_GATE)
