"""The live meeting in the client: roll call and quorum, the floor, votes, presenting and the
minutes (docs/live-client.md). `state.py` keeps the server's live state current; the widgets
show it by role: the chair's screen, the delegate's panel, the secretary's minutes."""
