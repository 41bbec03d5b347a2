"""Bar charts as inline SVG, drawn on the server: no script library, nothing fetched, and
every bar is a link to the list of suggestions behind its number."""

from html import escape

BAR_HEIGHT = 22
GAP = 6
LABEL_WIDTH = 190
CHART_WIDTH = 560


def bar_chart(bars, css_class="chart", colour="#2f6fb0"):
    """``bars``: (label, value, url) triples. Returns SVG markup."""
    top = max((value for _label, value, _url in bars), default=0) or 1
    height = len(bars) * (BAR_HEIGHT + GAP) + GAP
    width = CHART_WIDTH - LABEL_WIDTH - 50
    out = [
        f'<svg class="{escape(css_class)}" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {CHART_WIDTH} {height}" width="100%" style="max-width:{CHART_WIDTH}px">'
    ]
    for index, (label, value, url) in enumerate(bars):
        y = GAP + index * (BAR_HEIGHT + GAP)
        length = max(round(width * value / top), 1 if value else 0)
        text_y = y + BAR_HEIGHT * 0.7
        out.append(
            f'<a class="bar" href="{escape(url, quote=True)}" data-label="{escape(label, quote=True)}" data-value="{value}">'
            f"<title>{escape(label)}: {value}</title>"
            f'<text x="{LABEL_WIDTH - 8}" y="{text_y:.1f}" text-anchor="end" font-size="13">{escape(label)}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length}" height="{BAR_HEIGHT}" fill="{colour}" rx="3"/>'
            f'<text x="{LABEL_WIDTH + length + 6}" y="{text_y:.1f}" font-size="13">{value}</text></a>'
        )
    out.append("</svg>")
    return "".join(out)
