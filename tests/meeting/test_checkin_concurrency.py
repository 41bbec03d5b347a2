"""Check-ins of different members at the same time do not collide: each writes its own
member's mark and nothing else, on connections of their own to the same database, and
both commit without a conflict; the catalog's copy of the marks follows after the commit
(deferredindex.py). The same member marked by staff and checking in at once does
conflict: one of the two must be retried, and then the first mark stands."""

from collective.consultation import deferredindex
from collective.consultation.meeting import attendance
from contextlib import contextmanager
from plone import api
from ZODB.POSException import ConflictError
from zope.component.hooks import getSite
from zope.component.hooks import setSite

import pytest
import transaction


@pytest.fixture
def consultation_path(functional, consultation_data):
    """A scheduled consultation with four invitees (their marks made at scheduling)."""
    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        made = api.content.create(
            container=portal["2018"], type="Consultation", **consultation_data
        )
        from z3c.relationfield import RelationValue
        from zope.component import getUtility
        from zope.event import notify
        from zope.intid.interfaces import IIntIds
        from zope.lifecycleevent import ObjectModifiedEvent

        intids = getUtility(IIntIds)
        made.invitees = [
            RelationValue(intids.getId(portal["members"][f"m0{n}"]))
            for n in range(1, 5)
        ]
        notify(ObjectModifiedEvent(made))
        api.content.transition(made, transition="schedule")
    transaction.commit()
    yield "/".join(made.getPhysicalPath())
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(made)
    transaction.commit()


@contextmanager
def another_connection(functional):
    """The database as a second request on another thread (or instance) sees it."""
    db = functional["portal"]._p_jar.db()
    manager = transaction.TransactionManager()
    connection = db.open(transaction_manager=manager)
    old = getSite()
    try:
        app = connection.root()["Application"]
        setSite(app.unrestrictedTraverse(old.getPhysicalPath()))
        yield app, manager
    finally:
        manager.abort()
        connection.close()
        setSite(old)


def uid(functional, member_id):
    return functional["portal"]["members"][member_id].UID()


def test_two_members_check_in_at_once_without_conflict(functional, consultation_path):
    m01, m02 = uid(functional, "m01"), uid(functional, "m02")
    conflicts_before = deferredindex.refresh.conflicts
    with (
        another_connection(functional) as (app1, tm1),
        another_connection(functional) as (app2, tm2),
    ):
        first = app1.unrestrictedTraverse(consultation_path)
        second = app2.unrestrictedTraverse(consultation_path)
        with api.env.adopt_user(username="admin"):
            attendance.record_check_in(first, m01, late=False)
            attendance.record_check_in(second, m02, late=True)
        # both were read before either wrote: in the old layout this was a conflict
        tm1.commit()
        tm2.commit()  # no ConflictError: different members' marks
    transaction.begin()
    portal = functional["portal"]
    consultation = portal.unrestrictedTraverse(consultation_path)
    assert set(attendance.marks(consultation)) == {m01, m02}
    brain = portal.portal_catalog.unrestrictedSearchResults(UID=consultation.UID())[0]
    # the catalog followed after each commit, in transactions of its own
    assert brain.attendance_checkins == {m01: "on_time", m02: "late"}
    assert brain.attendance_marks == {m01: "present", m02: "present"}
    assert deferredindex.refresh.conflicts - conflicts_before <= 1


def test_a_check_in_writes_only_its_members_mark(functional, consultation_path):
    m03 = uid(functional, "m03")
    with another_connection(functional) as (app, manager):
        consultation = app.unrestrictedTraverse(consultation_path)
        with api.env.adopt_user(username="admin"):
            attendance.record_check_in(consultation, m03, late=False)
        connection = consultation._p_jar
        written = list(connection._registered_objects)
        assert [type(obj).__name__ for obj in written] == ["Mark"]
        manager.abort()


def test_staff_and_the_member_at_once_conflict_and_the_first_mark_stands(
    functional, consultation_path
):
    m04 = uid(functional, "m04")
    with (
        another_connection(functional) as (app1, tm1),
        another_connection(functional) as (app2, tm2),
    ):
        first = app1.unrestrictedTraverse(consultation_path)
        second = app2.unrestrictedTraverse(consultation_path)
        with api.env.adopt_user(username="admin"):
            attendance.record_check_in(first, m04, late=False)
            attendance.record_check_in(second, m04, late=True)
        tm1.commit()
        with pytest.raises(ConflictError):
            tm2.commit()
    transaction.begin()
    consultation = functional["portal"].unrestrictedTraverse(consultation_path)
    assert attendance.marks(consultation)[m04]["late"] is False
