"""The video call: the session (plain asyncio), sources, the mixer and the call view."""
