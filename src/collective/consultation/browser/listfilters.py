"""Filters and export for the lists staff work through (the programme's consultations,
the member directory): each filter is a request parameter that narrows one catalog
index, offered as a select; a bad value answers 400 naming the parameter; ``format=xlsx``
returns the rows as shown. The form is the ``filters`` macro of list_filters.pt."""

from collective.consultation import _
from collective.consultation.reports.writers import XLSX
from collective.consultation.safetext import xlsx_row
from dataclasses import dataclass
from io import BytesIO
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from urllib.parse import urlencode
from zExceptions import BadRequest
from zope.i18n import translate

# Parameters a list's own form adds that are not filters.
NOT_FILTERS = ("format", "_authenticator")


@dataclass(frozen=True)
class Filter:
    name: str  # the request parameter
    title: str  # an i18n message: the select's label
    index: str  # the catalog index it narrows
    pairs: tuple  # (value, i18n title) the select offers
    convert: object = None  # text → the index's value (e.g. "1" → True)

    def value_of(self, text):
        if text in ("", None):
            return None
        if not isinstance(text, str):
            raise BadRequest(f"{self.name}: give one value, not several.")
        if text not in dict(self.pairs):
            allowed = ", ".join(value for value, _title in self.pairs)
            raise BadRequest(f"{self.name}: '{text}' is not one of {allowed}.")
        return self.convert(text) if self.convert else text


class FilteredList:
    """Mixin for a view with ``list_filters`` (a tuple of Filter)."""

    list_filters = ()
    filters_macro = ViewPageTemplateFile("templates/list_filters.pt")

    def chosen(self):
        """{parameter: text} of the filters set in the request, each checked."""
        form = self.request.form
        found = {}
        for one in self.list_filters:
            text = form.get(one.name)
            if one.value_of(text) is not None:
                found[one.name] = text
        return found

    def filter_query(self):
        """The catalog query the chosen filters make."""
        by_name = {one.name: one for one in self.list_filters}
        return {
            by_name[name].index: by_name[name].value_of(text)
            for name, text in self.chosen().items()
        }

    def filter_form(self):
        """What the macro renders: each select with its options (the request's values
        selected as sent: the list itself refuses bad ones)."""
        chosen = self.request.form
        return [
            {
                "name": one.name,
                "title": one.title,
                "options": [
                    {
                        "value": value,
                        "title": translate(title, context=self.request),
                        "selected": _selected(chosen.get(one.name), value),
                    }
                    for value, title in one.pairs
                ],
            }
            for one in self.list_filters
        ]

    def export_url(self):
        """This list with its filters, as a workbook."""
        query = dict(self.chosen(), format="xlsx")
        return f"{self.request['ACTUAL_URL']}?{urlencode(query)}"

    def wants_export(self):
        return self.request.form.get("format") == "xlsx"

    def export(self, sheet_title, header, rows, filename):
        """The rows (lists of plain values) as an .xlsx download."""
        from openpyxl import Workbook
        from openpyxl.styles import Font

        book = Workbook(write_only=True)  # rows stream: memory does not grow with them
        sheet = book.create_sheet(translate(sheet_title, context=self.request)[:31])
        bold = []
        for cell in xlsx_row(
            sheet, [translate(title, context=self.request) for title in header]
        ):
            cell.font = Font(bold=True)
            bold.append(cell)
        sheet.append(bold)
        for row in rows:
            sheet.append(xlsx_row(sheet, row))
        out = BytesIO()
        book.save(out)
        response = self.request.response
        response.setHeader("Content-Type", XLSX)
        response.setHeader("Content-Disposition", f'attachment; filename="{filename}"')
        return out.getvalue()


def _selected(sent, value):
    return value in sent if isinstance(sent, (list, tuple)) else sent == value


YES = (("1", _("Yes")),)
