"""The suggestion workflow's states in the groups that reports, duty records and duty
scores count (one place for all of them)."""

# Every state, in the order a suggestion goes through them (suggestion_workflow).
ALL = (
    "draft",
    "submitted",
    "referred",
    "answered",
    "adopted",
    "implemented",
    "not_adopted",
    "withdrawn",
)
NOT_MADE = ("draft", "withdrawn")  # not (or no longer) put to the committee
FORWARDED = ("referred", "answered", "adopted", "implemented", "not_adopted")
ANSWERED = ("answered", "adopted", "implemented", "not_adopted")
ADOPTED = ("adopted", "implemented")
