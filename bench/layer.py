"""Run a benchmark on the package's test fixture (a real Plone site on a real ZODB), set
up outside pytest."""

from contextlib import contextmanager
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.app.testing.helpers import ploneSite

import os

os.environ.setdefault("zope_i18n_compile_mo_files", "true")


def _set_up(layer, done):
    for base in layer.__bases__:
        _set_up(base, done)
    if layer not in done:
        layer.setUp()
        done.append(layer)


@contextmanager
def plone_site():
    """The fixture's site, as a Manager, committed on exit."""
    from collective.consultation.testing import FIXTURE

    done = []
    _set_up(FIXTURE, done)
    try:
        with ploneSite() as portal:
            setRoles(portal, TEST_USER_ID, ["Manager"])
            yield portal
    finally:
        for layer in reversed(done):
            layer.tearDown()
