"""Meeting statuses as people read them, in the current language."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from meetings.meeting import MeetingStatus

_NAMES = {
    MeetingStatus.DRAFT: QT_TRANSLATE_NOOP("MeetingStatus", "Draft"),
    MeetingStatus.PUBLISHED: QT_TRANSLATE_NOOP("MeetingStatus", "Published"),
    MeetingStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("MeetingStatus", "In progress"),
    MeetingStatus.ENDED: QT_TRANSLATE_NOOP("MeetingStatus", "Ended"),
    MeetingStatus.ARCHIVED: QT_TRANSLATE_NOOP("MeetingStatus", "Archived"),
}
COLOURS = {
    MeetingStatus.DRAFT: "#8a8f98",
    MeetingStatus.PUBLISHED: "#1f6feb",
    MeetingStatus.IN_PROGRESS: "#d4380d",
    MeetingStatus.ENDED: "#389e0d",
    MeetingStatus.ARCHIVED: "#595959",
}


def status_name(status: MeetingStatus) -> str:
    return QCoreApplication.translate("MeetingStatus", str(_NAMES[status]))
