"""Documents only, recognised by content; stored outside the public media folder; served through a permission check."""

import io
import zipfile

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

import pytest

from forum.models import Attachment
from portal.audit.models import AuditEvent

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


def post_with(client, topic, name, content):
    return client.post(
        f"/en/forum/topics/{topic.pk}/",
        {"body": "See the attached document.", "language": "en", "attachments": SimpleUploadedFile(name, content)},
    )


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("guide.pdf", PDF, "application/pdf"),
        ("notes.txt", "Plain notes, with ümlauts.".encode(), "text/plain"),
        ("report.docx", docx_bytes(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ],
)
def test_documents_are_accepted_and_recognised_by_content(login, users, topic, name, content, content_type):
    response = post_with(login(users["member"]), topic, name, content)

    assert response.status_code == 302
    attachment = Attachment.objects.get(original_name=name)
    assert attachment.content_type == content_type
    assert attachment.file.path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not attachment.file.path.startswith(str(settings.MEDIA_ROOT))


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64),  # a Windows executable
        ("notes.txt", b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 64),  # a Linux executable
        ("photo.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),  # an image
        ("clip.docx", b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 64),  # a video
        ("archive.docx", zipfile.ZipFile.__doc__.encode()[:0] + b"PK\x03\x04" + b"\x00" * 64),  # a broken zip
    ],
)
def test_disguised_executables_images_and_video_are_refused_and_the_text_kept(login, users, topic, name, content):
    response = post_with(login(users["member"]), topic, name, content)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Only documents can be attached" in html
    assert "See the attached document.</textarea>" in html
    assert not Attachment.objects.filter(original_name=name).exists()


def test_files_over_the_size_limit_are_refused(login, users, topic, settings):
    settings.FORUM_ATTACHMENT_MAX_BYTES = 100

    response = post_with(login(users["member"]), topic, "big.txt", b"a" * 200)

    assert "The file is too large" in response.content.decode()


def test_members_download_through_the_permission_check_and_it_is_audited(login, users, topic):
    client = login(users["member"])
    post_with(client, topic, "guide.pdf", PDF)
    attachment = Attachment.objects.get(original_name="guide.pdf")

    response = login(users["investigator"]).get(f"/en/forum/attachments/{attachment.pk}/")

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert AuditEvent.objects.filter(action="forum-attachment-downloaded", actor_label="investigator").exists()


def test_attachments_of_hidden_posts_are_refused_to_members(login, users, topic):
    post_with(login(users["member"]), topic, "guide.pdf", PDF)
    attachment = Attachment.objects.get(original_name="guide.pdf")
    attachment.post.is_hidden = True
    attachment.post.save()

    assert login(users["investigator"]).get(f"/en/forum/attachments/{attachment.pk}/").status_code == 403
