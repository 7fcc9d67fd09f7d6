"""Signature request states and signature verdicts as people read them."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from meetings import protocol_signing as ps
from meetings.signing_flow import RequestStatus

_STATUS = {
    RequestStatus.WAITING: QT_TRANSLATE_NOOP("SigningStatus", "Waiting for signatures"),
    RequestStatus.SIGNING: QT_TRANSLATE_NOOP("SigningStatus", "Being signed"),
    RequestStatus.COMPLETED: QT_TRANSLATE_NOOP("SigningStatus", "Signed by everyone"),
    RequestStatus.DECLINED: QT_TRANSLATE_NOOP("SigningStatus", "Declined"),
    RequestStatus.CANCELLED: QT_TRANSLATE_NOOP("SigningStatus", "Cancelled"),
}
_VERDICT = {
    "valid": QT_TRANSLATE_NOOP("SigningStatus", "Valid"),
    "changed": QT_TRANSLATE_NOOP("SigningStatus", "Document changed after signing"),
    "revoked": QT_TRANSLATE_NOOP("SigningStatus", "Certificate revoked"),
    "untrusted": QT_TRANSLATE_NOOP("SigningStatus", "Certificate not trusted"),
    "invalid": QT_TRANSLATE_NOOP("SigningStatus", "Not valid"),
    "timestamp": QT_TRANSLATE_NOOP("SigningStatus", "Document timestamp"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("SigningStatus", text)


def status_name(status: RequestStatus) -> str:
    return _tr(str(_STATUS[status]))


def verdict(signature: ps.SignatureSummaryView) -> str:
    """One signature's status in a word or two, worst problem first."""
    if signature.tampered or not signature.intact:
        key = "changed"
    elif signature.revoked:
        key = "revoked"
    elif not signature.trusted:
        key = "untrusted"
    elif not signature.ok:
        key = "invalid"
    else:
        key = "valid"
    return _tr(str(_VERDICT[key]))


def timestamp_name() -> str:
    return _tr(str(_VERDICT["timestamp"]))
