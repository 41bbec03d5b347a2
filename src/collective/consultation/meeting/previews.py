"""A meeting material's preview: what a phone shows of it on its page without a
download. Phone browsers show no PDF inline, so a PDF's first page is drawn as a PNG
(pypdfium2, the PDFium engine of Chrome); an image is its own preview; other files
(Word, slides) have none and are opened from the page. Drawn on request and not stored:
a read is a GET, which should not write, and a page takes a few tens of milliseconds."""

from dataclasses import dataclass
from io import BytesIO

import logging
import pypdfium2

logger = logging.getLogger(__name__)
PREVIEW_WIDTH = 900  # pixels: sharp on a 375 px phone at 2x, light enough to send
IMAGE_TYPES = ("image/jpeg", "image/png")


@dataclass
class Preview:
    data: bytes
    content_type: str
    pages: int = 1


def kind(material):
    """ "pdf", "image" or None: what preview the material's file has."""
    blob = getattr(material, "file", None)
    content_type = getattr(blob, "contentType", "") or ""
    if content_type == "application/pdf":
        return "pdf"
    if content_type in IMAGE_TYPES:
        return "image"
    return None


def preview(material):
    """The material's Preview, or None when its file has none or cannot be read (a
    damaged PDF is still offered for download)."""
    found = kind(material)
    if found == "image":
        return Preview(material.file.data, material.file.contentType)
    if found != "pdf":
        return None
    try:
        with material.file.open() as stream:
            document = pypdfium2.PdfDocument(stream.read())
        try:
            pages = len(document)
            page = document[0]
            scale = PREVIEW_WIDTH / page.get_width()
            image = page.render(scale=scale).to_pil()
            out = BytesIO()
            image.convert("RGB").save(out, format="PNG", optimize=True)
        finally:
            document.close()
    except (pypdfium2.PdfiumError, IndexError, ValueError, OSError) as exc:
        logger.info("No preview of %s: %s", material.absolute_url(), exc)
        return None
    return Preview(out.getvalue(), "image/png", pages)
