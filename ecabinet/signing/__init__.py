"""Signing feature of the desktop client: documents waiting for my signature, signing them
with a key file or a token, the signature panel."""
