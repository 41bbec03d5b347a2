"""The workbench (工作台) at the site root leads each role to its work: the tiles they may
open, what waits for them, and the coming (or latest) consultations; the add-on's places are
in the navigation and the sitemap, and 我的履职 heads the personal menu."""

import pytest
import re


def page(session_as, who, path="/"):
    response = session_as(who, api=False).get(path)
    assert response.status_code == 200
    return response.text


def tiles(html):
    return set(re.findall(r'class="tile tile-([a-z]+)"', html))


def todo(html):
    """{key: count} of the strip."""
    return {
        key: int(count)
        for key, count in re.findall(
            r'todo-item todo-([a-z_]+)[^"]*".*?class="todo-count"\s*>(\d+)<', html, re.S
        )
    }


@pytest.mark.parametrize(
    "who,expected",
    [
        ("anonymous", {"programme"}),
        ("member", {"programme", "duties"}),
        ("staff", {"programme", "units", "members"}),
        ("secretary", {"programme", "tracking", "units", "members"}),
        ("manager", {"programme", "tracking", "units", "members"}),
    ],
)
def test_tiles_per_role(session_as, who, expected):
    assert tiles(page(session_as, who)) == expected


def test_what_waits_for_the_secretariat(session_as):
    from conftest import search

    strip = todo(page(session_as, "secretary"))
    submitted = [
        b
        for b in search(portal_type="Suggestion", review_state="submitted")
        if not b.merged_into
    ]
    assert strip["to_submitted"] == len(submitted) > 0
    assert strip["overdue"] > 0 and strip["minutes"] > 0
    assert "invitations" not in strip  # not a member


def test_what_waits_for_a_member(session_as, functional):
    strip = todo(page(session_as, "member"))
    assert set(strip) == {"invitations", "to_rate", "drafts"}
    assert strip["to_rate"] >= 1  # the public-opinion item 游进 has not rated
    assert "to_submitted" not in strip


def test_visitors_see_no_work_and_no_private_places(session_as):
    html = page(session_as, "anonymous")
    assert todo(html) == {}
    assert "/members" not in html and "/units" not in html
    assert "最近的协商活动" in html or "Recent consultations" in html


def test_the_latest_consultations_when_none_is_ahead(session_as):
    html = page(session_as, "anonymous")
    assert (
        "加强地方古籍文献整理保护双月协商会" in html
    )  # 2018-12-20, the latest public one


def test_navigation_and_sitemap(session_as):
    html = page(session_as, "staff")
    nav = html.split('id="portal-globalnav"', 1)[1].split("</ul>", 1)[0]
    for place in ("/2018", "/members", "/units"):
        assert place in nav
    sitemap = page(session_as, "staff", "/sitemap")
    assert "/2018" in sitemap and "/units" in sitemap and "/members" in sitemap
    visitor_nav = page(session_as, "anonymous").split('id="portal-globalnav"', 1)[1]
    assert "/members" not in visitor_nav.split("</ul>", 1)[0]


def test_my_duties_heads_the_personal_menu(session_as):
    html = page(session_as, "member")
    menu = html.split('id="collapse-personaltools"', 1)[1]
    first = re.search(r'href="([^"]+)"', menu).group(1)
    assert first.endswith("/@@my-duties")


@pytest.mark.parametrize(
    "path,state",
    [
        ("/2018/2018-11-15-counterpart", "cancelled"),
        ("/2018/2018-06-28-bimonthly", "minuted"),
        ("/2018/sqmy01", "adopted"),
    ],
)
def test_a_banner_says_what_the_state_means(session_as, path, state):
    html = page(session_as, "staff", path)
    assert f"state-banner state-banner-{state}" in html


def test_a_cancelled_consultation_offers_no_calendar(session_as):
    html = page(session_as, "staff", "/2018/2018-11-15-counterpart")
    assert "add-to-calendar" not in html
    html = page(session_as, "staff", "/2018/2018-06-28-bimonthly")
    assert "add-to-calendar" in html


def test_the_header_names_the_committee(session_as):
    html = page(session_as, "anonymous")
    header = html.split('id="portal-logo"', 1)[1].split("</a>", 1)[0]
    assert "committee-name" in header and "emblem.svg" in header
    assert "plone-logo" not in header
