"""The video bench: a 16-site session on loopback through the eCabinet SFU and two baselines.

Run with `python -m bench.sfu` (part of `make bench`).
"""
