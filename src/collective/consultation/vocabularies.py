"""Fixed vocabularies: the kinds of consultation, sectors (界别), parties, committees,
adoption degrees, evaluations and the schemes an online link may use.

Values are stable ASCII ids (stored, indexed and used in the REST API); titles are
message ids translated by the gettext catalogs in ``locales/``.
"""

from collective.consultation import _
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

KINDS = (
    ("bimonthly", _("Bimonthly consultation")),  # 双月协商
    ("sectoral", _("Sectoral consultation")),  # 界别协商
    ("counterpart", _("Counterpart consultation")),  # 对口协商
    ("topical", _("Topical consultation")),  # 专题协商
    ("standing_committee", _("Standing committee deliberation")),  # 议政性常委会议
    ("online", _("Online or remote consultation")),  # 网络议政/远程协商
    ("inspection", _("Members' inspection")),  # 委员视察
    ("research", _("Topical research")),  # 专题调研
)

# A member's reply to an invitation (calendar.invitations.ANSWERS), as staff read it.
RSVP_ANSWERS = (
    ("accepted", _("Will attend")),
    ("declined", _("Will not attend")),
    ("leave", _("Asked for leave")),
)

# Attendance as staff mark it (meeting.attendance.STATUSES).
ATTENDANCE_STATUSES = (
    ("present", _("Present")),
    ("leave", _("On leave")),
    ("absent", _("Absent")),
)

SECTORS = (
    ("cpc", _("Communist Party of China")),
    ("rcck", _("Revolutionary Committee of the Chinese Kuomintang")),
    ("cdl", _("China Democratic League")),
    ("cndca", _("China National Democratic Construction Association")),
    ("capd", _("China Association for Promoting Democracy")),
    ("cpwdp", _("Chinese Peasants' and Workers' Democratic Party")),
    ("zgd", _("China Zhi Gong Party")),
    ("jiusan", _("Jiusan Society")),
    ("non_party", _("Non-party personages")),
    ("youth_league", _("Communist Youth League")),
    ("trade_unions", _("Trade unions")),
    ("womens_federation", _("Women's federation")),
    ("science_association", _("Association for science and technology")),
    ("industry_commerce", _("Federation of industry and commerce")),
    ("economy", _("Economic circles")),
    ("agriculture", _("Agricultural circles")),
    ("education", _("Educational circles")),
    ("science_technology", _("Science and technology circles")),
    ("culture_arts", _("Literature and art circles")),
    ("medicine_health", _("Medicine and health circles")),
    ("press_publishing", _("Press and publishing circles")),
    ("social_welfare", _("Social welfare and social security circles")),
    ("ethnic_minorities", _("Ethnic minorities")),
    ("religion", _("Religious circles")),
    ("overseas_chinese", _("Returned overseas Chinese")),
    ("specially_invited", _("Specially invited personages")),
)

PARTIES = (
    ("cpc", _("Communist Party of China")),
    ("rcck", _("Revolutionary Committee of the Chinese Kuomintang")),
    ("cdl", _("China Democratic League")),
    ("cndca", _("China National Democratic Construction Association")),
    ("capd", _("China Association for Promoting Democracy")),
    ("cpwdp", _("Chinese Peasants' and Workers' Democratic Party")),
    ("zgd", _("China Zhi Gong Party")),
    ("jiusan", _("Jiusan Society")),
    ("non_party", _("No party affiliation")),
)

COMMITTEES = (
    ("general_office", _("General office")),
    ("proposals", _("Proposals committee")),
    ("economy", _("Economic committee")),
    ("agriculture", _("Agriculture and rural affairs committee")),
    ("population_environment", _("Population, resources and environment committee")),
    ("education_health", _("Education, science, health and sports committee")),
    ("culture_history", _("Culture, history and study committee")),
    ("social_legal", _("Social and legal affairs committee")),
    ("ethnic_religious", _("Ethnic and religious affairs committee")),
    (
        "overseas",
        _("Hong Kong, Macao, Taiwan, overseas Chinese and foreign affairs committee"),
    ),
)

ADOPTION_DEGREES = (
    ("full", _("Fully adopted")),  # 全部采纳
    ("partial", _("Partly adopted")),  # 部分采纳
    ("reference", _("Kept for reference")),  # 留作参考
)

EVALUATIONS = (
    ("satisfied", _("Satisfied")),  # 满意
    ("basically_satisfied", _("Basically satisfied")),  # 基本满意
    ("dissatisfied", _("Dissatisfied")),  # 不满意
)

MATERIAL_KINDS = (
    ("agenda", _("Agenda")),  # 议程
    ("research_report", _("Research report")),  # 调研报告
    ("speech_material", _("Speech material")),  # 发言材料
    ("reference", _("Reference material")),  # 参阅资料
)

# Who may read a meeting material: the consultation's invitees and staff, or everybody
# once the consultation has been held.
MATERIAL_AUDIENCES = (
    ("invitees", _("Invitees and staff")),
    ("public", _("Everybody, once the consultation is held")),
)

# The links an online consultation may carry: the web, and the meeting clients committees
# use (their links open the client). Nothing else is a link: no javascript:, no data:.
URL_SCHEMES = (
    ("https", _("Web page (https)")),
    ("http", _("Web page (http)")),
    ("wemeet", _("Tencent Meeting")),  # 腾讯会议
    ("dingtalk", _("DingTalk")),  # 钉钉
    ("zoommtg", _("Zoom")),
)


def make_vocabulary(pairs):
    return SimpleVocabulary([SimpleTerm(value, value, title) for value, title in pairs])


def title_of(pairs, value):
    """The (untranslated) title of ``value`` in a fixed vocabulary, or the value."""
    return dict(pairs).get(value, value)


def _factory(pairs):
    vocabulary = make_vocabulary(pairs)

    @provider(IVocabularyFactory)
    def factory(context=None):
        return vocabulary

    return factory


kinds_vocabulary = _factory(KINDS)
sectors_vocabulary = _factory(SECTORS)
parties_vocabulary = _factory(PARTIES)
committees_vocabulary = _factory(COMMITTEES)
adoption_degrees_vocabulary = _factory(ADOPTION_DEGREES)
evaluations_vocabulary = _factory(EVALUATIONS)
url_schemes_vocabulary = _factory(URL_SCHEMES)
material_kinds_vocabulary = _factory(MATERIAL_KINDS)
material_audiences_vocabulary = _factory(MATERIAL_AUDIENCES)
