"""The command line: the only package that imports typer (in qzdc.cli.app and the
command modules; qzdc.cli.fast and qzdc.cli.output stay free of it).

Each command loads what it needs, calls one function that returns a `View` (or
other data), and hands it to `qzdc.render.formats`. Errors arrive as `QzdcError`s and
leave as one line on stderr with a documented exit code:
0 success, 1 bad data, 2 bad usage, 3 targets failing a `--fail-on` gate.
"""
