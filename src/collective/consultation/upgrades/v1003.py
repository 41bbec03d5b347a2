"""1002 → 1003: the workbench (工作台) becomes the site's front page."""

from collective.consultation.setuphandlers import use_workbench
from plone import api


def use_workbench_step(context):
    use_workbench(api.portal.get())
