"""Times as the committee reads them: in the site's time zone (Asia/Shanghai)."""

from plone.app.event.base import default_timezone

import pytz


def site_timezone():
    return pytz.timezone(default_timezone() or "Asia/Shanghai")


def local_datetime(value):
    """An aware datetime as the site's local 'YYYY-MM-DD HH:MM'."""
    if value is None:
        return ""
    return value.astimezone(site_timezone()).strftime("%Y-%m-%d %H:%M")


def local_time(iso):
    """An ISO time stamp (UTC, as records keep them) as the site's local 'YYYY-MM-DD HH:MM'."""
    if not iso:
        return ""
    from datetime import datetime

    return local_datetime(datetime.fromisoformat(iso))
