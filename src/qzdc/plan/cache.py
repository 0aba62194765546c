"""A cache of validated plans, so that repeated runs skip YAML parsing and validation.

The key is a hash of every plan file's bytes together with qzdc's version and
the size and modification time of the code that reads plans: an edit to any
plan file, or a new qzdc, makes a new key. Entries live in the user's cache
directory (never beside the plan): `$QZDC_CACHE_DIR`, else
`%LOCALAPPDATA%\\qzdc\\Cache` on Windows, `~/Library/Caches/qzdc` on macOS,
`$XDG_CACHE_HOME/qzdc` or `~/.cache/qzdc` elsewhere — the locations
platformdirs gives, written out here because importing platformdirs costs more
start-up time (about 20 ms) than the whole of `qzdc status --format json` may.

The cache is an optimisation only: a corrupt, unreadable or unwritable entry is
ignored and the plan is read from its files. `QZDC_NO_CACHE=1` turns it off.
"""

from __future__ import annotations

import os
import pickle
import sys
from pathlib import Path
from typing import Any

CACHE_ENV = "QZDC_CACHE_DIR"
NO_CACHE_ENV = "QZDC_NO_CACHE"
# Bump when the pickled shape of a Plan changes in a way mtimes would not show.
FORMAT = 1
# The modules whose code decides what a validated plan is.
_CODE = ("models.py", "loader.py", "checks.py", "yamlio.py", "periods.py")


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


def _entry(cache_key: str) -> Path | None:
    base = cache_dir()
    return None if base is None else base / "plans" / f"{cache_key}.pickle"


def get(cache_key: str) -> Any | None:
    """The cached plan for `cache_key`, or None (missing, corrupt or unreadable: all the same)."""
    path = _entry(cache_key)
    if path is None:
        return None
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except FileNotFoundError:
        return None
    except Exception:
        return None


def put(cache_key: str, plan: Any) -> None:
    """Store `plan`; any failure (read-only home, full disk) is silently skipped."""
    path = _entry(cache_key)
    if path is None:
        return
    try:
        from qzdc.fsutil import atomic_write

        path.parent.mkdir(parents=True, exist_ok=True)
        # Not fsynced: a cache entry lost in a power cut is merely read again.
        atomic_write(path, pickle.dumps(plan, protocol=pickle.HIGHEST_PROTOCOL), durable=False)
    except Exception:
        return
