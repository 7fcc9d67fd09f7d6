"""Qt tests of the signing feature run on a qasync loop, like tests/client: Qt, the client
and the real server share one thread."""

from __future__ import annotations

from tests.support.qt import fonts, pytest_asyncio_loop_factories  # noqa: F401
