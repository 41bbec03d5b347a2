"""Where each type may be added, and the rules on field values."""

from collective.consultation import validation
from collective.consultation.content.consultation import IConsultation
from collective.consultation.content.programme import IConsultationProgramme
from collective.consultation.validation import parse_guest
from plone import api
from zope.interface import Invalid

import pytest

ALL_TYPES = {
    "ConsultationProgramme",
    "Consultation",
    "Suggestion",
    "MemberDirectory",
    "CommitteeMember",
}


def addable(container):
    return {fti.getId() for fti in container.allowedContentTypes()} & ALL_TYPES


class TestWhereTypesBelong:
    def test_site_root(self, manager):
        assert addable(manager) == {"ConsultationProgramme", "MemberDirectory"}

    def test_programme(self, manager, programme):
        assert addable(programme) == {"Consultation", "Suggestion"}

    def test_consultation(self, manager, programme):
        consultation = programme["2018-06-28-bimonthly"]
        assert addable(consultation) == {"Suggestion"}
        assert "File" in {fti.getId() for fti in consultation.allowedContentTypes()}

    def test_member_directory(self, manager, members):
        assert addable(members) == {"CommitteeMember"}

    def test_plain_folder_takes_none(self, manager):
        folder = api.content.create(container=manager, type="Folder", id="f", title="F")
        assert addable(folder) == set()

    @pytest.mark.parametrize(
        "where,portal_type",
        [
            ("root", "Consultation"),
            ("root", "Suggestion"),
            ("root", "CommitteeMember"),
            ("programme", "ConsultationProgramme"),
            ("programme", "CommitteeMember"),
            ("consultation", "Consultation"),
            ("directory", "Suggestion"),
        ],
    )
    def test_refused_elsewhere(self, manager, where, portal_type):
        container = {
            "root": manager,
            "programme": manager["2018"],
            "consultation": manager["2018"]["2018-06-28-bimonthly"],
            "directory": manager["members"],
        }[where]
        with pytest.raises(ValueError):
            container.invokeFactory(portal_type, "x", title="x")

    def test_staff_may_add_programmes_but_not_directories(self, portal, as_user):
        as_user("staff")
        assert addable(portal) == {"ConsultationProgramme"}

    def test_members_may_not_add_programmes(self, portal, as_user):
        as_user("youjin")
        assert addable(portal) == set()


class TestValidation:
    @pytest.mark.parametrize("year", [1948, 2101, -5])
    def test_year_outside_range(self, year):
        with pytest.raises(validation.YearOutOfRange):
            IConsultationProgramme["year"].validate(year)

    @pytest.mark.parametrize("year", [1949, 2018, 2100])
    def test_year_inside_range(self, year):
        IConsultationProgramme["year"].validate(year)

    def test_sectoral_needs_sector(self):
        errors = validation.kind_errors("sectoral", None, [])
        assert [name for name, _ in errors] == ["sector"]

    def test_counterpart_needs_units(self):
        errors = validation.kind_errors("counterpart", None, ["  "])
        assert [name for name, _ in errors] == ["counterpart_units"]

    def test_other_kinds_need_neither(self):
        assert validation.kind_errors("bimonthly", None, []) == []

    def test_invariant_on_the_schema(self):
        class Data:
            kind = "sectoral"
            sector = None
            counterpart_units = []

        with pytest.raises(Invalid) as info:
            IConsultation.validateInvariants(Data())
        assert "Sector" in str(info.value)

    def test_end_before_start(self, consultation_data):
        start, end = consultation_data["start"], consultation_data["end"]
        assert validation.start_end_errors(end, start)[0][0] == "end"
        assert validation.start_end_errors(start, end) == []

    @pytest.mark.parametrize(
        "line",
        [
            "张三 | 市文旅局 | not-an-email",
            " | 市文旅局 | a@example.org",
            "a | b | c@example.org | d",
        ],
    )
    def test_bad_guest(self, line):
        with pytest.raises(validation.InvalidGuest):
            IConsultation["guests"].validate([line])

    def test_good_guest(self):
        line = "张三 ｜ 市文化和旅游局 ｜ zhang@example.org"
        IConsultation["guests"].validate([line])
        assert parse_guest(line) == {
            "name": "张三",
            "organisation": "市文化和旅游局",
            "email": "zhang@example.org",
        }

    def test_guest_without_email(self):
        IConsultation["guests"].validate(["李四 | 湖北科技学院"])


class TestIndexing:
    def test_suggestion_carries_consultation_data(self, manager, programme):
        from conftest import search

        suggestion = programme["2018-06-28-bimonthly"]["s009"]
        brain = search(UID=suggestion.UID())[0]
        assert brain.consultation_year == 2018
        assert brain.consultation_kind == "bimonthly"
        assert brain.consultation_title == "幕阜山片区农村安全饮水双月协商会"
        assert brain.public_opinion is False
        assert brain.proposer_names

    def test_moving_a_consultation_updates_its_suggestions(self, manager, programme):
        from conftest import search
        from datetime import timedelta
        from zope.event import notify
        from zope.lifecycleevent import ObjectModifiedEvent

        consultation = programme["2018-06-28-bimonthly"]
        consultation.start = consultation.start + timedelta(days=365)
        consultation.end = consultation.end + timedelta(days=365)
        consultation.kind = "topical"
        notify(ObjectModifiedEvent(consultation))
        consultation.reindexObject()
        years = {
            b.consultation_year for b in search(consultation_uid=consultation.UID())
        }
        kinds = {
            b.consultation_kind
            for b in search(
                consultation_uid=consultation.UID(), portal_type="Suggestion"
            )
        }
        assert years == {2019}  # its suggestions' and its speeches'
        assert search(consultation_uid=consultation.UID(), portal_type="Speech")
        assert kinds == {"topical"}

    def test_year_is_local(self, manager, programme, consultation_data):
        from conftest import search
        from datetime import datetime

        import pytz

        tz = pytz.timezone("Asia/Shanghai")
        consultation = api.content.create(
            container=programme,
            type="Consultation",
            **{
                **consultation_data,
                "start": tz.localize(
                    datetime(2019, 1, 1, 7, 0)
                ),  # 2018-12-31 23:00 UTC
                "end": tz.localize(datetime(2019, 1, 1, 9, 0)),
            },
        )
        assert search(UID=consultation.UID())[0].consultation_year == 2019

    def test_public_opinion_item(self, manager, programme):
        from conftest import search

        brains = search(portal_type="Suggestion", public_opinion=True)
        assert len(brains) == 21
        assert {b.consultation_year for b in brains} == {2018}
