"""collective.consultation: political-consultation committees on Plone."""

from zope.i18nmessageid import MessageFactory

import logging

PACKAGE_NAME = "collective.consultation"

_ = MessageFactory(PACKAGE_NAME)

logger = logging.getLogger(PACKAGE_NAME)
