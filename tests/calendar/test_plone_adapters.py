"""Plone's own calendar views serve the add-on's calendar: ``@@ics_view`` on a programme
and on a consultation, and a collection of consultations, answer what ``@ical`` answers
(the same UIDs, sequences, Chinese text and, for staff only, the attendees)."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

import icalendar
import pytest
import transaction
import vobject

CONSULTATION = "/2018/2018-06-28-bimonthly"


def events_of(text):
    """{UID: VEVENT}, after checking that a second parser reads the calendar too."""
    assert list(vobject.readComponents(text))
    calendar = icalendar.Calendar.from_ical(text)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def same_events(plone_view, ical):
    assert plone_view.keys() == ical.keys()
    for uid, event in ical.items():
        for name in ("SUMMARY", "SEQUENCE", "STATUS", "DTSTART", "LOCATION"):
            assert plone_view[uid].get(name) == event.get(name), (uid, name)


@pytest.fixture
def page(session_as):
    """The Classic UI's view (not ++api++) for one of the test logins."""
    return lambda who: session_as(who, api=False)


class TestIcsView:
    def test_programme_ics_view_is_the_programme_feed(self, page, session_as):
        plone_view = page("anonymous").get("/2018/@@ics_view")
        assert plone_view.status_code == 200
        assert plone_view.headers["Content-Type"].startswith("text/calendar")
        ours = session_as("anonymous").get("/2018/@ical")
        plone_events, our_events = events_of(plone_view.text), events_of(ours.text)
        assert len(plone_events) == 31  # the draft is not public
        same_events(plone_events, our_events)
        assert any(
            str(e["SUMMARY"]) == "幕阜山片区农村安全饮水双月协商会"
            for e in plone_events.values()
        )

    def test_consultation_ics_view_names_attendees_for_staff_only(self, page):
        staff = events_of(page("staff").get(f"{CONSULTATION}/@@ics_view").text)
        (event,) = staff.values()
        assert str(event["SUMMARY"]) == "幕阜山片区农村安全饮水双月协商会"
        assert str(event["ORGANIZER"]).startswith("mailto:")
        assert len(event["ATTENDEE"]) > 1
        for who in ("anonymous", "member"):
            response = page(who).get(f"{CONSULTATION}/@@ics_view")
            assert response.status_code == 200
            (seen,) = events_of(response.text).values()
            assert "ATTENDEE" not in seen
            assert seen["UID"] == event["UID"]


class TestCollection:
    @pytest.fixture
    def collection(self, functional):
        portal = functional["portal"]
        with api.env.adopt_roles(["Manager"]):
            found = api.content.create(
                container=portal,
                type="Collection",
                id="bimonthly",
                title="双月协商",
                query=[
                    {
                        "i": "portal_type",
                        "o": "plone.app.querystring.operation.selection.any",
                        "v": ["Consultation"],
                    },
                    {
                        "i": "consultation_kind",
                        "o": "plone.app.querystring.operation.selection.any",
                        "v": ["bimonthly"],
                    },
                ],
            )
            api.content.transition(found, "publish")
        transaction.commit()
        yield found
        with api.env.adopt_roles(["Manager"]):
            api.content.delete(found)
        transaction.commit()

    def test_collection_of_consultations_carries_their_events(
        self, collection, page, request_factory
    ):
        response = page("anonymous").get("/bimonthly/@@ics_view")
        assert response.status_code == 200
        plone_events = events_of(response.text)
        manager = request_factory(basic_auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD))
        ours = events_of(manager.get("/2018/@ical").text)
        bimonthly = {
            uid: event
            for uid, event in ours.items()
            if "双月协商" in str(event["SUMMARY"])
        }
        assert bimonthly and set(bimonthly) <= set(plone_events)
        for uid, event in bimonthly.items():
            assert plone_events[uid]["SUMMARY"] == event["SUMMARY"]
            assert plone_events[uid]["SEQUENCE"] == event["SEQUENCE"]
            assert "ATTENDEE" not in plone_events[uid]
