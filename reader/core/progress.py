"""What long work takes from its caller: a progress callback and a check for cancellation."""

from __future__ import annotations

from collections.abc import Callable

# Here, importing nothing of the core, so that every stage (anchors, aligner, detectors) can take
# them without importing the modules that call it: when they lived in reader.core.pair, the
# aligner imported the module that runs it.
ProgressCallback = Callable[[float], None]  # called with 0.0 .. 1.0 as the work advances
CancelCheck = Callable[[], bool]  # true when the caller wants the work to stop (raise Cancelled)
