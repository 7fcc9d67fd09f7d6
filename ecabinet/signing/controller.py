"""The signing feature's logic, without widgets: list what waits for me, sign several
documents with one password or PIN entry, decline, read the signature panel.

It talks to a `SigningView` (a Protocol), so tests can drive it without a window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from ecabinet.net.client import Client, ServerError
from ecabinet.signing import service
from ecabinet.signing.keys import KeyChoice
from meetings import protocol as p
from meetings import protocol_signing as ps
from signing.appearance import PersonAppearance, SealAppearance
from signing.demo_images import demo_seal_png, demo_signature_png
from signing.errors import SigningError
from signing.sign import SignOptions, async_sign_pdf


class SigningView(Protocol):
    async def ask_secret(self, needs: str) -> str | None:
        """The key file's password (`needs` = "password") or the token's PIN ("pin")."""

    def show_error(self, text: str) -> None: ...

    def show_progress(self, done: int, total: int) -> None: ...


class SigningController:
    def __init__(
        self, view: SigningView, client: Callable[[], Client], me: p.PersonView | None
    ) -> None:
        self.view = view
        self.client = client  # the current connection's client (it changes on reconnect)
        self.me = me
        self.tsa_url: str | None = None
        self.waiting: list[ps.SigningRequestView] = []

    async def refresh(self) -> list[ps.SigningRequestView]:
        listing = ps.SigningListView.model_validate(await self.client().call("signing.list"))
        self.tsa_url = listing.tsa_url
        self.waiting = listing.waiting_for_me
        return self.waiting

    def my_field(self, request: ps.SigningRequestView) -> ps.SignerView | None:
        if self.me is None:
            return None
        return next((s for s in request.signers if s.person_id == self.me.id), None)

    async def revision(self, request: ps.SigningRequestView) -> tuple[int, bytes]:
        return await service.fetch_revision(self.client(), request.id)

    async def _organisation(self, request: ps.SigningRequestView) -> str:
        meeting = await self.client().call("meeting.get", meeting_id=request.meeting_id)
        units = await self.client().call("units.list")
        names = {u["id"]: u["name"] for u in units}
        return str(names.get(meeting["organiser_unit_id"], ""))

    async def _options(self, request: ps.SigningRequestView, field: ps.SignerView) -> SignOptions:
        appearance: PersonAppearance | SealAppearance
        if field.role == "seal":
            organisation = await self._organisation(request)
            appearance = SealAppearance(organisation, demo_seal_png(organisation, ""))
        else:
            name = field.full_name or (self.me.full_name if self.me else "")
            # A scanned signature image belongs in the person's profile; until one is set,
            # the drawn stand-in keeps the Decree 30 layout.
            appearance = PersonAppearance(field.title, name, demo_signature_png(name))
        return SignOptions(
            field_name=field.field_name,
            appearance=appearance,
            tsa_url=self.tsa_url,
            seal=field.role == "seal",
        )

    async def sign(
        self, requests: list[ps.SigningRequestView], key: KeyChoice
    ) -> list[ps.SigningRequestView]:
        """Sign each request in turn with one opened key; stops at the first failure and
        says why. Returns the requests as they are after the accepted signatures."""
        if not requests:
            return []
        secret = await self.view.ask_secret(key.needs)
        if secret is None:
            return []
        try:
            opened = key.open(secret)
        except SigningError as exc:
            self.view.show_error(exc.message_vi)
            return []
        done: list[ps.SigningRequestView] = []
        total = len(requests)
        with opened:
            for index, request in enumerate(requests):
                field = self.my_field(request)
                if field is None:
                    continue
                try:
                    number, pdf = await self.revision(request)
                    signed = await async_sign_pdf(pdf, opened, await self._options(request, field))

                    def progress(sent: int, size: int, index: int = index) -> None:
                        self.view.show_progress(index * size + sent, total * size)

                    done.append(
                        await service.submit(
                            self.client(), request.id, number, signed, progress=progress
                        )
                    )
                except SigningError as exc:
                    self.view.show_error(exc.message_vi)
                    break
                except ServerError as exc:
                    self.view.show_error(exc.message_vi)
                    break
        self.view.show_progress(total, total)
        return done

    async def decline(self, request: ps.SigningRequestView, reason: str) -> ps.SigningRequestView:
        return ps.SigningRequestView.model_validate(
            await self.client().call("signing.decline", request_id=request.id, reason=reason)
        )

    async def validate(self, request_id: str) -> ps.ValidationView:
        return ps.ValidationView.model_validate(
            await self.client().call("signing.validate", request_id=request_id)
        )
