"""GET <consultation>/++api++/@speeches: the speeches this user may see, arranged ones
first in speaking order, each with its speakers, state, place, minutes, responding units
and whether it was delivered; with the deadline for submitting and whether it is open.
"""

from collective.consultation.meeting import speeches
from plone.restapi.serializer.converters import json_compatible
from plone.restapi.services import Service


class SpeechesGet(Service):
    def reply(self):
        return {
            "@id": f"{self.context.absolute_url()}/@speeches",
            "deadline": json_compatible(speeches.deadline_of(self.context)),
            "open": speeches.is_open(self.context),
            "items": [
                {
                    "@id": row["url"],
                    "UID": row["uid"],
                    "title": row["title"],
                    "speakers": row["speakers"],
                    "review_state": row["state"],
                    "position": row["position"],
                    "minutes": row["minutes"],
                    "responding_units": row["responding_units"],
                    "delivered": row["delivered"],
                }
                for row in speeches.rows(self.context)
            ],
        }
