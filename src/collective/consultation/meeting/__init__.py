"""The day of a consultation: check-in (签到) with its QR code, meeting materials (会议材料)
and speeches (协商发言)."""

# A consultation that has taken place: materials for everybody become public, arranged
# speeches count as delivered, the annual report counts it.
HELD_STATES = ("held", "minuted")
