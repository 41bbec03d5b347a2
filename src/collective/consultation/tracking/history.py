"""A suggestion's handling timeline (办理过程) as people read it: each step with its time in
the site's zone, the person's name (never a login id) and the comment.

Those who follow the handling (staff, the secretariat, the proposers: the readers of
``@history``) see every step; everybody else sees the public record only: the steps that
moved the suggestion towards its answer and adoption, without comments."""

from collective.consultation.dates import shown
from plone import api

# The steps a visitor of an adopted suggestion may see; withdrawals, declines, reopening
# and the comments of every step stay with those who follow the handling.
PUBLIC_STEPS = ("submit", "refer", "answer", "adopt", "implement")
FULL_HISTORY_PERMISSION = "CMFEditions: Access previous versions"


def person_name(userid, cache=None):
    """The full name of a login, or the empty string: login ids are not shown."""
    cache = {} if cache is None else cache
    if userid not in cache:
        user = api.user.get(userid=userid) if userid else None
        cache[userid] = (user.getProperty("fullname") or "") if user else ""
    return cache[userid]


def may_read_full_history(suggestion):
    return api.user.has_permission(FULL_HISTORY_PERMISSION, obj=suggestion)


def timeline(suggestion, full):
    """The steps, newest first: {transition, time, actor, state, comments}."""
    names = {}
    entries = []
    for entry in reversed(suggestion.workflow_history.get("suggestion_workflow", ())):
        action = entry.get("action")
        if not full and action not in PUBLIC_STEPS:
            continue
        entries.append(
            {
                "transition": action,
                "time": shown(entry["time"]),
                "actor": person_name(entry.get("actor"), names),
                "state": entry.get("review_state"),
                "comments": (entry.get("comments") or "") if full else "",
            }
        )
    return entries
