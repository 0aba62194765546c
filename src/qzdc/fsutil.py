"""Writing files so that a crash never leaves half of one.

Every file qzdc writes goes to a temporary file in the same directory, is flushed
to disk, and then replaces the target in one step (`os.replace`, atomic on POSIX
and on Windows). A reader sees the old file or the new one, never a torn one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from qzdc.errors import DataError, os_reason
from qzdc.i18n import tr


def _mode_for(target: Path) -> int:
    """The replaced file's permissions, or what a plain open() would have given."""
    try:
        return os.stat(target).st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str], *, durable: bool = True, mode: int | None = None) -> Iterator[BinaryIO]:
    """A binary file to write progressively (a streamed batch) that appears whole or not at all.

    The data goes to a temporary file beside `path`; only when the block ends
    without an exception is it flushed to disk (unless `durable` is False: a
    cache entry may be lost in a power cut, never torn) and moved into place.
    """
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as err:
        raise DataError(tr("fs.cannot_write", path=target, reason=os_reason(err))) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.chmod(tmp, _mode_for(target) if mode is None else mode)
        _replace(tmp, target)
    except BaseException as err:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(err, OSError):
            raise DataError(tr("fs.cannot_write", path=target, reason=os_reason(err))) from None
        raise


def _replace(tmp: str, target: Path) -> None:
    """os.replace, retried briefly on Windows, where a reader (Excel, a virus
    scanner) holding the old file open makes it fail for a moment."""
    for attempt in range(10):
        try:
            os.replace(tmp, target)
            return
        except PermissionError:
            if os.name != "nt" or attempt == 9:
                raise
            time.sleep(0.05 * (attempt + 1))


def atomic_write(
    path: str | os.PathLike[str],
    data: bytes | str,
    *,
    encoding: str = "utf-8",
    durable: bool = True,
    mode: int | None = None,
) -> None:
    """Write `data` to `path` in one step: the old file or the new one, never a torn one.

    `mode`: the new file's permissions (default: the replaced file's, or what open() would give).
    """
    with atomic_writer(path, durable=durable, mode=mode) as handle:
        handle.write(data.encode(encoding) if isinstance(data, str) else data)
