"""Check-in (签到) pages: ``@@checkin-code`` for staff (the QR code to show or print, as SVG
or PNG, and the live count), ``@@checkin`` for the member who scanned it (one big button:
the POST marks them present). Both call meeting/checkin.py, as ``@checkin`` does."""

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

import segno


class CheckInCode(BrowserView):
    """The QR code and the live count, for staff on the meeting's screen."""

    def __call__(self):
        fmt = self.request.form.get("format")
        if fmt in ("svg", "png"):
            return self.image(fmt)
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
        response = self.request.response
        response.setHeader("Content-Type", content_type)
        response.setHeader("Cache-Control", "private, no-store")
        return out.getvalue()

    def svg_inline(self):
        """The code drawn in the page itself (no second request, prints as it shows)."""
        out = BytesIO()
        self.qr().save(out, kind="svg", scale=8, border=2, xmldecl=False, svgns=True)
        return out.getvalue().decode()

    def url(self):
        return checkin.checkin_url(self.context)

    def window(self):
        opens, closes = checkin.window(self.context)
        return {"opens": shown(opens), "closes": shown(closes)}

    def count(self):
        return checkin.count(self.context)


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
        return self.request.form.get("code", "")

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
