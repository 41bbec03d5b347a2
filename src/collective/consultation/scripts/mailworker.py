"""The mail worker as a process of its own: sends what the sites' outboxes hold.

    consultation-mail-worker --zope-conf instance/etc/zope.conf [--once] [--interval 15]

For ZEO or RelStorage, beside the instances (or instead of their worker threads); with
FileStorage the database allows one process, so there the worker runs as a thread in the
Zope process (``CONSULTATION_MAIL_WORKER=on``, as ``make run`` sets it), or this runs with
``--once`` while the site is stopped. Any number of workers may run: each letter is
claimed by one of them."""

from collective.consultation import mailworker

import argparse
import logging
import signal
import sys
import time


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--zope-conf", default="instance/etc/zope.conf")
    parser.add_argument("--once", action="store_true", help="one round, then exit")
    parser.add_argument("--interval", type=float, default=mailworker.INTERVAL)
    args = parser.parse_args(argv)

    from Zope2.Startup.run import make_wsgi_app

    import Zope2

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    mailworker.no_thread()  # this process is not the site
    make_wsgi_app({}, args.zope_conf)
    db = Zope2.DB
    if args.once:
        sent = mailworker.run_once(db)
        print(f"{sent} messages delivered")
        return 0
    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    try:
        while not stopping:
            mailworker.run_once(db)
            time.sleep(args.interval)
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
