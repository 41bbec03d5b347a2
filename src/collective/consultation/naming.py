"""Content created by our code gets its id before it is made. plone.api's create without
an id adds the object under a random id and then renames it after its title; the rename
uncatalogs a path that was never cataloged, which ZCatalog logs as an ERROR, once per
imported suggestion."""

from plone import api
from plone.i18n.normalizer.interfaces import IURLNormalizer
from zope.component import getUtility


def free_id(container, title, fallback):
    """The title as an URL id (Plone's normalizer: 关于… becomes guan-yu-…), unique in
    ``container`` by a -2, -3 … suffix, as Plone's name chooser makes it."""
    base = getUtility(IURLNormalizer).normalize(title or "", max_length=50) or fallback
    candidate, number = base, 1
    while candidate in container or container.checkIdAvailable(candidate) is False:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def create(container, type, title, **fields):
    """api.content.create with the id chosen first (see the module's note)."""
    return api.content.create(
        container=container,
        type=type,
        id=free_id(container, title, type.lower()),
        title=title,
        **fields,
    )
