"""Reading and writing files as trusted file tools do: never half a file, never the wrong one.

Writing. Every file qzdc writes goes to a temporary file in the same directory,
is flushed to disk, and then replaces the target in one step (`os.replace`,
atomic on POSIX and on Windows). A reader sees the old file or the new one,
never a torn one. Around that step:

- a symbolic link is followed: the real file is replaced, and the link stays;
- a character device or a named pipe (`-o /dev/null`, `-o /dev/stdout`) is
  written to, never replaced by a regular file;
- a read-only file (no write permission for anyone, `chmod 444`) is refused,
  even for root, and so is a file with other hard links, whose other names a
  replacement would leave behind with the old contents (the actuals file, which
  qzdc only appends to, is written in place instead: `append_in_place`);
- a file this command read as its input (a plan file, the actuals file) is
  refused as an output: `qzdc status --format json -o actuals.yaml` must not
  turn the figures into JSON.

Reading (`read_regular`). Only regular files are read: a named pipe would make
qzdc wait forever for a writer, and a device such as /dev/zero never ends. A
file larger than its limit is refused after reading at most one byte more than
the limit, so memory stays bounded whatever the file.
"""

from __future__ import annotations

import contextlib
import os
import stat
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from qzdc.errors import DataError, os_reason
from qzdc.i18n import tr

# The real paths of the files this command has read as its input (found or not):
# no output may replace one of them. The CLI clears it when a command starts.
inputs: set[str] = set()
# False while `batch` reads its plans: thousands of plans would make the record grow with every plan
# (half of a 10,000-plan run's growth in memory), so batch protects their files by directory instead
# (`refuse_plan_file_as_output`), before it reads any.
recording = True


@contextlib.contextmanager
def unrecorded() -> Iterator[None]:
    """Read without adding to `inputs` (a caller that protects what it reads another way)."""
    global recording
    recording = False
    try:
        yield
    finally:
        recording = True


def refuse_plan_file_as_output(
    path: str | os.PathLike[str], directories: list[str], names: Iterable[str], shown: str | None = None
) -> None:
    """Refuse (DataError) an output that is a file named `names` in one of `directories` (a plan's own
    files and its actuals): what the `inputs` record gives other commands, without recording every file."""
    folder, name = os.path.split(_real(path))
    if name in set(names) and folder in {_real(d) for d in directories}:
        shown = shown or os.fspath(path)
        raise DataError(tr("fs.input_as_output", path=shown), hint=tr("fs.input_as_output.hint"))


def _real(path: str | os.PathLike[str]) -> str:
    return os.path.realpath(os.fspath(path))


def size_text(size: int) -> str:
    """A size as people say it: 20 MB, 1.5 GB (decimal units, as file managers show them)."""
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("KB", 10**3)):
        if size >= scale:
            return f"{size / scale:.3g} {unit}"
    return f"{size} B"


def _kind(mode: int) -> str:
    for test, kind in (
        (stat.S_ISFIFO, "fifo"),
        (stat.S_ISCHR, "char"),
        (stat.S_ISBLK, "block"),
        (stat.S_ISSOCK, "socket"),
        (stat.S_ISDIR, "dir"),
    ):
        if test(mode):
            return tr(f"fs.kind.{kind}")
    return tr("fs.kind.special")


def read_regular(path: str | os.PathLike[str], *, limit: int, what: str, shown: str | None = None) -> bytes | None:
    """The bytes of the regular file at `path`, or None if there is none.

    Anything else (a named pipe, a device, a socket) is refused with a DataError
    naming it, without blocking: the file is opened non-blocking and looked at
    before a byte is read. A directory raises IsADirectoryError, for the caller
    to word. A file larger than `limit` bytes is refused as `what` (plan,
    actuals, import) with its limit, having read at most `limit` + 1 bytes.
    """
    shown = shown or os.fspath(path)
    if recording:
        inputs.add(_real(path))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise
    except OSError as err:
        raise DataError(tr("fs.cannot_read", path=shown, reason=os_reason(err))) from None
    with os.fdopen(fd, "rb") as handle:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(21, "Is a directory", shown)
        if not stat.S_ISREG(mode):
            raise DataError(tr("fs.not_regular", path=shown, kind=_kind(mode)), hint=tr("fs.not_regular.hint"))
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise DataError(
            tr("fs.too_large", path=shown, limit=size_text(limit), what=tr(f"fs.what.{what}")),
            hint=tr("fs.too_large.hint"),
        )
    return data


# ── writing ──────────────────────────────────────────────────────────────────


