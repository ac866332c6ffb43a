"""Which files the forum accepts: documents only, recognised by their content, never by their name.

The forum is media-safe by design: no images, no video. A file is accepted only when its bytes
are a PDF, plain UTF-8 text, an Office Open XML or OpenDocument file, or a legacy Office file.
"""

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

PDF = "application/pdf"
TEXT = "text/plain"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
ODF_TYPES = {
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
    "application/vnd.oasis.opendocument.presentation",
}
LEGACY_OFFICE = "application/msword"
OLE_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
OOXML_PARTS = {"word/": DOCX, "xl/": XLSX, "ppt/": PPTX}


def _zip_document_type(upload):
    try:
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
            if "mimetype" in names:
                mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
                return mimetype if mimetype in ODF_TYPES else None
            if "[Content_Types].xml" in names:
                for prefix, content_type in OOXML_PARTS.items():
                    if any(name.startswith(prefix) for name in names):
                        return content_type
    except zipfile.BadZipFile:
        return None
    return None


def _is_plain_text(head):
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut at the end of the sample is still text.
        return error.start >= len(head) - 3
    return True


def detect_document_type(upload):
    """The document's content type, read from its bytes, or None when it is not an accepted document."""
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(OLE_SIGNATURE):
        return LEGACY_OFFICE
    if head.startswith(b"PK\x03\x04"):
        content_type = _zip_document_type(upload)
        upload.seek(0)
        return content_type
    if head and _is_plain_text(head):
        return TEXT
    return None


def validate_attachment(upload):
    if upload.size > settings.FORUM_ATTACHMENT_MAX_BYTES:
        raise ValidationError(
            _("The file is too large: at most %(megabytes)d MB.")
            % {"megabytes": settings.FORUM_ATTACHMENT_MAX_BYTES // (1024 * 1024)}
        )
    content_type = detect_document_type(upload)
    if content_type is None:
        raise ValidationError(
            _("Only documents can be attached: PDF, plain text, Word, Excel, PowerPoint or OpenDocument files.")
        )
    return content_type
