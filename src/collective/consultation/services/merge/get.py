"""GET <suggestion>/++api++/@merge: the lead it was merged into, or the suggestions merged
into it (并案)."""

from collective.consultation.tracking import merge
from plone import api
from plone.restapi.services import Service


def _brief(suggestion):
    return {
        "@id": suggestion.absolute_url(),
        "UID": suggestion.UID(),
        "title": suggestion.title,
        "review_state": api.content.get_state(suggestion),
    }


def lineage(suggestion):
    """The lead and the merged suggestions this user may see."""
    lead, followers = merge.visible_lineage(suggestion)
    return {
        "@id": f"{suggestion.absolute_url()}/@merge",
        "merged_into": _brief(lead) if lead is not None else None,
        "merged": [_brief(one) for one in followers],
    }


class MergeGet(Service):
    def reply(self):
        return lineage(self.context)
