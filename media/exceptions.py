"""Errors raised by the media package."""


class MediaError(Exception):
    """Base class of every error the media package raises on purpose."""


class AiortcIncompatibleError(MediaError):
    """The installed aiortc/aioice no longer has a private part the hooks rely on."""


class ForwardingError(MediaError):
    """A forwarding call named an unknown publisher, subscriber or track."""


class PatternError(MediaError):
    """A decoded picture does not carry a readable synthetic pattern."""
