"""What every wire message is built from: the base models, id and text types, frame limits.

Feature protocols (signing, the video call, the live meeting) define their messages in their own
`meetings/protocol_*.py` modules on top of these; `meetings/protocol.py` joins them all into the
one closed union that is validated on arrival.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

PROTOCOL_VERSION = 1
MAX_CHUNK = 1024 * 1024  # bytes of file data in one binary frame
MAX_TEXT_FRAME = 256 * 1024
MAX_FRAME = MAX_CHUNK + 64 * 1024  # a chunk and its header; larger frames close the connection

Id = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9._:-]+$")]
Text = Annotated[str, Field(max_length=10_000)]
ShortText = Annotated[str, Field(max_length=300)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Request(Model):
    """A client request: every one carries an `id` that its one reply repeats."""

    id: Id
