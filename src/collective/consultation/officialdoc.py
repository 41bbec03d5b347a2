"""The official document layout that the minutes, the annual report and the duty dossiers
share: A4 with the margins of GB/T 9704-2012 (top 37 mm, bottom 35 mm, left 28 mm,
right 26 mm), the title in 方正小标宋简体 二号, headings in 黑体, the body in 仿宋_GB2312 三号 at
22 lines a page, and page numbers "— N —" in the footer. East Asian fonts are set on styles
and runs (w:eastAsia) so Word and LibreOffice use the Chinese face; an English document
uses Times New Roman throughout."""

from collective.consultation.safetext import xml_safe
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.enum.text import WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.shared import Pt
from io import BytesIO

# GB/T 9704-2012 sizes: 二号 22 pt, 三号 16 pt, 四号 14 pt.
TITLE_SIZE, BODY_SIZE, FOOTER_SIZE = Pt(22), Pt(16), Pt(14)
LINE = Pt(28.95)  # 22 lines in the 225 mm type area
TABLE_SIZE, LIST_SIZE = Pt(12), Pt(10.5)  # 小四 in tables, 五号 in long lists
TABLE_STYLE = "Table Text"

FONTS = {
    "zh": {
        "title": "方正小标宋简体",
        "heading": "黑体",
        "body": "仿宋_GB2312",
        "latin": "Times New Roman",
    },
    "en": {
        "title": "Times New Roman",
        "heading": "Times New Roman",
        "body": "Times New Roman",
        "latin": "Times New Roman",
    },
}
CHINESE_NUMBERS = "一二三四五六七八九十"


def _set_fonts(element_font, rpr, name, latin, size, bold=False):
    # Attributes written straight onto w:rFonts: python-docx's font.name setter does the
    # same work again, and this runs for every run of the document.
    fonts = rpr.get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), name)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    if size is not None:
        element_font.size = size
    if bold:
        element_font.bold = True


class OfficialDocument:
    """A .docx with the page, fonts and footer of GB/T 9704; minutes and reports write
    their paragraphs and tables into it."""

    def __init__(self, language="zh_CN", landscape=False):
        self.language = language
        self.chinese = language.lower().startswith("zh")
        self.fonts = FONTS["zh" if self.chinese else "en"]
        self.document = Document()
        self._page(landscape)
        self._styles()

    # --- page and styles -----------------------------------------------------------

    def _page(self, landscape):
        section = self.document.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(37), Mm(35)
        section.left_margin, section.right_margin = Mm(28), Mm(26)
        if landscape:  # a wide table (横排表格): the page and its margins turned
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = Mm(297), Mm(210)
            section.top_margin, section.bottom_margin = Mm(28), Mm(26)
            section.left_margin, section.right_margin = Mm(37), Mm(35)
        section.footer_distance = Mm(
            28
        )  # the page number sits 7 mm below the type area
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        self.run(footer, "— ", "body", FOOTER_SIZE)
        self._page_field(footer)
        self.run(footer, " —", "body", FOOTER_SIZE)

    def _styles(self):
        normal = self.document.styles["Normal"]
        _set_fonts(
            normal.font,
            normal.element.get_or_add_rPr(),
            self.fonts["body"],
            self.fonts["latin"],
            BODY_SIZE,
        )
        normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        normal.paragraph_format.line_spacing = LINE
        normal.paragraph_format.space_before = Pt(0)
        normal.paragraph_format.space_after = Pt(0)
        normal.paragraph_format.first_line_indent = Pt(
            32
        )  # body paragraphs: two characters
        # Table text: no indent and single spacing, or a cell of a narrow column takes
        # a line of 29 pt per two characters.
        cells = self.document.styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        cells.base_style = normal
        cells.paragraph_format.first_line_indent = Pt(0)
        cells.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
        cells.paragraph_format.space_before = Pt(1)
        cells.paragraph_format.space_after = Pt(1)

    def run(self, paragraph, text, face, size, bold=False):
        run = paragraph.add_run(xml_safe(text))
        # The body size comes from the Normal style; other sizes are set on the run.
        _set_fonts(
            run.font,
            run._element.get_or_add_rPr(),
            self.fonts[face],
            self.fonts["latin"],
            None if size == BODY_SIZE else size,
            bold,
        )
        return run

    def _page_field(self, paragraph):
        run = self.run(paragraph, "", "body", FOOTER_SIZE)
        for kind, text in (
            ("begin", None),
            (None, " PAGE "),
            ("separate", None),
            (None, "1"),
            ("end", None),
        ):
            if kind:
                char = OxmlElement("w:fldChar")
                char.set(qn("w:fldCharType"), kind)
                run._element.append(char)
            elif text.strip() == "PAGE":
                instruction = OxmlElement("w:instrText")
                instruction.set(qn("xml:space"), "preserve")
                instruction.text = text
                run._element.append(instruction)
            else:
                value = OxmlElement("w:t")
                value.text = text
                run._element.append(value)

    # --- blocks -------------------------------------------------------------------------

    def paragraph(
        self, text, face="body", size=BODY_SIZE, align=None, indent=True, bold=False
    ):
        paragraph = self.document.add_paragraph()
        if align is not None:
            paragraph.alignment = align
        if not indent or align is not None:
            paragraph.paragraph_format.first_line_indent = Pt(0)
        self.run(paragraph, text, face, size, bold)
        return paragraph

    def pair(self, label, value):
        """ "label：value" with the full-width colon in Chinese."""
        return f"{label}：{value}" if self.chinese else f"{label}: {value}"

    def heading(self, number, text):
        numeral = CHINESE_NUMBERS[number] + "、" if self.chinese else f"{number + 1}. "
        return self.paragraph(numeral + text, face="heading")

    def table(self, header, rows, widths=None, size=TABLE_SIZE):
        """A ruled table: the header row in 黑体, repeated on every page; cells in the
        compact table style; ``widths`` in mm, one per column, when given."""
        table = self.document.add_table(rows=1, cols=len(header))
        table.style = "Table Grid"
        table.autofit = widths is None
        self._fill(table.rows[0].cells, header, "heading", size)
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        table.rows[0]._tr.get_or_add_trPr().append(repeat)
        for row in rows:
            self._fill(table.add_row().cells, row, "body", size)
        if widths:
            # the grid for LibreOffice, each cell for Word
            for column, width in zip(table.columns, widths):
                column.width = Mm(width)
                for cell in column.cells:
                    cell.width = Mm(width)
        return table

    def _fill(self, cells, values, face, size):
        for cell, value in zip(cells, values):
            lines = value if isinstance(value, (list, tuple)) else [value]
            paragraph = cell.paragraphs[0]
            for number, line in enumerate(lines):
                if number:
                    paragraph = cell.add_paragraph()
                paragraph.style = self.document.styles[TABLE_STYLE]
                # a second line (a suggestion's consultation) smaller, as a note
                note = Pt(size.pt - 1.5)
                self.run(paragraph, str(line), face, note if number else size)

    def _rule(self):
        """The red separator line under the title block (版头分隔线)."""
        paragraph = self.document.add_paragraph()
        border = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        for name, value in (
            ("val", "single"),
            ("sz", "12"),
            ("space", "1"),
            ("color", "C00000"),
        ):
            bottom.set(qn(f"w:{name}"), value)
        border.append(bottom)
        paragraph._p.get_or_add_pPr().append(border)

    def to_bytes(self):
        out = BytesIO()
        self.document.save(out)
        return out.getvalue()
