"""`python main.py client [--server URL] [--demo-accounts] [--ward-hall]`: the desktop client's
entry."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from pathlib import Path

import qasync
from PySide6.QtWidgets import QApplication

from ecabinet.call.ward_hall import attach_ward_hall
from ecabinet.core import excepthook
from ecabinet.core.fonts import apply_ui_font, register_fonts
from ecabinet.core.gui_gc import GuiThreadCollector
from ecabinet.core.i18n import Translations
from ecabinet.core.resources import STYLE
from ecabinet.core.settings import Settings
from ecabinet.login.demo_accounts import load_demo_accounts
from ecabinet.net.connection import Connection
from ecabinet.shell.window import MainWindow


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="main.py client", description="eCabinet desktop client")
    parser.add_argument("--server", help="server address, e.g. wss://10.0.0.5:8765/ws")
    parser.add_argument(
        "--fingerprint", help="the server certificate's SHA-256, given out of band: pin it"
    )
    parser.add_argument(
        "--demo-accounts",
        action="store_true",
        help="list the demo city's accounts on the sign-in page",
    )
    parser.add_argument(
        "--ward-hall",
        action="store_true",
        help="ward-hall room PC: join today's video meeting full screen at its start",
    )
    parser.add_argument("--settings", type=Path, help="settings file (default: per user)")
    parser.add_argument("--language", choices=("vi", "en"), help="interface language")
    return parser.parse_args(argv)


def make_application(argv: list[str]) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(["ecabinet", *argv])
    app.setApplicationName("eCabinet")
    app.setOrganizationName("eCabinet")
    return app


def prepare(app: QApplication, settings: Settings) -> Translations:
    """Everything before the first widget: fonts, translators, style."""
    register_fonts()
    apply_ui_font(app, settings.font_size)
    translations = Translations(app)
    translations.switch(settings.language)
    style = STYLE / "ecabinet.qss"
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    return translations


async def run_window(window: MainWindow, app: QApplication) -> None:
    closed = asyncio.Event()
    app.lastWindowClosed.connect(closed.set)
    window.show()
    await closed.wait()
    await window.close_async()


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    app = make_application([])
    settings = Settings(args.settings)
    if args.server:
        settings.server_url = args.server
    if args.fingerprint:
        settings.pin_fingerprint(settings.server_url, args.fingerprint)
    if args.language:
        settings.language = args.language
    translations = prepare(app, settings)
    excepthook.install()
    demo = load_demo_accounts() if args.demo_accounts else []
    collector = GuiThreadCollector(parent=app)
    collector.start()
    try:
        with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
            window = MainWindow(settings, Connection(), demo)
            window.translations = translations
            attach_ward_hall(window, forced=args.ward_hall)  # room accounts get it anyway
            runner.run(run_window(window, app))
    finally:
        collector.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
