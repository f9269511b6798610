"""What the command line imports before it does any work: `reader --help` needs no numpy."""

from __future__ import annotations

import subprocess
import sys

import pytest

# imported only by the work that needs them: help, and the parser every command builds,
# must not wait for them (numpy and scipy alone cost 0.3-0.4 s of a start)
HEAVY = ("numpy", "scipy", "rapidfuzz", "openpyxl", "pyld", "reader.core.store.workspace",
         "reader.core.export.report", "reader.core.align.aligner")


def loaded_after(code: str) -> set[str]:
    """The heavy modules loaded once `code` ran in a fresh interpreter."""
    probe = code + "\nimport sys\nprint(' '.join(m for m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True, timeout=60)
    names = set(done.stdout.split())
    return {h for h in HEAVY if h in names}


def test_building_the_parser_imports_nothing_heavy() -> None:
    assert loaded_after("from reader.cli import build_parser\nbuild_parser()") == set()


@pytest.mark.parametrize("argv", [["--help"], ["align", "--help"], ["export", "--help"],
                                  ["review", "--help"], ["agree", "--help"]])
def test_help_imports_nothing_heavy(argv: list[str]) -> None:
    code = ("import contextlib, io, sys\nfrom reader.cli import main\n"
            f"with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
            f"    main({argv!r})")
    assert loaded_after(code) == set()


def test_align_imports_no_workspace_nor_spreadsheet() -> None:
    # the align JSON renders the one Report, which never needs the workspace to be built
    from reader.resources import CORPUS

    code = ("import contextlib, io\nfrom reader.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    main(['align', {str(CORPUS / 'iraq-assad-lesson.ar.txt')!r}, "
            f"{str(CORPUS / 'iraq-assad-lesson.en.txt')!r}, '--format', 'json'])")
    assert loaded_after(code) == {"numpy", "scipy", "rapidfuzz", "reader.core.export.report",
                                  "reader.core.align.aligner"}


def test_the_console_script_gives_the_collector_back_to_other_commands(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # console() pauses it while the modules load; only align and diverge end with os._exit
    import gc

    from reader.cli import console

    monkeypatch.setattr(sys, "argv", ["reader", "corpus"])
    try:
        assert console() == 0
        assert gc.isenabled()
    finally:
        gc.enable()
    assert capsys.readouterr().out


def test_what_the_aligner_needs_after_the_sides_is_imported_at_the_first_wait() -> None:
    # quick_imports leaves the aligner's and detection's modules (and numpy.ma, which numpy's
    # `unique` imports on its first call) to the first wait for a child: none before it, all
    # after, and each is a module align_pair would import there anyway
    code = ("import sys\nfrom reader.commands.align import AFTER_THE_SIDES, quick_imports\n"
            "from reader.core.idle_work import run_idle_work\nquick_imports()\n"
            "before = [n for n in AFTER_THE_SIDES if n in sys.modules]\nrun_idle_work()\n"
            "print('before', *before)\n"
            "print('missing', *[n for n in AFTER_THE_SIDES if n not in sys.modules])\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=60)
    assert done.stdout.split("\n")[:2] == ["before", "missing"]


def test_every_command_is_listed_by_its_name() -> None:
    from reader.commands import COMMANDS, NAMES, command

    assert [c.NAME for c in COMMANDS] == list(NAMES)
    assert all(name == command(name).NAME for name in NAMES)


def test_a_command_imports_no_other_commands_module() -> None:
    # what every run of `reader align` loads before it forks its second process
    # (align.side_process): the other commands' modules are not needed by either
    code = ("import contextlib, io, sys\nfrom reader.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
            "    main(['align', '--help'])\n"
            "print(' '.join(m for m in sys.modules if m.startswith('reader.commands.')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=60)
    assert set(done.stdout.split()) == {"reader.commands.align", "reader.commands.pair_verdict"}


BLAS = "OPENBLAS_NUM_THREADS"


def _threads_after_numpy(env: dict[str, str]) -> tuple[str, str]:
    """The threads of a process once the console script loaded numpy, and the variable."""
    code = ("from reader import cli\n"
            "cli.main = lambda exit_now: 0\ncli.console()\nimport numpy, os\n"
            "print(open('/proc/self/status').read().split('Threads:')[1].split()[0],"
            f" os.environ.get({BLAS!r}))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=60, env=env)
    threads, value = done.stdout.split()
    return threads, value


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="threads read in /proc")
def test_the_console_script_starts_numpy_without_blas_threads() -> None:
    import os

    env = {k: v for k, v in os.environ.items() if k != BLAS}
    assert _threads_after_numpy(env) == ("1", "1")
    assert _threads_after_numpy({**env, BLAS: "2"})[1] == "2"  # the user's choice stands
