"""Login, resuming a session after a reconnect, logout and the caller's own profile."""

from __future__ import annotations

import asyncio
import math
import time
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import Connection as Db

from meetings import protocol as p
from meetings.errors import RateLimited, Unauthenticated
from meetings.people import Person
from server import views
from server.auth import new_token, token_hash
from server.handlers import handles
from server.handlers.common import caller
from server.store import audit_repo, directory_repo
from server.store.clock import now

if TYPE_CHECKING:
    from server.connection import Connection
    from server.state import AppState

WRONG = Unauthenticated("Wrong user name or password.", "Sai tên đăng nhập hoặc mật khẩu.")


@handles(p.Ping, public=True)
async def ping(app: AppState, conn: Connection, request: p.Ping) -> dict[str, str]:
    return {"server_time": now().isoformat()}


@handles(p.Login, public=True)
async def login(app: AppState, conn: Connection, request: p.Login) -> p.LoginResult:
    keys = (f"user:{request.username.lower()}", f"addr:{conn.remote}")
    clock = time.monotonic()
    wait = max(app.throttle.retry_after(key, clock) for key in keys)
    if wait > 0:
        raise RateLimited(
            f"Too many failed logins; try again in {math.ceil(wait)} s.",
            f"Đăng nhập sai quá nhiều lần; thử lại sau {math.ceil(wait)} giây.",
            details={"retry_after": math.ceil(wait)},
        )
    found = await app.store.read(lambda db: directory_repo.person_by_username(db, request.username))
    stored = found[1] if found else None
    # argon2 is deliberately slow: keep it off the event loop.
    ok = await asyncio.get_running_loop().run_in_executor(
        None, app.passwords.verify, stored, request.password
    )
    if not ok or found is None or not found[0].active:
        for key in keys:
            app.throttle.failed(key, time.monotonic())
        await app.store.write(
            lambda db: audit_repo.record(
                db,
                None,
                "auth.login_failed",
                None,
                username=request.username,
                address=conn.remote,
            )
        )
        raise WRONG
    person = found[0]
    for key in keys:
        app.throttle.succeeded(key)
    token, hashed = new_token()
    created = now()
    expires = created + timedelta(seconds=app.config.auth.session_ttl_seconds)

    def record(db: Db) -> None:
        directory_repo.create_session(db, hashed, person.id, created, expires)
        audit_repo.record(db, person.id, "auth.login", None, address=conn.remote)

    await app.store.write(record)
    _attach(app, conn, person, hashed)
    return p.LoginResult(
        token=token, expires_at=expires, person=views.person(person), server_time=created
    )


@handles(p.Resume, public=True)
async def resume(app: AppState, conn: Connection, request: p.Resume) -> p.LoginResult:
    hashed = token_hash(request.token)

    def lookup(db: Db) -> tuple[Person | None, datetime] | None:
        found = directory_repo.session(db, hashed)
        if found is None:
            return None
        return directory_repo.person(db, found[0]), found[1]

    found = await app.store.read(lookup)
    person, expires = found if found is not None else (None, now())
    if person is None or expires <= now():
        raise Unauthenticated(
            "The session has expired; log in again.",
            "Phiên làm việc đã hết hạn, vui lòng đăng nhập lại.",
        )
    if not person.active:
        raise Unauthenticated("Your account is disabled.", "Tài khoản của bạn đã bị khóa.")
    _attach(app, conn, person, hashed)
    return p.LoginResult(
        token=request.token, expires_at=expires, person=views.person(person), server_time=now()
    )


def _attach(app: AppState, conn: Connection, person: Person, hashed: str) -> None:
    app.hub.remove(conn)
    conn.person = person
    conn.token_hash = hashed
    app.hub.add(conn)


@handles(p.Logout)
async def logout(app: AppState, conn: Connection, request: p.Logout) -> dict[str, bool]:
    hashed = conn.token_hash
    person_id = conn.person.id if conn.person else None

    def forget(db: Db) -> None:
        if hashed:
            directory_repo.delete_session(db, hashed)
        audit_repo.record(db, person_id, "auth.logout", None)

    await app.store.write(forget)
    app.hub.remove(conn)
    conn.person = None
    conn.token_hash = None
    return {"ok": True}


@handles(p.GetMe)
async def me(app: AppState, conn: Connection, request: p.GetMe) -> p.PersonView:
    person = await app.store.read(lambda db: caller(db, conn))
    return views.person(person)