def _mode_for(target: Path) -> int:
    """The replaced file's permissions, or what a plain open() would have given."""
    try:
        return os.stat(target).st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def writable_target(
    path: str | os.PathLike[str], *, shown: str | None = None, rewriting_input: bool = False
) -> tuple[Path, os.stat_result | None]:
    """Where writing `path` lands (the real file behind any links) and its stats (None if new).

    Refuses (DataError) an input of this command, a directory, a socket, a
    read-only file and a file with other hard links; see the module docstring.
    `rewriting_input`: the actuals file, which a write reads and rewrites, and
    whose hard links its writer keeps by appending in place.
    """
    shown = shown or os.fspath(path)
    real = Path(_real(path))
    if str(real) in inputs and not rewriting_input:
        raise DataError(tr("fs.input_as_output", path=shown), hint=tr("fs.input_as_output.hint"))
    try:
        st = os.stat(real)
    except FileNotFoundError:
        return real, None
    except OSError as err:
        raise DataError(tr("fs.cannot_write", path=shown, reason=os_reason(err))) from None
    if stat.S_ISDIR(st.st_mode) or stat.S_ISSOCK(st.st_mode):
        raise DataError(tr("fs.cannot_write_kind", path=shown, kind=_kind(st.st_mode)))
    if stat.S_ISREG(st.st_mode):
        if not st.st_mode & 0o222:
            raise DataError(tr("fs.read_only", path=shown), hint=tr("fs.read_only.hint"))
        if st.st_nlink > 1 and not rewriting_input:
            raise DataError(tr("fs.hard_links", path=shown, count=st.st_nlink), hint=tr("fs.hard_links.hint"))
    return real, st


@contextlib.contextmanager
def atomic_writer(
    path: str | os.PathLike[str],
    *,
    durable: bool = True,
    mode: int | None = None,
    shown: str | None = None,
    rewriting_input: bool = False,
) -> Iterator[BinaryIO]:
    """A binary file to write progressively (a streamed batch) that appears whole or not at all.

    The data goes to a temporary file beside the real target; only when the
    block ends without an exception is it flushed to disk (unless `durable` is
    False: a cache entry may be lost in a power cut, never torn) and moved into
    place. A device or a named pipe is written to directly.
    """
    shown = shown or os.fspath(path)
    target, st = writable_target(path, shown=shown, rewriting_input=rewriting_input)
    if st is not None and not stat.S_ISREG(st.st_mode):  # /dev/null, /dev/stdout, a pipe
        try:
            with open(target, "wb") as device:
                yield device
        except OSError as err:
            raise DataError(tr("fs.cannot_write", path=shown, reason=os_reason(err))) from None
        return
    import tempfile  # here: `qzdc status` reads files and need not import it

    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as err:
        raise DataError(tr("fs.cannot_write", path=shown, reason=os_reason(err))) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.chmod(tmp, _mode_for(target) if mode is None else mode)
        # What the command read meanwhile (a batch's plans and their actuals) is known now.
        writable_target(path, shown=shown, rewriting_input=rewriting_input)
        _replace(tmp, target)
    except BaseException as err:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(err, OSError):
            raise DataError(tr("fs.cannot_write", path=shown, reason=os_reason(err))) from None
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
    shown: str | None = None,
    rewriting_input: bool = False,
) -> None:
    """Write `data` to `path` in one step: the old file or the new one, never a torn one.

    `mode`: the new file's permissions (default: the replaced file's, or what open() would give).
    """
    with atomic_writer(path, durable=durable, mode=mode, shown=shown, rewriting_input=rewriting_input) as handle:
        handle.write(data.encode(encoding) if isinstance(data, str) else data)


def append_in_place(path: str | os.PathLike[str], size: int, data: bytes, *, shown: str | None = None) -> None:
    """Add `data` at the end of the file at `path`, which must still be `size` bytes long.

    For a file with hard links: replacing it would break them, so the new bytes
    are written in place, flushed to disk, and on any failure cut off again,
    leaving the file as it was. Called under the file's lock.
    """
    shown = shown or os.fspath(path)
    fd = os.open(path, os.O_WRONLY | getattr(os, "O_BINARY", 0))
    try:
        if os.fstat(fd).st_size != size:
            raise DataError(tr("fs.changed", path=shown), hint=tr("fs.changed.hint"))
        try:
            os.lseek(fd, size, os.SEEK_SET)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        except BaseException as err:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, size)
                os.fsync(fd)
            if isinstance(err, OSError):
                raise DataError(tr("fs.cannot_write", path=shown, reason=os_reason(err))) from None
            raise
    finally:
        os.close(fd)


@contextlib.contextmanager
def exclusive_lock(lock: str | os.PathLike[str], timeout: float, *, lock_file: bool = True) -> Iterator[None]:
    """Hold an exclusive lock on the file `lock` (created if missing) for the block; TimeoutError after `timeout` s.

    The operating system releases the lock when the process dies, so a killed
    writer never blocks the next one. A lock file (`lock_file`) is made readable
    by all, whatever the umask: a lock needs only to open the file, so a lock
    file one user created never keeps another user, who may write the data,
    out. (`lock_file=False` locks a data file itself, and leaves its mode alone.)
    """
    flags = os.O_RDONLY if os.name != "nt" else os.O_RDWR | getattr(os, "O_BINARY", 0)
    flags |= (os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)) if lock_file else 0
    fd = os.open(lock, flags | getattr(os, "O_CLOEXEC", 0), 0o644)
    try:
        if lock_file and hasattr(os, "fchmod") and os.fstat(fd).st_uid == os.geteuid():
            with contextlib.suppress(OSError):
                os.fchmod(fd, 0o644)
        deadline = time.monotonic() + timeout
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                raise TimeoutError(f"{os.fspath(lock)} is locked")
            time.sleep(0.02)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _try_lock(fd: int) -> bool:
    if os.name == "nt":
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True
