"""eCabinet: `python main.py demo | server | client | admin | sign | verify | pki`."""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0 if argv else 2
    command, rest = argv[0], argv[1:]
    if command == "server":
        from server.cli import main as run

        return run(rest)
    if command == "admin":
        from server.admin_cli import main as run

        return run(rest)
    if command == "demo":
        from server.demo.cli import main as run

        return run(rest)
    if command in ("sign", "verify", "pki"):
        from signing.cli import main as run

        return run([command, *rest])
    print(f"unknown command {command!r}\n{__doc__}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
