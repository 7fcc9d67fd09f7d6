"""The main window: sign-in, the workspace tabs, the connection status."""
