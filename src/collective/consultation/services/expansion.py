"""The item's summaries as plone.restapi components, like its own ``@workflow`` and
``@actions``: ``GET <consultation>`` names ``@invitations``, ``@attendance``,
``@speeches`` and ``@materials`` under ``@components``, ``GET <suggestion>`` names
``@evaluation``, ``@handling`` and ``@merge``; ``?expand=invitations,attendance`` puts the
summaries themselves in the same answer. Each is offered only to those its own service
lets in (the same permission), and answers exactly what that service answers."""

from collective.consultation.content.consultation import IConsultation
from collective.consultation.content.suggestion import ISuggestion
from collective.consultation.permissions import MANAGE_ATTENDANCE
from collective.consultation.permissions import MANAGE_INVITATIONS
from collective.consultation.services.attendance.get import AttendanceGet
from collective.consultation.services.evaluation.get import EvaluationGet
from collective.consultation.services.handling.get import HandlingGet
from collective.consultation.services.invitations.get import InvitationsGet
from collective.consultation.services.materials.get import MaterialsGet
from collective.consultation.services.merge.get import MergeGet
from collective.consultation.services.speeches.get import SpeechesGet
from plone import api
from plone.restapi.interfaces import IExpandableElement
from zope.component import adapter
from zope.interface import implementer
from zope.interface import Interface

VIEW = "View"


class Summary:
    """One summary: ``name`` (its service is ``@name``), the ``service`` that answers it
    and the ``permission`` that service asks for."""

    name = service = None
    permission = VIEW

    def __init__(self, context, request):
        self.context = context
        self.request = request

    def __call__(self, expand=False):
        if not api.user.has_permission(self.permission, obj=self.context):
            return {}
        link = {"@id": f"{self.context.absolute_url()}/@{self.name}"}
        if not expand:
            return {self.name: link}
        service = self.service()  # as plone.rest makes it, bound to the item
        service.context, service.request = self.context, self.request
        return {self.name: {**link, **service.reply()}}


def summary(name, for_, service, permission=VIEW):
    """The component ``name`` of items providing ``for_``, answered by ``service``."""

    @implementer(IExpandableElement)
    @adapter(for_, Interface)
    class Component(Summary):
        pass

    Component.name, Component.service, Component.permission = name, service, permission
    Component.__name__ = name.capitalize()
    return Component


Invitations = summary("invitations", IConsultation, InvitationsGet, MANAGE_INVITATIONS)
Attendance = summary("attendance", IConsultation, AttendanceGet, MANAGE_ATTENDANCE)
Speeches = summary("speeches", IConsultation, SpeechesGet)
Materials = summary("materials", IConsultation, MaterialsGet)
Evaluation = summary("evaluation", ISuggestion, EvaluationGet)
Handling = summary("handling", ISuggestion, HandlingGet)
Merge = summary("merge", ISuggestion, MergeGet)
