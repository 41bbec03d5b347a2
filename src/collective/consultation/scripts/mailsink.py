"""A local SMTP server for development: every message it receives is written to
``var/mail/`` as an .eml file, so invitations can be opened in a mail program."""

from aiosmtpd.controller import Controller
from datetime import datetime
from pathlib import Path

import argparse
import asyncio
import itertools
import signal
import threading


class MaildirHandler:
    def __init__(self, folder, delay=0.0):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.counter = itertools.count(1)
        self.delay = delay

    async def handle_DATA(self, server, session, envelope):
        if self.delay:  # a slow server, for tests and benchmarks
            await asyncio.sleep(self.delay)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        path = self.folder / f"{stamp}-{next(self.counter):04d}.eml"
        path.write_bytes(envelope.original_content or envelope.content)
        return "250 Message accepted for delivery"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8025)
    parser.add_argument("--dir", default="var/mail")
    parser.add_argument(
        "--delay",
        type=float,
        default=0.0,
        help="seconds to wait before taking a message",
    )
    args = parser.parse_args(argv)
    controller = Controller(
        MaildirHandler(args.dir, args.delay), hostname=args.host, port=args.port
    )
    controller.start()
    print(f"SMTP sink on {args.host}:{args.port}, writing to {args.dir}", flush=True)
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
