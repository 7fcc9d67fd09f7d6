"""eCabinet: `python main.py demo | server | client | admin | sign | verify | pki`."""

from __future__ import annotations

import sys


def demo(argv: list[str]) -> int:
    """The embedded server with the demo city, and the desktop client on it."""
    from server.demo.cli import start

    session = start(argv)
    if session is None:
        return 0
    try:
        from ecabinet.demo_launch import run_demo_client

        return run_demo_client(
            session.server.url,
            session.server.fingerprint,
            headless=session.headless,
            out=session.out,
        )
    finally:
        session.server.stop()


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0 if argv else 2
    command, rest = argv[0], argv[1:]
    if command == "demo":
        return demo(rest)
    if command == "server":
        from server.cli import main as run
    elif command == "admin":
        from server.admin_cli import main as run
    elif command == "client":
        from ecabinet.app import main as run
    elif command in ("sign", "verify", "pki"):
        from signing.cli import main as sign

        return sign([command, *rest])
    else:
        print(f"unknown command {command!r}\n{__doc__}", file=sys.stderr)
        return 2
    return run(rest)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
