"""Write a generated package to disk, all at once or not at all.

The files go to a temporary folder beside the target, which replaces the
target only when every file was written, so a failed run leaves the previous
package exactly as it was.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path

logger = logging.getLogger(__name__)


def write_package(files: dict[str, str], target: Path) -> None:
    """Replace the folder `target` with exactly `files`."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        for name in sorted(files):
            (staging / name).write_text(files[name], encoding="utf-8", newline="\n")
        backup = None
        if target.exists():
            backup = target.with_name(f".{target.name}-previous")
            shutil.rmtree(backup, ignore_errors=True)
            target.rename(backup)
        staging.rename(target)
        if backup is not None:
            shutil.rmtree(backup)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    logger.info("wrote %d files to %s", len(files), target)


def stale_files(files: dict[str, str], target: Path) -> list[str]:
    """Return the names of files that differ from, or are missing in, `target`, and extra ones."""
    stale = []
    for name in sorted(files):
        path = target / name
        if not path.is_file() or path.read_text(encoding="utf-8") != files[name]:
            stale.append(name)
    if target.is_dir():
        extra = {
            path.name
            for path in target.iterdir()
            if path.is_file() and path.name not in files
        }
        stale.extend(sorted(extra))
    return stale
