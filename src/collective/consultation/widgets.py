"""Form widgets the schemas name (content/ uses them, so they live below it).

Picking members (invitees, proposers): Plone's related-items widget, searching the whole
member directory rather than the folder being edited, each result with its sector and
organisation (the member's description) so that two members with one name are told apart.
The catalog finds a member by name, pinyin and its initials, sector or organisation."""

from plone import api
from plone.app.z3cform.widgets.relateditems import RelatedItemsWidget
from z3c.form.interfaces import IFieldWidget
from z3c.form.widget import FieldWidget
from zope.interface import implementer

RESULT_TEMPLATE = """<script type="text/template" id="member-picker-result">
<div class="pat-relateditems-result member-picker-result">
  <div class="pat-relateditems-result-browse-wrapper">
    <a class="pat-relateditems-result-select<%- selectable ? ' selectable' : '' %>"
       data-path="<%- path %>">
      <div class="pat-relateditems-result-info">
        <span class="pat-relateditems-result-title"><%- Title %></span>
        <span class="pat-relateditems-result-path"><%- Description %></span>
      </div>
    </a>
  </div>
</div>
</script>"""
# A picked member shows as name and sector · organisation, not as a path in the site.
SELECTION_TEMPLATE = """<script type="text/template" id="member-picker-selection">
<div class="pat-relateditems-item member-picker-selection">
  <div class="pat-relateditems-result-info">
    <span class="pat-relateditems-item-title"><%- Title %></span>
    <span class="pat-relateditems-item-path"><%- Description %></span>
  </div>
</div>
</script>"""
# The picker only searches the member directory: Plone's toolbar above it (搜索 | Browse,
# Current path: / members) offers clerks nothing but untranslated words and a site path.
TOOLBAR_TEMPLATE = """<script type="text/template" id="member-picker-toolbar">
<div class="member-picker-toolbar"></div>
</script>"""
ATTRIBUTES = [
    "UID",
    "Title",
    "Description",
    "portal_type",
    "path",
    "getURL",
    "getIcon",
    "is_folderish",
    "review_state",
]


def member_directory_path():
    brains = api.portal.get_tool("portal_catalog")(portal_type="MemberDirectory")
    return brains[0].getPath() if brains else None


class MemberPickerWidget(RelatedItemsWidget):
    def get_pattern_options(self):
        options = super().get_pattern_options()
        options["basePath"] = member_directory_path() or options.get("rootPath", "/")
        options["mode"] = "search"
        options["favorites"] = []
        options["attributes"] = ATTRIBUTES
        options["resultTemplateSelector"] = "#member-picker-result"
        options["selectionTemplateSelector"] = "#member-picker-selection"
        options["toolbarTemplateSelector"] = "#member-picker-toolbar"
        return options

    def render(self):
        return (
            super().render() + RESULT_TEMPLATE + SELECTION_TEMPLATE + TOOLBAR_TEMPLATE
        )


@implementer(IFieldWidget)
def MemberPickerFieldWidget(field, request, extra=None):
    if extra is not None:
        request = extra
    return FieldWidget(field, MemberPickerWidget(request))
