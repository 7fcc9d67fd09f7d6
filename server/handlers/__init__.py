"""Request handlers, one module per area; each registers the request types it answers."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel

R = TypeVar("R", bound=BaseModel)
Handler = Callable[..., Awaitable[Any]]
HANDLERS: dict[type[BaseModel], Handler] = {}
PUBLIC: set[type[BaseModel]] = set()  # answered before login
BINARY: set[type[BaseModel]] = set()  # arrive in binary frames; the handler gets the payload


@dataclass(frozen=True, slots=True)
class BinaryReply:
    """A result whose payload travels as bytes in a binary frame."""

    header: BaseModel
    payload: bytes


def handles(
    *types: type[BaseModel], public: bool = False, binary: bool = False
) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        for kind in types:
            HANDLERS[kind] = fn
            if public:
                PUBLIC.add(kind)
            if binary:
                BINARY.add(kind)
        return fn

    return register


def load_all() -> None:
    """Import every handler module so that each registers itself."""
    from server.handlers import (  # noqa: F401
        admin,
        agenda,
        auth,
        call,
        documents,
        live,
        meetings,
        notes,
        signing,
        signing_transfer,
    )
