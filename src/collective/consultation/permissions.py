"""Permission ids, as registered in permissions.zcml.

Workflows and views refer to these; keep them in one place.
"""

ADD_PROGRAMME = "collective.consultation: Add ConsultationProgramme"
ADD_CONSULTATION = "collective.consultation: Add Consultation"
ADD_SUGGESTION = "collective.consultation: Add Suggestion"
ADD_MEMBER_DIRECTORY = "collective.consultation: Add MemberDirectory"
ADD_COMMITTEE_MEMBER = "collective.consultation: Add CommitteeMember"

# Workflow guards
SCHEDULE_CONSULTATION = "collective.consultation: Schedule consultation"
APPROVE_MINUTES = "collective.consultation: Approve minutes"
SUBMIT_SUGGESTION = "collective.consultation: Submit suggestion"
HANDLE_SUGGESTION = "collective.consultation: Handle suggestion"
PUBLISH_PROGRAMME = "collective.consultation: Publish programme"
MANAGE_INVITATIONS = "collective.consultation: Manage invitations"
VIEW_MINUTES = "collective.consultation: View minutes"
VIEW_REPORTS = "collective.consultation: View reports"
ADD_SPEECH = "collective.consultation: Add Speech"
ADD_MINUTES_FILE = "collective.consultation: Add MinutesFile"
ADD_UNIT_DIRECTORY = "collective.consultation: Add UnitDirectory"
ADD_HANDLING_UNIT = "collective.consultation: Add HandlingUnit"
EVALUATE_SUGGESTION = "collective.consultation: Evaluate suggestion"
# Members' personal data: invitation lists, answers, attendance, contact data (privacy.py)
VIEW_MEMBER_DATA = "collective.consultation: View member data"
MANAGE_ATTENDANCE = "collective.consultation: Manage attendance"
# 考评细则: the secretariat keeps the duty-evaluation rules
MANAGE_DUTY_RULES = "collective.consultation: Manage duty rules"
# 委员账号: the secretariat makes members' logins
MANAGE_MEMBER_ACCOUNTS = "collective.consultation: Manage member accounts"
