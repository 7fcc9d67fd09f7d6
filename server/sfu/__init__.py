"""The SFU rooms: one video room per meeting, forwarding what each site's plan needs.

``sfu_of(app)`` gives the server's rooms; ``shutdown(app)`` closes them all.
"""

from server.sfu.rooms import Sfu, configure, sfu_of, shutdown
from server.sfu.settings import SfuSettings

__all__ = ["Sfu", "SfuSettings", "configure", "sfu_of", "shutdown"]
