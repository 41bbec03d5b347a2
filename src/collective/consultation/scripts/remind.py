"""Send the overdue reminders (催办) for the site: each unit gets its suggestions past their
answer deadline, the secretariat a digest. Meant for cron, once a working day:

    consultation-remind --zope-conf instance/etc/zope.conf [--today 2018-12-01]

With FileStorage, run it while the server is stopped (or POST to ``@reminders`` on the
running site instead); with ZEO or RelStorage, any time."""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SpecialUsers import system
from collective.consultation import mailworker
from datetime import date
from Testing.makerequest import makerequest
from zope.globalrequest import setRequest

import argparse
import sys
import transaction


def parse_today(value):
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"--today: '{value}' is not a date like 2018-12-01"
        )


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--zope-conf", default="instance/etc/zope.conf")
    parser.add_argument("--site", default="Plone")
    parser.add_argument(
        "--today",
        type=parse_today,
        default=None,
        help="the day to count deadlines from (default: today)",
    )
    args = parser.parse_args(argv)

    from Zope2.Startup.run import make_wsgi_app

    import Zope2

    mailworker.no_thread()  # this process is not the site
    make_wsgi_app({}, args.zope_conf)
    app = makerequest(Zope2.app())
    setRequest(app.REQUEST)
    if args.site not in app.objectIds():
        print(f"No site '{args.site}' in this database.", file=sys.stderr)
        return 2
    site = app[args.site]

    from collective.consultation.tracking.reminders import send_reminders
    from zope.component.hooks import setSite

    setSite(site)
    newSecurityManager(None, system)  # a cron job: no login, the script is trusted
    outcome = send_reminders(args.today)
    transaction.get().note(f"Overdue reminders for {outcome.today.isoformat()}")
    transaction.commit()
    print(f"{outcome.today.isoformat()}: {outcome.overdue} overdue suggestions")
    for name, count, _letter in outcome.units:
        print(f"  {name}: {count} queued")
    for name in outcome.unregistered:
        print(f"  {name}: not in the unit directory, not reminded")
    if outcome.digest:
        print("  digest queued")
    # The reminders are in the outbox: the mail worker sends them (docs/how-to/mail.md).
    return 0


if __name__ == "__main__":
    sys.exit(main())
