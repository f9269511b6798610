"""Check that Qt can start here, and name the missing Debian packages when it cannot."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

# shared library (soname prefix) -> Debian package that provides it
DEBIAN_PACKAGES: dict[str, str] = {
    "libGL.so": "libgl1",
    "libEGL.so": "libegl1",
    "libOpenGL.so": "libopengl0",
    "libGLX.so": "libglx0",
    "libxkbcommon.so": "libxkbcommon0",
    "libxkbcommon-x11.so": "libxkbcommon-x11-0",
    "libfontconfig.so": "libfontconfig1",
    "libfreetype.so": "libfreetype6",
    "libglib-2.0.so": "libglib2.0-0",
    "libgthread-2.0.so": "libglib2.0-0",
    "libdbus-1.so": "libdbus-1-3",
    "libX11.so": "libx11-6",
    "libX11-xcb.so": "libx11-xcb1",
    "libxcb.so": "libxcb1",
    "libxcb-cursor.so": "libxcb-cursor0",
    "libxcb-icccm.so": "libxcb-icccm4",
    "libxcb-image.so": "libxcb-image0",
    "libxcb-keysyms.so": "libxcb-keysyms1",
    "libxcb-randr.so": "libxcb-randr0",
    "libxcb-render-util.so": "libxcb-render-util0",
    "libxcb-shape.so": "libxcb-shape0",
    "libxcb-xinerama.so": "libxcb-xinerama0",
    "libxcb-xkb.so": "libxcb-xkb1",
    "libxcb-shm.so": "libxcb-shm0",
    "libxcb-sync.so": "libxcb-sync1",
    "libxcb-xfixes.so": "libxcb-xfixes0",
    "libxcb-render.so": "libxcb-render0",
    "libxcb-glx.so": "libxcb-glx0",
    "libSM.so": "libsm6",
    "libICE.so": "libice6",
    "libXext.so": "libxext6",
    "libXrender.so": "libxrender1",
    "libxshmfence.so": "libxshmfence1",
    "libnss3.so": "libnss3",
    "libasound.so": "libasound2",
    "libwayland-client.so": "libwayland-client0",
}

_MISSING = re.compile(
    r"(lib[\w.+-]+?\.so)[.\d]*(?::| =>) (?:cannot open shared object file|not found)"
)


def package_for(library: str) -> str:
    """The Debian package that ships a shared library, or the library's own name."""
    for prefix, package in DEBIAN_PACKAGES.items():
        if library.startswith(prefix):
            return package
    return library


def missing_libraries(text: str) -> list[str]:
    """Shared libraries that an error message or `ldd` output says are missing."""
    return sorted({m.group(1) for m in _MISSING.finditer(text)})


def _platform_plugin_missing(platform: str) -> list[str]:
    """Libraries the chosen Qt platform plugin needs but cannot find (read with ldd)."""
    try:
        import PySide6
    except ImportError:
        return []
    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / f"libq{platform}.so"
    if not plugin.exists():
        return []
    try:
        out = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return []
    return missing_libraries(out.stdout + out.stderr)


def check() -> list[str]:
    """Return the missing shared libraries (empty when Qt can start)."""
    probe = subprocess.run(
        [sys.executable, "-c", "from PySide6 import QtGui, QtWidgets"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    missing = missing_libraries(probe.stderr) if probe.returncode else []
    platform = os.environ.get("QT_QPA_PLATFORM", "xcb").split(":")[0]
    if not missing and platform == "xcb":
        missing = _platform_plugin_missing("xcb")
    if probe.returncode and not missing:
        sys.stderr.write(probe.stderr)
        raise SystemExit("Qt could not be imported; see the error above.")
    return missing


def main(argv: list[str] | None = None) -> int:
    """Exit 0 when Qt can start; otherwise name the missing packages (`--packages`: only
    their names, one line, for `apt-get install`)."""
    args = sys.argv[1:] if argv is None else argv
    missing = check()
    packages = sorted({package_for(lib) for lib in missing})
    if "--packages" in args:
        print(" ".join(packages))
        return 1 if packages else 0
    if not missing:
        return 0
    print(
        "Qt needs system libraries that this machine lacks: " + ", ".join(missing) + "\n"
        "Install them with:\n    sudo apt-get install " + " ".join(packages),
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
