"""Write the reference files again: `.venv/bin/python -m tests.reference.regenerate`."""

from __future__ import annotations

import sys

from tests.reference.build import HERE, build


def main() -> int:
    files = build()
    kept = {"README.md"}
    for old in HERE.iterdir():
        if old.is_file() and old.suffix != ".py" and old.name not in kept | set(files):
            old.unlink()
            print(f"removed {old.name}")
    for name, data in sorted(files.items()):
        path = HERE / name
        changed = not path.exists() or path.read_bytes() != data
        path.write_bytes(data)
        print(f"{'written  ' if changed else 'unchanged'} {name} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
