"""Demo discussions: four categories in six languages, topics in several languages, a flag, an attachment."""

import datetime
import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone

from modeltranslation.utils import build_localized_fieldname

from portal.accounts import FORUM_MODERATORS_GROUP, VETTED_MEMBERS_GROUP
from portal.demo import register_seeder
from portal.membership.models import ExpertProfile, Membership, MembershipStatus
from portal.sanitise import render_markdown

from .models import Attachment, Category, Flag, Post, Subscription, Topic

CONTENT = Path(__file__).parent / "seed_content" / "forum.json"
# Fictional vetted members who wrote the demo discussions; they cannot log in.
DEMO_AUTHORS = {
    "anna.berger": ("Anna Berger", "Sample state police, digital forensics (demo)", "DE", ["de", "en"]),
    "luc.moreau": ("Luc Moreau", "Sample national police, online investigations (demo)", "FR", ["fr", "en"]),
    "giulia.rossi": ("Giulia Rossi", "Sample prosecutor's office (demo)", "IT", ["it", "en"]),
    "olga.ivanova": ("Olga Ivanova", "Sample cybercrime department (demo)", "KZ", ["ru", "en"]),
    "marta.garcia": ("Marta García", "Sample hotline, analysis team (demo)", "ES", ["es", "en"]),
}
ATTACHMENT_TEXT = (
    "Sample checklist written for this portal (demo attachment).\n"
    "1. Record where and when the report was received.\n"
    "2. Preserve the web address; do not copy the material.\n"
    "3. Pass the report to the competent unit through the agreed channel.\n"
)


def ensure_demo_author(username):
    User = get_user_model()
    user, created = User.objects.get_or_create(username=username, defaults={"email": f"{username}@example.org"})
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
        name, organisation, country, languages = DEMO_AUTHORS[username]
        now = timezone.now()
        Membership.objects.create(
            user=user, status=MembershipStatus.ACTIVE, approved_at=now, expires_at=now + datetime.timedelta(days=365)
        )
        ExpertProfile.objects.create(
            user=user,
            display_name=name,
            organisation=organisation,
            official_role="Investigator (demo)",
            country=country,
            languages=languages,
            expertise=["victim-identification"],
        )
        user.groups.add(Group.objects.get(name=VETTED_MEMBERS_GROUP))
    return user


def ensure_category(entry, position, vetted, moderators):
    category = Category.objects.filter(slug=entry["slug"]).first()
    if category:
        return category, False
    category = Category.objects.create(
        slug=entry["slug"],
        position=position,
        **{build_localized_fieldname("name", code): text for code, text in entry["name"].items()},
        **{build_localized_fieldname("description", code): text for code, text in entry["description"].items()},
    )
    for groups in (category.read_groups, category.start_groups, category.reply_groups):
        groups.add(vetted)
    category.moderate_groups.add(moderators)
    return category, True


@register_seeder(order=40, name="forum")
def seed_forum():
    vetted = Group.objects.get(name=VETTED_MEMBERS_GROUP)
    moderators = Group.objects.get_or_create(name=FORUM_MODERATORS_GROUP)[0]
    User = get_user_model()
    content = json.loads(CONTENT.read_text(encoding="utf-8"))
    start = timezone.now() - datetime.timedelta(days=60)
    attached = False
    for position, entry in enumerate(content["categories"]):
        category, created = ensure_category(entry, position, vetted, moderators)
        if not created:
            continue
        for topic_number, topic_entry in enumerate(entry["topics"]):
            authors = [
                User.objects.get(username=post["author"])
                if post["author"] in ("investigator", "moderator")
                else ensure_demo_author(post["author"])
                for post in topic_entry["posts"]
            ]
            moment = start + datetime.timedelta(days=position * 12 + topic_number * 3)
            topic = Topic.objects.create(
                category=category,
                title=topic_entry["title"],
                language=topic_entry["language"],
                author=authors[0],
                created_at=moment,
                is_pinned=topic_entry.get("pinned", False),
                is_locked=topic_entry.get("locked", False),
            )
            for post_entry, author in zip(topic_entry["posts"], authors, strict=True):
                moment += datetime.timedelta(hours=7)
                post = Post.objects.create(
                    topic=topic,
                    author=author,
                    body=post_entry["body"],
                    body_html=render_markdown(post_entry["body"]),
                    language=post_entry["language"],
                    created_at=moment,
                )
                if post_entry.get("flag"):
                    Flag.objects.create(
                        post=post, reporter=User.objects.get(username="investigator"), reason=post_entry["flag"]
                    )
                if not attached and author.username == "investigator":
                    attachment = Attachment(
                        post=post,
                        original_name="reporting-checklist.txt",
                        content_type="text/plain",
                        size=len(ATTACHMENT_TEXT),
                    )
                    attachment.file.save("reporting-checklist.txt", ContentFile(ATTACHMENT_TEXT.encode()), save=True)
                    attached = True
                Subscription.objects.get_or_create(user=author, topic=topic)
            Topic.objects.filter(pk=topic.pk).update(post_count=len(topic_entry["posts"]), last_post_at=moment)
