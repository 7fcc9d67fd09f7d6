"""The end of a meeting in the tests: the generated minutes and conclusion notice go to their
signers, who sign in turn on their "laptops" with key files of the test PKI."""

from __future__ import annotations

from ecabinet.net.client import Client
from ecabinet.signing import service
from meetings import protocol_signing as ps
from tests.support.pki import LoopbackPki
from tests.support.sign_p12 import sign_p12


async def sign_in_turn(
    pki: LoopbackPki, request: ps.SigningRequestView, signers: dict[str, tuple[Client, str]]
) -> tuple[ps.SigningRequestView, bytes]:
    """Every signer of `request` in order signs with the key of its label (person id →
    client, key label); the completed request and the final file."""
    done = request
    for signer in request.signers:
        client, label = signers[signer.person_id]
        assert [w.id for w in await service.waiting(client)].count(request.id) == 1
        number, current = await service.fetch_revision(client, request.id)
        signed = await sign_p12(
            pki, label, current, signer.field_name, seal=signer.role.value == "seal"
        )
        done = await service.submit(client, request.id, number, signed)
    assert done.status == "completed", done.status
    _, final = await service.fetch_revision(next(iter(signers.values()))[0], request.id)
    return done, final
