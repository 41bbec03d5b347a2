"""Check-in (签到) pages: ``@@checkin-code`` for staff, the projector view on the meeting
room's screen (the QR code, which changes every half minute, and the live count; the page
fetches both as JSON without reloading), ``@@checkin`` for the member who scanned it (one
big button: the POST marks them present). Both call meeting/checkin.py, as ``@checkin``
does."""

from collective.consultation import _
from collective.consultation.dates import shown
from collective.consultation.meeting import checkin
from collective.consultation.meeting.attendance import AttendanceError
from collective.consultation.relations import member_of_user
from io import BytesIO
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from urllib.parse import urlencode
from zope.i18n import translate

import json
import segno


class CheckInCode(BrowserView):
    """The projector view: the QR code and the live count, full screen."""

    def __call__(self):
        fmt = self.request.form.get("format")
        self.request.response.setHeader("Cache-Control", "private, no-store")
        if fmt in ("svg", "png"):
            return self.image(fmt)
        if fmt == "json":
            return self.as_json()
        return self.index()

    def qr(self):
        return segno.make(checkin.checkin_url(self.context), error="m")

    def image(self, fmt):
        out = BytesIO()
        if fmt == "svg":
            self.qr().save(out, kind="svg", scale=8, border=2, title="签到")
            content_type = "image/svg+xml"
        else:
            self.qr().save(out, kind="png", scale=12, border=2)
            content_type = "image/png"
        self.request.response.setHeader("Content-Type", content_type)
        return out.getvalue()

    def svg_inline(self):
        """The code drawn in the page itself, sized by the page (no width of its own)."""
        out = BytesIO()
        self.qr().save(
            out, kind="svg", border=2, xmldecl=False, svgns=True, omitsize=True
        )
        return out.getvalue().decode()

    def as_json(self):
        """What the page refreshes: the code and the count."""
        count = checkin.count(self.context)
        self.request.response.setHeader("Content-Type", "application/json")
        return json.dumps(
            {
                "svg": self.svg_inline(),
                "url": checkin.checkin_url(self.context),
                "refresh_seconds": self.refresh_seconds(),
                "count": {
                    "invited": count.invited,
                    "checked_in": count.checked_in,
                    "present": count.present,
                    "leave": count.leave,
                    "missing": len(count.missing),
                },
                "missing": count.missing,
            },
            ensure_ascii=False,
        )

    def refresh_seconds(self):
        """Ask again twice a step, so the screen never shows an expired code; a test may
        ask for a faster round (``?refresh=``, 1 to 60 seconds)."""
        asked = self.request.form.get("refresh", "")
        if isinstance(asked, str) and asked.isdigit() and 1 <= int(asked) <= 60:
            return int(asked)
        return max(checkin.STEP_SECONDS // 2, 5)

    def url(self):
        return checkin.checkin_url(self.context)

    def window(self):
        opens, closes = checkin.window(self.context)
        return {"opens": shown(opens), "closes": shown(closes)}

    def count(self):
        return checkin.count(self.context)

    def page_title(self):
        label = translate(_("Check-in"), context=self.request)
        return f"{self.context.Title()} · {label}"


class CheckIn(BrowserView):
    """签到: the page the code opens on the member's phone."""

    result = None
    error = None

    def __call__(self):
        if api.user.is_anonymous():
            # log in first, then back here with the code
            came_from = (
                f"{self.request['ACTUAL_URL']}?{urlencode({'code': self.code()})}"
            )
            login = api.portal.get().absolute_url() + "/login?"
            self.request.response.redirect(login + urlencode({"came_from": came_from}))
            return ""
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            member = member_of_user(api.user.get_current().getId())
            try:
                self.result = checkin.check_in(
                    self.context, member, self.request.form.get("code")
                )
            except AttendanceError as exc:
                self.error = exc
        return self.index()

    def code(self):
        """The code the page carries on: a fresh screen code becomes a pass, so that the
        member may log in first without the screen's code expiring meanwhile."""
        given = self.request.form.get("code", "")
        if not isinstance(given, str):
            return ""
        if checkin.is_screen_code(self.context, given):
            return checkin.pass_for(self.context)
        return given

    def outcome(self):
        """What the member is told after pressing the button."""
        if self.result is None:
            return None
        if not self.result.first and self.result.status != "present":
            return _("The staff have already marked your attendance.")
        if not self.result.first:
            return _(
                "You had already checked in at ${time}.",
                mapping={"time": shown(self.result.time)},
            )
        if self.result.late:
            return _(
                "Checked in at ${time}, after the start: recorded as late.",
                mapping={"time": shown(self.result.time)},
            )
        return _("Checked in at ${time}.", mapping={"time": shown(self.result.time)})

    def error_text(self):
        if self.error is None:
            return None
        if self.error.field == "time":
            opens, closes = checkin.window(self.context)
            return _(
                "Check-in is open from ${opens} until ${closes}.",
                mapping={"opens": shown(opens), "closes": shown(closes)},
            )
        return ERROR_TEXTS.get(self.error.field, self.error.text(self.request))


# What the member reads when check-in is refused, by the field the core names.
ERROR_TEXTS = {
    "code": _(
        "This check-in code is not this consultation's. Scan the code shown in the meeting room."
    ),
    "consultation": _("Check-in is not open for this consultation."),
    "member": _(
        "You are not on this consultation's list. Ask the staff at the door to admit you."
    ),
}
