"""GET <consultation>/++api++/@attendance: each invitee, their answer to the invitation and
the attendance marked (leave pre-filled from the answer), and whether marking is open.
"""

from collective.consultation.meeting import attendance
from dataclasses import asdict
from plone import api
from plone.restapi.services import Service


def attendance_summary(consultation):
    lines = attendance.lines(consultation)
    counts = {
        status: sum(1 for line in lines if line.status == status)
        for status in attendance.STATUSES
    }
    return {
        "@id": f"{consultation.absolute_url()}/@attendance",
        "open": api.content.get_state(consultation) in attendance.MARKABLE_STATES
        and attendance.has_begun(consultation),
        "statuses": list(attendance.STATUSES),
        "counts": dict(
            counts, unmarked=sum(1 for line in lines if line.status is None)
        ),
        "items": [asdict(line) for line in lines],
    }


class AttendanceGet(Service):
    def reply(self):
        return attendance_summary(self.context)
