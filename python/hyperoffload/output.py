"""Writing output files atomically: a temporary file in the same directory,
renamed into place, so a reader never sees a partial file."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_bytes(path: str, data: bytes) -> None:
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        # mkstemp makes the file private (0600); the output gets the mode a
        # plain open() would give it, as mlir-opt's does.
        os.chmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_text(path: str, text: str) -> None:
    """Write ``text`` to ``path`` atomically; ``-`` is standard output."""
    if path == "-":
        sys.stdout.write(text)
        return
    write_bytes(path, text.encode("utf-8"))
