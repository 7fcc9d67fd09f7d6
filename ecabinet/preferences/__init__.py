"""The settings dialog: language, server, offline cache, font size, forgetting this laptop."""
