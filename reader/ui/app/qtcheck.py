"""Check that Qt can start here, name the Debian packages it lacks, install them when allowed."""

from __future__ import annotations

import ctypes
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

# Extra shared libraries to require, separated by spaces or colons: a way to walk the first-run
# path (message, --install) on a machine that has everything (`READER_QT_REQUIRE=libfoo.so.9`).
REQUIRE_ENV = "READER_QT_REQUIRE"

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
    "libxcb-util.so": "libxcb-util1",
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
    "libwayland-cursor.so": "libwayland-cursor0",
    "libwayland-egl.so": "libwayland-egl1",
}

_MISSING = re.compile(
    r"(lib[\w.+-]+?\.so)[.\d]*(?::| =>) (?:cannot open shared object file|not found)"
)
# the platform a display server needs, and the variable that says one is there
_DISPLAY_VARIABLE = {"xcb": "DISPLAY", "wayland": "WAYLAND_DISPLAY"}


class QtUnavailable(Exception):
    """Qt cannot open a window here; the message says why in one line."""


def package_for(library: str) -> str:
    """The Debian package that ships a shared library, or the library's own name."""
    for prefix, package in DEBIAN_PACKAGES.items():
        if library.startswith(prefix):
            return package
    return library


def missing_libraries(text: str) -> list[str]:
    """Shared libraries that an error message or `ldd` output says are missing."""
    return sorted({m.group(1) for m in _MISSING.finditer(text)})


def packages_for(libraries: Sequence[str]) -> list[str]:
    return sorted({package_for(lib) for lib in libraries})


def _pyside_dir() -> Path | None:
    try:
        import PySide6
    except ImportError:
        return None
    return Path(PySide6.__file__).parent


def platforms() -> list[str]:
    """The Qt platform plugins Qt will try, in order (QT_QPA_PLATFORM, else Qt's own default)."""
    chosen = os.environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        return [name.split(":")[0] for name in chosen.split(";") if name]
    if os.environ.get("XDG_SESSION_TYPE") == "wayland" and os.environ.get("WAYLAND_DISPLAY"):
        return ["wayland", "xcb"]  # Qt tries Wayland first in a Wayland session
    return ["xcb"]


def _plugin(platform: str) -> Path | None:
    base = _pyside_dir()
    if base is None:
        return None
    path = base / "Qt" / "plugins" / "platforms" / f"libq{platform}.so"
    return path if path.exists() else None


def _load(path: str) -> str:
    """Load a shared library into this process (as Qt would); the loader's error, or ''."""
    try:
        ctypes.CDLL(path)
    except OSError as exc:
        return str(exc)
    return ""


def _ldd_missing(paths: Sequence[Path]) -> list[str]:
    """Every missing library of these files, through ldd (only run when something is missing)."""
    found: set[str] = set()
    for path in paths:
        try:
            out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            continue
        found.update(missing_libraries(out.stdout + out.stderr))
    return sorted(found)


def required_extra() -> list[str]:
    return [name for name in re.split(r"[\s:]+", os.environ.get(REQUIRE_ENV, "")) if name]


def check(require: Sequence[str] = ()) -> list[str]:
    """The shared libraries Qt lacks here (empty when it can start). In-process and cheap when
    nothing is missing: it imports QtGui and QtWidgets and loads the platform plugin, which
    starting the app does anyway; `require` names extra libraries that must load too."""
    errors = [error for name in require if (error := _load(name))]
    suspects: list[Path] = []
    try:
        from PySide6 import QtGui, QtWidgets
    except ImportError as exc:
        if not missing_libraries(str(exc)):
            raise QtUnavailable(f"Qt could not be imported: {exc}") from exc
        errors.append(str(exc))
        base = _pyside_dir()
        if base is not None:
            suspects += sorted(base.glob("QtWidgets*.so")) + sorted(base.glob("QtGui*.so"))
    else:
        del QtGui, QtWidgets
    plugins = [path for name in platforms() if (path := _plugin(name)) is not None]
    plugin_errors = [error for path in plugins if (error := _load(str(path)))]
    if plugins and len(plugin_errors) == len(plugins):  # Qt needs one plugin that loads
        errors.append(plugin_errors[-1])
        suspects.append(plugins[-1])
    if not errors:
        return []
    return sorted(set(missing_libraries("\n".join(errors))) | set(_ldd_missing(suspects)))


def install_hint(missing: Sequence[str]) -> str:
    return (
        f"Qt cannot start: this machine lacks {', '.join(missing)}; "
        f"install them with: sudo apt-get install {' '.join(packages_for(missing))}"
    )


def require_qt() -> None:
    """Raise QtUnavailable (one line) unless a QApplication can open a window here."""
    missing = check(required_extra())
    if missing:
        raise QtUnavailable(install_hint(missing))
    wanted = [_DISPLAY_VARIABLE.get(name) for name in platforms()]
    if all(wanted) and not any(os.environ.get(str(variable)) for variable in wanted):
        raise QtUnavailable(
            f"no display to open the window on ({' or '.join(map(str, wanted))} is not set); "
            "`reader --help` lists the commands that run without one"
        )


def privilege_prefix() -> list[str] | None:
    """How to run apt-get as root: [] as root, sudo when it needs no password, else None."""
    if os.geteuid() == 0:
        return []
    if shutil.which("sudo") is None:
        return None
    probe = subprocess.run(["sudo", "-n", "true"], capture_output=True, timeout=30)
    return ["sudo", "-n"] if probe.returncode == 0 else None


def install(packages: Sequence[str], prefix: list[str] | None, dry_run: bool = False) -> int:
    """Install Debian packages with apt-get through `prefix`; 0 when done (or, with dry_run,
    when it would run them: the commands are printed instead). Without a way to become root,
    or without apt-get, print the one command to run and return 1."""
    if prefix is None or shutil.which("apt-get") is None:
        print(f"Run:\n    sudo apt-get install {' '.join(packages)}", file=sys.stderr)
        return 1
    commands = [
        [*prefix, "apt-get", "update", "-qq"],
        [*prefix, "apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages],
    ]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in commands:
        print(("would run: " if dry_run else "running: ") + " ".join(command))
        if not dry_run and subprocess.run(command, env=env).returncode != 0:
            print(f"Could not install them; run:\n    sudo apt-get install {' '.join(packages)}",
                  file=sys.stderr)
            return 1
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Exit 0 when Qt can start. Otherwise name the missing libraries and packages and exit 1;
    with --install, install the packages first when root or password-less sudo allows it
    (--dry-run: print the apt-get commands instead of running them)."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        missing = check(required_extra())
    except QtUnavailable as exc:
        print(exc, file=sys.stderr)
        return 1
    if not missing:
        return 0
    packages = packages_for(missing)
    print(f"Qt needs system libraries that this machine lacks: {', '.join(missing)}",
          file=sys.stderr)
    if "--install" not in args:
        print(f"Install them with:\n    sudo apt-get install {' '.join(packages)}",
              file=sys.stderr)
        return 1
    dry_run = "--dry-run" in args
    status = install(packages, privilege_prefix(), dry_run)
    if status or dry_run:
        return status
    # a fresh process: this one has already failed to load the libraries
    return subprocess.run([sys.executable, "-m", "reader.ui.app.qtcheck"]).returncode


if __name__ == "__main__":
    raise SystemExit(main())
