"""Times as the committee reads them: in the site's time zone (Asia/Shanghai)."""

from collective.consultation.language import site_language
from datetime import date
from datetime import datetime
from plone.app.event.base import default_timezone

import pytz


def site_timezone():
    return pytz.timezone(default_timezone() or "Asia/Shanghai")


def this_year():
    """The calendar year now, in the site's zone (the year a page opens on)."""
    return datetime.now(site_timezone()).year


def local_datetime(value):
    """An aware datetime as the site's local 'YYYY-MM-DD HH:MM'."""
    if value is None:
        return ""
    return value.astimezone(site_timezone()).strftime("%Y-%m-%d %H:%M")


def local_time(iso):
    """An ISO time stamp (UTC, as records keep them) as the site's local 'YYYY-MM-DD HH:MM'."""
    if not iso:
        return ""
    return local_datetime(datetime.fromisoformat(iso))


WEEKDAYS = {
    "zh": ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}


def readable(value, language="zh_CN", with_time=True, weekday=False):
    """A date, or an aware datetime in the site's zone, as people read it: 2018年6月28日
    09:00 on a Chinese site, 2018-06-28 09:00 otherwise; with the weekday when asked
    (2018年6月28日（星期四）09:00), as an invitation says it."""
    if value is None:
        return ""
    if hasattr(value, "asdatetime"):  # a Zope DateTime from the catalog
        value = value.asdatetime()
    if hasattr(value, "hour"):
        value = value.astimezone(site_timezone()) if value.tzinfo else value
        clock = value.strftime("%H:%M") if with_time else ""
    else:
        clock = ""
    chinese = language.lower().startswith("zh")
    if chinese:
        day = f"{value.year}年{value.month}月{value.day}日"
    else:
        day = f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
    if weekday:
        name = WEEKDAYS["zh" if chinese else "en"][value.weekday()]
        day = f"{day}（{name}）" if chinese else f"{day} ({name})"
        return f"{day}{clock}" if chinese else f"{day} {clock}".strip()
    return f"{day} {clock}".strip()


def span(start, end, language="zh_CN", weekday=False):
    """From start to end: the day once when both fall on it (2018年6月28日 09:00 – 12:00),
    else both in full."""
    if start is None or end is None:
        return readable(start or end, language, weekday=weekday)
    zone = site_timezone()
    local = [
        v.astimezone(zone) if getattr(v, "tzinfo", None) else v for v in (start, end)
    ]
    first = readable(start, language, weekday=weekday)
    if local[0].date() == local[1].date():
        return f"{first} – {local[1].strftime('%H:%M')}"
    return f"{first} – {readable(end, language, weekday=weekday)}"


def shown_span(start, end, weekday=False):
    """span() in the site's language."""
    return span(start, end, site_language(), weekday)


def shown(value, with_time=True):
    """A time as pages, history and notices show it: in the site's zone and language
    (2018年6月28日 09:00 on a Chinese site). Takes a date, a datetime, a Zope DateTime or
    the ISO text records keep."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value) if value else None
    return readable(value, site_language(), with_time)


def as_day(value):
    """The calendar day of a date, a datetime or a Zope DateTime (catalog metadata)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return value.asdatetime().date() if hasattr(value, "asdatetime") else None
