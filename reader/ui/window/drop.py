"""Dropping two files on the window opens them as a pair."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QDragEnterEvent, QDropEvent

# a language tag in a file name: "article.ar.txt", "article-ar.txt", "article_AR.txt"
_ARABIC_NAME = re.compile(r"(?:^|[._-])(?:ar|ara|arabic)(?:[._-]|$)", re.IGNORECASE)


def dropped_pair(mime: QMimeData | None) -> tuple[str, str] | None:
    """The paths of exactly two distinct local files, source first; otherwise None.

    A drop carries no order worth trusting (file managers list the selection as they please),
    so a file whose name says it is Arabic goes first: the original is most often the Arabic one.
    """
    if mime is None or not mime.hasUrls():
        return None
    urls = mime.urls()
    if len(urls) != 2 or not all(url.isLocalFile() for url in urls):
        return None
    paths = [url.toLocalFile() for url in urls]
    if not all(Path(p).is_file() for p in paths) or Path(paths[0]) == Path(paths[1]):
        return None
    first, second = paths
    if _ARABIC_NAME.search(Path(second).name) and not _ARABIC_NAME.search(Path(first).name):
        first, second = second, first
    return first, second


def accept_pair_drag(event: QDragEnterEvent) -> bool:
    """For dragEnterEvent: accept a drag of two files, so that the cursor says it may drop."""
    if dropped_pair(event.mimeData()) is None:
        event.ignore()
        return False
    event.acceptProposedAction()
    return True


def take_pair_drop(event: QDropEvent) -> tuple[str, str] | None:
    """For dropEvent: the pair dropped (and the event accepted), or None (event ignored)."""
    pair = dropped_pair(event.mimeData())
    if pair is None:
        event.ignore()
    else:
        event.acceptProposedAction()
    return pair
