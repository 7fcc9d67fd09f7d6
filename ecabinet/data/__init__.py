"""What the client knows of the server's data, kept in memory and (encrypted) on disk."""
