"""The add-on's content types, one module each."""

# portal_type ids (profiles/default/types); the rules of validation.py hold for them
CONTENT_TYPES = frozenset(
    {
        "ConsultationProgramme",
        "Consultation",
        "Suggestion",
        "MemberDirectory",
        "CommitteeMember",
        "UnitDirectory",
        "HandlingUnit",
        "MinutesFile",
        "MeetingMaterial",
        "Speech",
    }
)
