"""Catalog queries on the add-on's whole-number indexes (the year) through plone.restapi:
a query string carries text, so ``@search?consultation_year=2018`` asked for the text
"2018" and found nothing. Indexes marked IWholeNumberIndex get a query parser that turns
the text into a number, and answers 400 for text that is not one."""

from collective.consultation import _
from collective.consultation.errors import FieldError
from collective.consultation.interfaces import IWholeNumberIndex
from plone.restapi.search.query import FieldIndexQueryParser
from zope.component import adapter
from zope.interface import Interface


@adapter(IWholeNumberIndex, Interface, Interface)
class WholeNumberQueryParser(FieldIndexQueryParser):
    def parse_query_value(self, query_value):
        if isinstance(query_value, int) and not isinstance(query_value, bool):
            return query_value
        try:
            return int(str(query_value).strip())
        except ValueError:
            # plone.restapi's own QueryParsingError would end as a 500
            raise FieldError(
                self.index.getId(),
                _(
                    "'${value}' is not a whole number.",
                    mapping={"value": str(query_value)},
                ),
            )
