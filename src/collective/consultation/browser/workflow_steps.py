"""The workflow steps open to the user (召开, 标记为已召开, 审定纪要, 取消 …) as buttons on
the page. Plone offers them only in its toolbar's state menu, which a phone hides: staff
running a consultation from a phone lost every step. The items are Plone's own workflow
menu's, so guards, locks and the CSRF token are decided in one place."""

from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.browsermenu.interfaces import IBrowserMenu
from zope.component import getUtility
from zope.i18n import translate


class WorkflowStepsViewlet(ViewletBase):
    index = ViewPageTemplateFile("templates/workflow_steps.pt")

    def steps(self):
        if api.user.is_anonymous():
            return []
        menu = getUtility(IBrowserMenu, name="plone_contentmenu_workflow")
        # (the menu also holds 高级… and 策略…, which are not steps)
        open_steps = {
            f"workflow-transition-{t['id']}"
            for t in api.portal.get_tool("portal_workflow").getTransitionsFor(
                self.context
            )
        }
        return [
            {
                "id": item["extra"]["id"].replace("workflow-transition-", "", 1),
                "title": translate(item["title"], domain="plone", context=self.request),
                "url": item["action"],
            }
            for item in menu.getMenuItems(self.context, self.request)
            if item["extra"]["id"] in open_steps
        ]
