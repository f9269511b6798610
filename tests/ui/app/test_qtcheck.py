"""`make run` names the Debian packages Qt lacks instead of failing with a traceback."""

from __future__ import annotations

from reader.ui.app.qtcheck import main, missing_libraries, package_for


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


def test_this_machine_can_start_qt(capsys) -> None:
    assert main([]) == 0
    assert main(["--packages"]) == 0
    assert capsys.readouterr().out.strip() == ""  # nothing for .ci/run to install
