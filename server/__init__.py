"""The eCabinet server: one asyncio process serving the websocket protocol over TLS."""
