"""Timing a stage: one log line with its name and milliseconds, none when the level is off."""

from __future__ import annotations

import logging
import re

import pytest

from reader.core.timing import stage

log = logging.getLogger("reader.tests.timing")


def test_a_stage_logs_its_name_and_time(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger=log.name)
    with stage(log, "anchors source"):
        pass
    assert len(caplog.records) == 1
    assert caplog.records[0].levelno == logging.INFO
    assert re.fullmatch(r"anchors source: \d+\.\d ms, CPU \d+\.\d ms",
                        caplog.records[0].getMessage())


def test_a_stage_below_the_level_logs_nothing(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger=log.name)
    with stage(log, "detail", logging.DEBUG):
        pass
    assert caplog.records == []


def test_a_failed_stage_says_so_and_raises(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger=log.name)
    with pytest.raises(KeyError), stage(log, "load target"):
        raise KeyError("x")
    assert re.fullmatch(r"load target: failed after \d+\.\d ms", caplog.records[0].getMessage())
