"""Meeting times as the meeting's own clock reads them: Vietnam time (UTC+07:00).

A meeting in Thủ Dầu Một at 14:00+07:00 is "14:00" on every laptop, whatever zone the
laptop's clock is set to (a visitor's laptop, a server image left on UTC). Vietnam keeps no
daylight saving time, so the fixed offset is exact (it is Asia/Ho_Chi_Minh).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

MEETING_ZONE = timezone(timedelta(hours=7), "ICT")


def meeting_time(moment: datetime) -> datetime:
    """`moment` on the meeting's clock (+07:00); a naive time is refused, not guessed."""
    if moment.tzinfo is None:
        raise ValueError(f"a meeting time needs its offset: {moment.isoformat()}")
    return moment.astimezone(MEETING_ZONE)


def meeting_today(now: datetime | None = None) -> date:
    """Today's date in Vietnam (what "this week" means to the people in the hall)."""
    return (now or datetime.now(MEETING_ZONE)).astimezone(MEETING_ZONE).date()


def at_meeting_clock(day: date, clock: time) -> datetime:
    """A date and a wall-clock time in Vietnam, as an aware datetime (+07:00)."""
    return datetime.combine(day, clock, tzinfo=MEETING_ZONE)
