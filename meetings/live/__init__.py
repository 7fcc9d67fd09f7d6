"""The live meeting: roll call and quorum, the floor, votes, presenting, the current item.

Plain rules with no I/O: every command takes a `LiveState` and returns the new state and the
events that say what changed (see `model.Event`). The server persists and broadcasts them.
"""
