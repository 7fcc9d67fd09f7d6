"""Connecting to a server and signing in, with the server certificate pinned on first use."""
