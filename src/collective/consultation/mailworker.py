"""The delivery worker: sends what the outbox (mailqueue.py) holds, outside any request.

It runs as a thread in each Zope process whose environment sets
``CONSULTATION_MAIL_WORKER=on`` (``make run``, ``make run-zeo`` and ``make run-relstorage``
write it into zope.conf), or as a process of its own, ``consultation-mail-worker`` (for a
cluster whose instances should only serve pages). Any number of workers may run on one
database: each letter is claimed by one of them.

Each round opens its own connection, and for each site with an outbox sets the site, a
request that makes the URLs the site's public ones (the address it was last queued from),
and the system user; then it sends what is due. A commit that queued mail wakes the worker
of the same process at once; otherwise it looks every ``interval`` seconds.
"""

from AccessControl.SecurityManagement import getSecurityManager
from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import setSecurityManager
from AccessControl.SpecialUsers import system
from collective.consultation import deferredindex
from collective.consultation import logger
from collective.consultation import mailqueue
from urllib.parse import urlsplit
from zope.component.hooks import getSite
from zope.component.hooks import setSite
from zope.globalrequest import getRequest
from zope.globalrequest import setRequest

import os
import socket
import threading
import time
import transaction

ENVIRONMENT_SWITCH = "CONSULTATION_MAIL_WORKER"
INTERVAL = 15.0


def worker_name():
    return f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident()}"


def sites_with_mail(app):
    for site in app.objectValues("Plone Site"):
        if mailqueue.outbox(site) is not None:
            yield site


def _request_for(app, site):
    """A request whose URLs are those the site was last used with."""
    from Testing.makerequest import makerequest

    url = getattr(mailqueue.outbox(site), "site_url", None) or site.absolute_url()
    parts = urlsplit(url)
    default = 443 if parts.scheme == "https" else 80
    wrapped = makerequest(app)
    request = wrapped.REQUEST
    request.setServerURL(
        parts.scheme or "http", parts.hostname or "localhost", parts.port or default
    )
    request.other["VirtualRootPhysicalPath"] = site.getPhysicalPath()
    request._script = [p for p in parts.path.split("/") if p]
    return wrapped, request


def deliver_for_site(app, site, worker, now=None):
    """One site's due mail, as the system user; returns the number of messages sent."""
    wrapped_app, request = _request_for(app, site)
    # Put back what the caller had (the thread has nothing; a test or script has a site).
    old_site, old_request, old_security = getSite(), getRequest(), getSecurityManager()
    setRequest(request)
    setSite(wrapped_app[site.getId()])
    newSecurityManager(None, system)
    try:
        sent, total = -1, 0
        while sent:  # a round claims a batch; go on while batches are delivered
            sent = mailqueue.deliver_due(worker, now=now)
            total += sent
        return total
    finally:
        transaction.abort()
        setSecurityManager(old_security)
        setSite(old_site)
        setRequest(old_request)


def run_once(db, worker=None, now=None):
    """Deliver what is due on every site of ``db`` (``now`` stands in for the clock, in
    tests); returns the number of messages sent."""
    worker = worker or worker_name()
    connection = db.open()
    try:
        app = connection.root()["Application"]
        sites = [site.getId() for site in sites_with_mail(app)]
        transaction.abort()
        return sum(
            deliver_for_site(app, app[site_id], worker, now) for site_id in sites
        )
    finally:
        transaction.abort()
        connection.close()


class WorkerThread(threading.Thread):
    def __init__(self, db, interval=INTERVAL):
        super().__init__(name="consultation-mail-worker", daemon=True)
        self.db, self.interval = db, interval
        self.stopping = threading.Event()

    def run(self):
        logger.info(
            "Mail worker started (every %ss, and after each commit).", self.interval
        )
        while not self.stopping.is_set():
            mailqueue.wake.clear()
            try:
                run_once(self.db)
            except Exception:  # a bad round must not end the worker
                logger.exception("Mail worker round failed; retrying.")
                time.sleep(1)
            mailqueue.wake.wait(self.interval)

    def stop(self):
        self.stopping.set()
        mailqueue.wake.set()


_thread = None
_thread_allowed = True


def no_thread():
    """For scripts that load the site's zope.conf (which asks for the thread) but are not
    the site: a cron job, the worker process itself. Nor do they refresh the catalog in
    a thread (deferredindex.py): they might exit before it ran."""
    global _thread_allowed
    _thread_allowed = False
    deferredindex.no_thread()


def start_with_zope(event):
    """zope.processlifetime's IDatabaseOpenedWithRoot: start the thread if asked to."""
    global _thread
    switch = os.environ.get(ENVIRONMENT_SWITCH, "").lower()
    if not _thread_allowed or switch not in ("1", "on", "true", "yes"):
        return
    if _thread is None or not _thread.is_alive():
        interval = float(os.environ.get(f"{ENVIRONMENT_SWITCH}_INTERVAL", INTERVAL))
        _thread = WorkerThread(event.database, interval)
        _thread.start()
