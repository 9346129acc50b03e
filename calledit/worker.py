"""Who may run: on SQLite exactly one bot process (a lock file beside the database says so);
on PostgreSQL any number, coordinated through row locks and leases in the database."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from typing import IO

from sqlalchemy.engine import make_url


class WorkerLockError(RuntimeError):
    pass


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if not parsed.drivername.startswith("sqlite") or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database).resolve()


def single_worker_lock(url: str) -> IO[str] | None:
    """Hold an exclusive lock for the process's lifetime; None on databases that allow several workers."""
    path = sqlite_path(url)
    if path is None:
        return None
    lock_path = path.with_name(path.name + ".lock")
    handle = lock_path.open("a+")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        raise WorkerLockError(
            f"another calledit process is already running on {path.name}; SQLite allows one bot process "
            "(use PostgreSQL, DATABASE_URL=postgresql+psycopg://…, for several)") from None
    handle.seek(0)
    handle.truncate()
    handle.write(str(os.getpid()))
    handle.flush()
    return handle
