"""GET <site>/++api++/@duty-rules?year=2018: the duty-evaluation rules (考评细则) that hold
for the year, each rule with its title, points and cap.

PATCH <site>/++api++/@duty-rules {"year": 2018, "points": {"absent": -3}, "caps": {...},
"minimum": 10, "absences": 2, "review_day": "10-31", "note": "…"} keeps a version from that
year on, as the rules page does: what the body leaves out stays as it holds for the year,
a cap set to null is no cap. Everything is checked first; a wrong value answers 400
naming the field and nothing is stored."""

from collective.consultation import _
from collective.consultation.errors import check_parameters
from collective.consultation.errors import FieldError
from collective.consultation.members import scoring
from collective.consultation.services.base import json_object
from collective.consultation.validation import parse_year
from plone import api
from plone.restapi.services import Service
from zope.i18n import translate
from zope.interface import alsoProvides

import plone.protect.interfaces

FIELDS = ("year", "points", "caps", "minimum", "absences", "review_day", "note")


def rules_json(year, rules, request):
    return {
        "@id": f"{api.portal.get().absolute_url()}/@duty-rules?year={year}",
        "year": year,
        "version": rules.year,  # the year the rules were saved for (None: the defaults)
        "minimum": rules.minimum,
        "absences": rules.absences,
        "review_day": rules.review_day,
        "note": rules.note,
        "rules": [
            {
                "id": rule.id,
                "title": translate(rule.title, context=request),
                "points": rules.points[rule.id],
                "cap": rules.caps.get(rule.id),
            }
            for rule in scoring.RULES
        ],
    }


class DutyRulesGet(Service):
    def reply(self):
        check_parameters(self.request.form, ("year",))
        year = parse_year(self.request.form.get("year"))
        return rules_json(year, scoring.rules_for(year), self.request)


class DutyRulesPatch(Service):
    def reply(self):
        alsoProvides(self.request, plone.protect.interfaces.IDisableCSRFProtection)
        body = json_object(self.request)
        check_parameters(body, FIELDS)
        year = parse_year(body.get("year"))
        for name in ("points", "caps"):
            if not isinstance(body.get(name, {}), dict):
                raise FieldError(name, _("an object keyed by rule id."))
        now = scoring.rules_for(year)
        rules = scoring.save_rules(
            year,
            {**now.points, **body.get("points", {})},
            {**now.caps, **body.get("caps", {})},
            body.get("minimum", now.minimum),
            body.get("note", now.note) or "",
            body.get("absences", now.absences),
            body.get("review_day", now.review_day),
        )
        return rules_json(year, rules, self.request)
