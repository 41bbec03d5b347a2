"""The overdue rule (逾期): a suggestion waits for its unit's answer past the deadline."""

from collective.consultation.dates import as_day

# Submitted or referred: the unit has not answered yet.
WAITING = ("submitted", "referred")


def is_overdue(brain, today):
    """Waiting for an answer past its deadline. Merged suggestions are chased through their
    lead, so they are never overdue themselves."""
    deadline = as_day(brain.deadline)
    return bool(
        deadline
        and deadline < today
        and brain.review_state in WAITING
        and not brain.merged_into
    )
