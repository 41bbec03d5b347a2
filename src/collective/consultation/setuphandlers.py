"""Install and uninstall steps that GenericSetup XML cannot express."""

from collective.consultation.interfaces import IWholeNumberIndex
from collective.consultation.interfaces import WHOLE_NUMBER_INDEXES
from collective.consultation.members import loginguard
from plone import api
from plone.base.interfaces import INonInstallable
from zope.interface import alsoProvides
from zope.interface import implementer

# Global roles are given to groups, so staff are managed by group membership.
GROUPS = (
    ("consultation-staff", "Committee staff", "专委会工作人员", ("ConsultationStaff",)),
    ("secretariat", "Secretariat", "办公室/提案委", ("Secretariat",)),
    ("committee-members", "Committee members", "政协委员", ()),
)


@implementer(INonInstallable)
class HiddenProfiles:
    def getNonInstallableProfiles(self):
        return ["collective.consultation:uninstall"]

    def getNonInstallableProducts(self):
        return []


def mark_whole_number_indexes(portal):
    """REST queries on these indexes read numbers (services/query.py)."""
    catalog = portal.portal_catalog
    for name in WHOLE_NUMBER_INDEXES:
        index = catalog._catalog.indexes.get(name)
        if index is not None and not IWholeNumberIndex.providedBy(index):
            alsoProvides(index, IWholeNumberIndex)
            index._p_changed = True


def use_workbench(portal):
    """The workbench (工作台) is the site's front page."""
    portal.setLayout("workbench")


def post_install(context):
    use_workbench(api.portal.get())
    loginguard.install(api.portal.get())
    mark_whole_number_indexes(api.portal.get())
    for group_id, title_en, title_zh, roles in GROUPS:
        group = api.group.get(groupname=group_id)
        if group is None:
            api.group.create(
                groupname=group_id,
                title=f"{title_zh} ({title_en})",
                roles=list(roles),
            )
        elif roles:
            api.group.grant_roles(groupname=group_id, roles=list(roles))


def post_uninstall(context):
    portal = api.portal.get()
    loginguard.uninstall(portal)
    if portal.getLayout() == "workbench":
        portal.setLayout(portal.getDefaultLayout())
    for group_id, *_ in GROUPS:
        if api.group.get(groupname=group_id) is not None:
            api.group.delete(groupname=group_id)
