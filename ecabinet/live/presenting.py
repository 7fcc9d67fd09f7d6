"""Presenting: a presenter puts a document's page on every screen (`live.present`); every
viewer's document tab opens and follows the pages. Anyone can step away (turning a page
themselves stops following) and come back with one click on "Follow presenter".

The presenter's own page turns in the viewer move everyone: while following their own
presentation, a page they turn is sent as the new presented page.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from ecabinet.documents.tab import DocumentTab
from ecabinet.live.actions import LiveActions
from ecabinet.live.state import LiveState
from meetings import protocol as p
from meetings import protocol_live as pl

log = logging.getLogger(__name__)

Opener = Callable[[str], Awaitable[DocumentTab | None]]


class PresentationFollower(QObject):
    """Keeps one document tab on the presented page while `following`."""

    following_changed = Signal(bool)
    followed = Signal(int)  # the page shown after following a presentation

    def __init__(
        self, state: LiveState, actions: LiveActions, opener: Opener, parent: QObject | None
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.live = actions
        self.opener = opener
        self.following = True
        self.tab: DocumentTab | None = None
        self._jumping = False
        self._wanted: pl.PresentationView | None = None
        self._applied: pl.PresentationView | None = None  # the last one shown
        self._busy = False
        state.presentation_changed.connect(self.presentation_moved)
        state.loaded.connect(self.presentation_moved)

    @property
    def presentation(self) -> pl.PresentationView | None:
        view = self.state.view
        return view.presentation if view is not None else None

    def set_following(self, following: bool) -> None:
        if following != self.following:
            self.following = following
            self.following_changed.emit(following)
        if following:
            self._applied = None  # come back: show the presented page again
            self.presentation_moved()

    @asyncSlot()
    async def presentation_moved(self) -> None:
        """Follow a presentation that changed (a whole state reloaded with the same one
        changes nothing on screen)."""
        presentation = self.presentation
        if self.following and presentation is not None and presentation != self._applied:
            await self.follow()

    async def follow(self) -> int | None:
        """Open the presented document (if it is not the one shown) and go to its page."""
        self._wanted = self.presentation
        if self._busy:
            return None  # the running follow picks up the latest wish when it ends
        self._busy = True
        try:
            shown: int | None = None
            for _attempt in range(5):  # bounded: a presenter turning pages while we open
                wanted = self._wanted
                if wanted is None or not self.following:
                    break
                tab = await self._tab_for(wanted.document_id)
                if tab is None:
                    break
                self._jumping = True
                try:
                    tab.viewer.go_to_page(wanted.page)
                finally:
                    self._jumping = False
                shown = tab.viewer.current_page
                self._applied = wanted
                if self._wanted == wanted:
                    break
            if shown is not None:
                self.followed.emit(shown)
            return shown
        finally:
            self._busy = False

    async def _tab_for(self, document_id: str) -> DocumentTab | None:
        if self.tab is not None and self.tab.document.id == document_id:
            return self.tab
        self._jumping = True  # loading the document moves its page to the first
        try:
            tab = await self.opener(document_id)
        finally:
            self._jumping = False
        if tab is None:
            return None
        if tab is not self.tab:
            self.tab = tab
            tab.destroyed.connect(self._tab_closed)
            tab.viewer.page_changed.connect(self._page_turned)
            tab.add_bar(FollowBar(self, tab))
        return tab

    def _tab_closed(self, *_: object) -> None:
        """Closing the presented document is stepping away too."""
        self.tab = None
        self._applied = None
        if self.following:
            self.following = False
            self.following_changed.emit(False)

    def _page_turned(self, page: int) -> None:
        presentation = self.presentation
        if self._jumping or self._busy or presentation is None or self.tab is None:
            return
        if self.tab.document.id != presentation.document_id or page == presentation.page:
            return
        if self.following and presentation.presenter_id == self.state.me:
            self._present_page(presentation.document_id, page)
        else:
            self.set_following(False)  # stepped away to read elsewhere

    @asyncSlot(str, int)
    async def _present_page(self, document_id: str, page: int) -> None:
        await self.live.present(document_id, page)


class FollowBar(QWidget):
    """What is presented, and the one-click "Follow presenter" toggle (in the document tab
    and on the live screen alike)."""

    def __init__(self, follower: PresentationFollower, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("followBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#followBar { background: #fff3c4; border-radius: 4px; }")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.follower = follower
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.button = QPushButton()
        self.button.setObjectName("followButton")
        self.button.setCheckable(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 2, 4, 2)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)
        self.button.clicked.connect(lambda checked: follower.set_following(bool(checked)))
        follower.following_changed.connect(lambda _f: self.refresh())
        follower.state.presentation_changed.connect(self.refresh)
        follower.state.loaded.connect(self.refresh)
        self.retranslate()

    def retranslate(self) -> None:
        self.button.setText(self.tr("&Follow presenter"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        presentation = self.follower.presentation
        self.button.setChecked(self.follower.following)
        self.button.setEnabled(presentation is not None)
        if presentation is None:
            self.label.setText(self.tr("Nothing is being presented."))
            return
        view = self.follower.state.view
        names = {a.person_id: a.full_name for a in view.attendance} if view else {}
        presenter = names.get(presentation.presenter_id, "")
        state = (
            self.tr("following")
            if self.follower.following
            else self.tr("you are reading elsewhere")
        )
        if presentation.presenter_id == self.follower.state.me:
            text = self.tr("You present page {0}: the pages you turn are shown to everyone")
            self.label.setText(text.format(presentation.page))
            return
        self.label.setText(
            self.tr("{0} presents page {1} ({2})").format(presenter, presentation.page, state)
        )


class PresentControl(QGroupBox):
    """For presenters: choose a document and a page and put them on every screen."""

    def __init__(
        self,
        state: LiveState,
        actions: LiveActions,
        documents: Callable[[], list[p.DocumentView]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("presentControl")
        self.state = state
        self.live = actions
        self.documents = documents
        self.document = QComboBox()
        self.document.setObjectName("presentDocument")
        self.page = QSpinBox()
        self.page.setRange(1, 1)
        self.present_button = QPushButton()
        self.present_button.setObjectName("presentButton")
        self.stop_button = QPushButton()
        self.stop_button.setObjectName("stopPresentingButton")
        row = QHBoxLayout()
        row.addWidget(self.page)
        row.addWidget(self.present_button, 1)
        row.addWidget(self.stop_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.document)
        layout.addLayout(row)
        self.document.currentIndexChanged.connect(self._document_chosen)
        self.present_button.clicked.connect(self._present)
        self.stop_button.clicked.connect(self._stop)
        state.presentation_changed.connect(self._presentation_moved)
        state.loaded.connect(self._presentation_moved)
        self.reload_documents()
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Present a document"))
        self.page.setPrefix(self.tr("Page "))
        self.present_button.setText(self.tr("&Present on every screen"))
        self.stop_button.setText(self.tr("S&top"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reload_documents(self) -> None:
        chosen = self.document.currentData()
        self.document.blockSignals(True)
        self.document.clear()
        for document in self.documents():
            self.document.addItem(document.title, document.id)
        self.document.blockSignals(False)
        at = self.document.findData(chosen)
        self.document.setCurrentIndex(max(at, 0))
        self._document_chosen()

    def select_document(self, document_id: str) -> None:
        self.document.setCurrentIndex(max(self.document.findData(document_id), 0))

    def _document_chosen(self, *_: object) -> None:
        found = next((d for d in self.documents() if d.id == self.document.currentData()), None)
        self.page.setMaximum(max(1, found.pages if found is not None else 1))
        self.present_button.setEnabled(found is not None)

    def _presentation_moved(self) -> None:
        view = self.state.view
        self.stop_button.setEnabled(view is not None and view.presentation is not None)

    @asyncSlot()
    async def _present(self) -> None:
        document_id = self.document.currentData()
        if document_id:
            await self.live.present(str(document_id), self.page.value())

    @asyncSlot()
    async def _stop(self) -> None:
        await self.live.present(None)
