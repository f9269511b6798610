"""First run: Qt's missing system libraries are named, installed when allowed, never an abort."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from reader.cli import main as reader_main
from reader.ui.app.qtcheck import (
    REQUIRE_ENV,
    QtUnavailable,
    check,
    install,
    main,
    missing_libraries,
    package_for,
    privilege_prefix,
)
from reader.ui.start import run_app

# a real soname no machine has, in the family of a library Qt's xcb plugin needs
ABSENT = "libxcb-cursor.so.99"


def test_missing_libraries_are_read_from_import_errors_and_ldd() -> None:
    error = "ImportError: libEGL.so.1: cannot open shared object file: No such file or directory"
    ldd = "\tlibxcb-cursor.so.0 => not found\n\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6\n"
    assert missing_libraries(error) == ["libEGL.so"]
    assert missing_libraries(ldd) == ["libxcb-cursor.so"]
    assert missing_libraries("all fine") == []


def test_libraries_map_to_their_debian_packages() -> None:
    assert package_for("libEGL.so") == "libegl1"
    assert package_for("libxcb-cursor.so") == "libxcb-cursor0"
    assert package_for("libxkbcommon-x11.so") == "libxkbcommon-x11-0"
    assert package_for("libunknown.so") == "libunknown.so"


def test_this_machine_can_start_qt() -> None:
    assert check() == []
    assert main([]) == 0
    assert main(["--install", "--dry-run"]) == 0  # nothing to install, nothing printed


def test_a_required_library_that_does_not_load_is_named() -> None:
    assert check([ABSENT]) == ["libxcb-cursor.so"]


def test_install_dry_run_prints_the_apt_get_commands(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(REQUIRE_ENV, ABSENT)
    assert main([]) == 1
    assert "sudo apt-get install libxcb-cursor0" in capsys.readouterr().err
    status = main(["--install", "--dry-run"])
    out, err = capsys.readouterr()
    if privilege_prefix() is None:  # neither root nor password-less sudo: the one command
        assert status == 1
        assert "sudo apt-get install libxcb-cursor0" in err
    else:
        assert status == 0
        assert "apt-get update" in out
        assert "apt-get install -y -qq --no-install-recommends libxcb-cursor0" in out


def test_without_a_way_to_become_root_the_one_command_is_printed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert install(["libxcb-cursor0", "libegl1"], None, dry_run=True) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines()[-1].strip() == "sudo apt-get install libxcb-cursor0 libegl1"


def test_the_app_refuses_before_qt_starts(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(REQUIRE_ENV, ABSENT)
    with pytest.raises(QtUnavailable, match="libxcb-cursor0"):
        run_app([])
    assert reader_main([]) == 2
    err = capsys.readouterr().err
    assert err.startswith("reader: Qt cannot start: this machine lacks libxcb-cursor.so;")
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    ("env", "says"),
    [
        ({REQUIRE_ENV: ABSENT}, "sudo apt-get install libxcb-cursor0"),
        ({"QT_QPA_PLATFORM": "xcb", "DISPLAY": "", "WAYLAND_DISPLAY": ""}, ""),
    ],
)
def test_the_reader_command_exits_2_with_one_line_never_a_qt_abort(
    env: dict[str, str], says: str
) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "reader.cli"],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.startswith("reader: ")
    assert proc.stderr.count("\n") == 1
    assert says in proc.stderr
