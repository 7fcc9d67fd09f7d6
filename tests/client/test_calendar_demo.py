"""The demo city: the calendar shows its meetings; the Qt models pass qtmodeltester."""

from __future__ import annotations

from datetime import timedelta

from pytestqt.qtbot import QtBot

from ecabinet.agenda.documents_model import DocumentsModel
from ecabinet.agenda.invitees_model import InviteesModel
from ecabinet.agenda.model import AgendaModel
from ecabinet.calendar.week_view import monday_of
from ecabinet.core.meeting_time import meeting_today
from ecabinet.core.settings import Settings
from ecabinet.notes.model import AnnotationListModel
from tests.client.conftest import ServerHandle
from tests.client.harness import close_window, new_window, sign_in
from tests.client.screens import save_screenshot


async def test_calendar_shows_the_demo_meetings(
    qtbot: QtBot, demo: tuple[ServerHandle, str], settings: Settings, qtmodeltester
) -> None:
    server, password = demo
    window = new_window(qtbot, settings)
    await sign_in(qtbot, window, server.url, "diemcau.phucuong", password)
    workspace = window.workspace
    assert workspace is not None
    titles = [
        workspace.list_model.index(r, 1).data() for r in range(workspace.list_model.rowCount())
    ]
    assert len(titles) == 3
    assert all(any(ch in t for ch in "ạảấầậắằặđếềểệốồổộơớờởợưứừửữự") for t in titles)
    qtmodeltester.check(workspace.list_model)

    week = workspace.week
    today_cards = [
        c for c in week.cards if c.meeting_id in {m.id for m in window.store.summaries.values()}
    ]
    assert today_cards, "this week's demo meeting is on the calendar"
    assert week.week_start == monday_of(meeting_today())
    save_screenshot(window, "calendar-week")
    week.next_button.click()
    assert week.week_start == monday_of(meeting_today()) + timedelta(days=7)
    assert week.cards  # next week's ward meeting

    page = await workspace.open_meeting(week.cards[0].meeting_id)
    assert page is not None
    assert page.agenda.rowCount() > 0 and page.invitees.rowCount() > 0
    assert page.documents.rowCount() > 0
    qtmodeltester.check(page.agenda)
    qtmodeltester.check(page.documents)
    qtmodeltester.check(page.invitees)
    save_screenshot(window, "meeting-agenda")

    tab = await workspace.open_document(page.documents.documents[0].id)
    assert tab is not None
    assert tab.viewer.page_count > 0
    qtmodeltester.check(tab.viewer.thumbnails)
    save_screenshot(window, "document-viewer")
    await close_window(window)


def test_empty_models_pass_qtmodeltester(qtmodeltester) -> None:
    for model in (AgendaModel(), DocumentsModel(), InviteesModel(), AnnotationListModel()):
        qtmodeltester.check(model)
