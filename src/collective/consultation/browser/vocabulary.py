"""Plone's ``@@getVocabulary`` returns any catalog column a caller names in
``attributes``; the private ones (privacy.py) are dropped for those who may not read
them, as plone.restapi's summaries drop them."""

from collective.consultation.privacy import readable_metadata
from plone.app.content.browser.vocabulary import _parseJSON
from plone.app.content.browser.vocabulary import VocabularyView

import json


class PrivateAwareVocabularyView(VocabularyView):
    def __call__(self):
        attributes = _parseJSON(self.request.get("attributes", ""))
        if isinstance(attributes, str) and attributes:
            attributes = attributes.split(",")
        if attributes:
            # "key:column" asks for a column under another name
            allowed = readable_metadata(a.split(":", 1)[-1] for a in attributes)
            kept = [a for a in attributes if a.split(":", 1)[-1] in allowed]
            self.request.form["attributes"] = json.dumps(kept)
            self.request.other.pop("attributes", None)
        return super().__call__()
