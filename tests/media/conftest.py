from collections.abc import Iterator

import pytest
from sfu_peers import Progress

from media import aiortc_hooks
from media.ice import LOOPBACK, apply_host_addresses


@pytest.fixture(autouse=True)
def loopback_only() -> Iterator[None]:
    """Every peer in these tests gathers on 127.0.0.1 only."""
    apply_host_addresses(LOOPBACK)
    yield
    aiortc_hooks.set_host_addresses(None)


@pytest.fixture
def progress() -> Progress:
    return Progress()
