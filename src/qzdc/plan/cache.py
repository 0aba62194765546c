"""A cache of validated plans, so that repeated runs skip YAML parsing and validation.

The key is a hash of every plan file's bytes together with qzdc's version and
the size and modification time of the code that reads plans: an edit to any
plan file, or a new qzdc, makes a new key. Entries live in the user's cache
directory (never beside the plan): `$QZDC_CACHE_DIR`, else
`%LOCALAPPDATA%\\qzdc\\Cache` on Windows, `~/Library/Caches/qzdc` on macOS,
`$XDG_CACHE_HOME/qzdc` or `~/.cache/qzdc` elsewhere — the locations
platformdirs gives, written out here because importing platformdirs costs more
start-up time (about 20 ms) than the whole of `qzdc status --format json` may.

An entry is plain data (JSON), never code: the validated plan's dataclasses
are written field by field, and read back by building those same classes —
only the plan's model classes, by name, with keyword arguments of plain data —
so a file planted in the cache can at worst give a wrong plan, never run
anything. And none is read from a place someone else could plant it: on POSIX
the cache directory, its `plans` directory and each entry must belong to the
user and be writable by no one else (as ssh asks of `~/.ssh`), and an entry
must be a regular file, not a link. Anything else is not used, with a note on
stderr.

The cache is an optimisation only: a corrupt, unreadable or unwritable entry is
ignored and the plan is read from its files. `QZDC_NO_CACHE=1` turns it off.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import Any

from qzdc.i18n import tr

CACHE_ENV = "QZDC_CACHE_DIR"
NO_CACHE_ENV = "QZDC_NO_CACHE"
# Bump when the stored shape of a Plan changes in a way mtimes would not show.
FORMAT = 2
# The modules whose code decides what a validated plan is, and how it is stored.
_CODE = ("models.py", "loader.py", "checks.py", "yamlio.py", "periods.py", "lookup.py", "cache.py", "notation.py")
# The tag of a stored object: not an identifier, so never a field's name.
_TAG = "~"


def cache_dir() -> Path | None:
    if os.environ.get(NO_CACHE_ENV):
        return None
    explicit = os.environ.get(CACHE_ENV)
    if explicit is not None:
        return Path(explicit) if explicit else None
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "qzdc" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "qzdc"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "qzdc"


def _code_fingerprint() -> bytes:
    from qzdc import __version__

    here = Path(__file__).parent
    parts = [f"{__version__}:{FORMAT}:{sys.version_info[:2]}"]
    for name in _CODE:
        try:
            st = (here / name).stat()
            parts.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            parts.append(f"{name}:-")
    return "|".join(parts).encode()


def key(contents: list[tuple[str, bytes | None]]) -> str:
    """A key for plan files given as (name, bytes or None when absent)."""
    import hashlib

    digest = hashlib.sha256(_code_fingerprint())
    for name, data in contents:
        digest.update(b"\0" + name.encode() + b"\0")
        digest.update(b"-" if data is None else str(len(data)).encode() + b":" + data)
    return digest.hexdigest()


# ── plain data in, plain data out ────────────────────────────────────────────


def _classes() -> dict[str, type]:
    """The only classes an entry may name: the plan's models."""
    from qzdc.plan import models

    return {
        name: cls
        for name, cls in vars(models).items()
        if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == models.__name__
    }


def _plain(value: Any) -> Any:
    """A plan as JSON-ready data; every JSON object it holds is one of ours, tagged."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, tuple):
        return {_TAG: "tuple", "items": [_plain(v) for v in value]}
    if isinstance(value, dict):
        # As pairs: keys written by a plan's author never become keys of a stored object.
        return {_TAG: "dict", "items": [[_plain(k), _plain(v)] for k, v in value.items()]}
    if isinstance(value, dt.datetime):
        return {_TAG: "datetime", "iso": value.isoformat()}
    if isinstance(value, dt.date):
        return {_TAG: "date", "iso": value.isoformat()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init}
        return {_TAG: type(value).__name__, **fields}
    raise TypeError(f"cannot store a {type(value).__name__} in the plan cache")


def _rebuilder(classes: dict[str, type]) -> Any:
    def rebuild(obj: dict[str, Any]) -> Any:
        tag = obj.pop(_TAG)
        if tag == "tuple":
            return tuple(obj["items"])
        if tag == "dict":
            return {k: v for k, v in obj["items"]}
        if tag == "datetime":
            return dt.datetime.fromisoformat(obj["iso"])
        if tag == "date":
            return dt.date.fromisoformat(obj["iso"])
        return classes[tag](**obj)

    return rebuild


def dumps(plan: Any) -> bytes:
    return json.dumps(_plain(plan), ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode()


def loads(data: bytes) -> Any:
    """The plan stored in `data`; an exception of any kind if it is not one."""
    return json.loads(data, object_hook=_rebuilder(_classes()))


# ── where entries may be read from ───────────────────────────────────────────

_warned: set[str] = set()


def _note(path: Path, why: str) -> None:
    if str(path) not in _warned:
        _warned.add(str(path))
        sys.stderr.write(tr("cache.not_used", path=path, why=tr(f"cache.{why}")) + "\n")


def _unsafe(st: os.stat_result) -> str | None:
    """Why a file or directory with these stats could have been written by someone else, or None."""
    import stat

    if hasattr(os, "geteuid") and st.st_uid != os.geteuid():
        return "another_user"
    if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return "others_write"
    return None


def _safe_dir(path: Path) -> bool:
    """A cache directory only this user can write into (always true on Windows, which has no such modes)."""
    if os.name == "nt":
        return True
    try:
        st = os.lstat(path)
    except OSError:
        return False
    import stat

    why = "not_a_directory" if not stat.S_ISDIR(st.st_mode) else _unsafe(st)
    if why:
        _note(path, why)
        return False
    return True


def _entry(cache_key: str) -> Path | None:
    base = cache_dir()
    return None if base is None else base / "plans" / f"{cache_key}.json"


def _read_entry(path: Path) -> bytes | None:
    import stat

    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None  # missing (the usual case), or a link
    try:
        st = os.fstat(fd)
        why = "not_a_file" if not stat.S_ISREG(st.st_mode) else None
        if why is None and os.name != "nt":
            why = _unsafe(st)
        if why:
            _note(path, why)
            return None
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read()
    finally:
        os.close(fd)


def get(cache_key: str) -> Any | None:
    """The cached plan for `cache_key`, or None (missing, corrupt, unsafe or unreadable: all the same)."""
    path = _entry(cache_key)
    if path is None or not path.parent.exists():
        return None
    if not (_safe_dir(path.parent.parent) and _safe_dir(path.parent)):
        return None
    data = _read_entry(path)
    if data is None:
        return None
    try:
        return loads(data)
    except Exception:
        return None


def put(cache_key: str, plan: Any) -> None:
    """Store `plan`; any failure (read-only home, full disk, an unsafe directory) is silently skipped."""
    path = _entry(cache_key)
    if path is None:
        return
    try:
        data = dumps(plan)
        for directory in (path.parent.parent, path.parent):
            if not directory.exists():
                directory.mkdir(mode=0o700, parents=True)
            if not _safe_dir(directory):
                return
        from qzdc.fsutil import atomic_write

        # Not fsynced: a cache entry lost in a power cut is merely read again.
        atomic_write(path, data, durable=False, mode=0o600)
    except Exception:
        return
