"""Catalog metadata refreshed after the commit, in a transaction of its own.

A check-in writes one member's mark, and 500 members check in within minutes. If each
request also reindexed the consultation, all of them would rewrite the same catalog record
(its metadata row) and collide: ZODB cannot merge two versions of one record, so Zope
retries and finally answers 500. Here the request only stores what is the member's own;
once it has committed, ``reindex_after_commit`` refreshes the item's metadata in a new
transaction on a connection of its own:

- it reads the newest state, so one refresh covers every mark committed before it; when
  another refresh commits first, this one retries (up to ``ATTEMPTS``) and, having nothing
  left to change, usually writes nothing at all (the catalog writes a row only when it
  differs);
- a refresh that still fails is logged and left to the next one (the next check-in, a
  staff mark, the consultation's next step): the marks themselves are safe, only the
  catalog's copy lags.

Where the site is served (``CONSULTATION_CATALOG_REFRESH=thread`` in zope.conf, written by
``consultation-instance``) a thread of the process does the refreshing: the request
answers as soon as it has committed, and the refreshes of one item asked for within
``COALESCE_SECONDS`` are done once. Elsewhere (tests, scripts) the refresh runs in the
after-commit hook itself, so the next line of code sees it.

Indexes named in ``idxs`` are updated too; metadata always is.
"""

from collective.consultation import logger
from Products.CMFCore.interfaces import ISiteRoot
from ZODB.POSException import ConflictError
from zope.component.hooks import getSite
from zope.component.hooks import setSite

import os
import random
import threading
import time
import transaction

ATTEMPTS = 5
COALESCE_SECONDS = 0.5
ENVIRONMENT_SWITCH = "CONSULTATION_CATALOG_REFRESH"
_PENDING = "collective.consultation.deferredindex"


def reindex_after_commit(obj, idxs=("getId",)):
    """Refresh ``obj``'s catalog metadata (and ``idxs``) once this transaction commits;
    several calls in one transaction refresh it once."""
    # the transaction of the connection the object was read on (a request's, normally)
    jar = obj._p_jar or getSite()._p_jar  # a new object has none of its own yet
    txn = jar.transaction_manager.get()
    try:
        pending = txn.data(_PENDING)
    except KeyError:
        pending = {}
        txn.set_data(_PENDING, pending)
        txn.addAfterCommitHook(_refresh_all, args=(jar.db(), pending))
    path = "/".join(obj.getPhysicalPath())
    pending.setdefault(path, set()).update(idxs)


def _refresh_all(success, db, pending):
    if not success:
        return
    if _thread is not None and _thread.is_alive():
        _thread.add(db, pending)
        return
    for path, idxs in pending.items():
        refresh(db, path, sorted(idxs))


def refresh(db, path, idxs, attempts=ATTEMPTS):
    """Reindex the item at ``path`` in a transaction of its own; True when done.
    Returns the number of conflicts met as ``refresh.conflicts`` (for the benchmark)."""
    manager = transaction.TransactionManager()
    old_site = getSite()
    try:
        for attempt in range(attempts):
            connection = db.open(transaction_manager=manager)
            try:
                manager.begin()
                obj = connection.root()["Application"].unrestrictedTraverse(path, None)
                if obj is None:  # deleted meanwhile: nothing to refresh
                    manager.abort()
                    return True
                site = next(
                    (item for item in obj.aq_chain if ISiteRoot.providedBy(item)), None
                )
                setSite(site)
                catalog = site.portal_catalog
                catalog.catalog_object(obj, path, idxs=list(idxs), update_metadata=1)
                manager.commit()
                return True
            except ConflictError:
                manager.abort()
                refresh.conflicts += 1
                logger.info("Catalog refresh of %s met a conflict; retrying", path)
                time.sleep(random.uniform(0.01, 0.05) * (attempt + 1))
            except Exception:
                manager.abort()
                logger.exception("Refreshing the catalog for %s failed", path)
                return False
            finally:
                connection.close()
        logger.warning(
            "The catalog for %s stays as it was after %d conflicts; the next change "
            "refreshes it.",
            path,
            attempts,
        )
        return False
    finally:
        setSite(old_site)


refresh.conflicts = 0


class RefreshThread(threading.Thread):
    """Refreshes what committed requests asked for, each item once per round."""

    def __init__(self):
        super().__init__(name="consultation-catalog-refresh", daemon=True)
        self.lock = threading.Lock()
        self.wake = threading.Event()
        self.pending = {}  # (db, path) -> index names

    def add(self, db, pending):
        with self.lock:
            for path, idxs in pending.items():
                self.pending.setdefault((db, path), set()).update(idxs)
        self.wake.set()

    def run(self):
        while True:
            self.wake.wait()
            time.sleep(COALESCE_SECONDS)  # let a burst of check-ins gather
            with self.lock:
                batch, self.pending = self.pending, {}
                self.wake.clear()
            for (db, path), idxs in batch.items():
                try:
                    refresh(db, path, sorted(idxs))
                except Exception:  # a bad round must not end the thread
                    logger.exception("Refreshing the catalog for %s failed", path)


_thread = None
_thread_allowed = True


def no_thread():
    """For scripts that load the site's zope.conf but are not the site: they refresh in
    the after-commit hook, before they exit."""
    global _thread_allowed
    _thread_allowed = False


def start_with_zope(event):
    """zope.processlifetime's IDatabaseOpenedWithRoot: start the thread if asked to."""
    global _thread
    if not _thread_allowed or os.environ.get(ENVIRONMENT_SWITCH, "") != "thread":
        return
    if _thread is None or not _thread.is_alive():
        _thread = RefreshThread()
        _thread.start()
        logger.info("Catalog refresh thread started.")
