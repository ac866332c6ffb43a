"""The expert forum: categories with group permissions, topics, posts, and what keeps them safe.

Only vetted members with a second factor who are in a category's groups see anything of it
(`forum.permissions`). Posts are written in Markdown and stored with their sanitised HTML.
Attachments are documents kept outside the public media folder.
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.storage import PrivateMediaStorage


class Category(models.Model):
    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    read_groups = models.ManyToManyField(Group, related_name="+", blank=True, verbose_name=_("may read"))
    start_groups = models.ManyToManyField(Group, related_name="+", blank=True, verbose_name=_("may start topics"))
    reply_groups = models.ManyToManyField(Group, related_name="+", blank=True, verbose_name=_("may reply"))
    moderate_groups = models.ManyToManyField(Group, related_name="+", blank=True, verbose_name=_("may moderate"))
    # A category may be open for writing only for a while (a workshop's discussion); read-only outside it.
    writable_from = models.DateTimeField(_("open for posting from"), null=True, blank=True)
    writable_until = models.DateTimeField(_("open for posting until"), null=True, blank=True)
    # Invited guests of a workshop may join its discussion although they are not vetted members.
    open_to_guests = models.BooleanField(_("open to invited guests in its groups"), default=False)

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("forum category")
        verbose_name_plural = _("forum categories")

    def __str__(self):
        return self.name

    def is_writable(self, now):
        return (self.writable_from is None or self.writable_from <= now) and (
            self.writable_until is None or now < self.writable_until
        )


class Topic(models.Model):
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="topics")
    title = models.CharField(_("title"), max_length=200)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    last_post_at = models.DateTimeField(default=timezone.now, db_index=True)
    post_count = models.PositiveIntegerField(default=0)
    is_pinned = models.BooleanField(_("pinned"), default=False)
    is_locked = models.BooleanField(_("locked"), default=False)
    is_hidden = models.BooleanField(_("hidden by a moderator"), default=False)

    class Meta:
        ordering = ["-is_pinned", "-last_post_at"]
        indexes = [models.Index(fields=["category", "-is_pinned", "-last_post_at"], name="forum_topic_listing_idx")]

    def __str__(self):
        return self.title


class Post(models.Model):
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="posts")
    # A deleted member's posts stay, shown as by a former member.
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    body = models.TextField(_("text"))
    body_html = models.TextField(editable=False)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    is_hidden = models.BooleanField(_("hidden by a moderator"), default=False)
    is_deleted = models.BooleanField(_("deleted"), default=False)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["topic", "created_at"], name="forum_post_topic_idx")]

    def __str__(self):
        return f"{self.topic_id}#{self.pk}"

    @property
    def is_visible(self):
        return not (self.is_hidden or self.is_deleted)


class PostRevision(models.Model):
    """The text of a post before an edit, for the visible revision history."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    body = models.TextField()
    edited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"revision of post {self.post_id}"


class Attachment(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(storage=PrivateMediaStorage(), upload_to="forum/%Y/%m/")
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()

    def __str__(self):
        return self.original_name


class Flag(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="flags")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    reason = models.TextField(_("reason"))
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return f"flag on post {self.post_id}"


class ModerationAction(models.Model):
    """Every moderator action, with its reason."""

    class Kind(models.TextChoices):
        HIDE = "hide", _("Hidden")
        RESTORE = "restore", _("Restored")
        DELETE = "delete", _("Deleted")
        LOCK = "lock", _("Locked")
        UNLOCK = "unlock", _("Unlocked")
        PIN = "pin", _("Pinned")
        UNPIN = "unpin", _("Unpinned")
        MOVE = "move", _("Moved")
        SUSPEND = "suspend", _("Suspended")
        DISMISS_FLAG = "dismiss-flag", _("Flag dismissed")

    moderator = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    topic = models.ForeignKey(Topic, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    post = models.ForeignKey(Post, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(_("reason"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.kind} by {self.moderator_id}"


class Suspension(models.Model):
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_suspensions")
    until = models.DateTimeField(_("until"))
    reason = models.TextField(_("reason"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.member_id} until {self.until:%Y-%m-%d}"


class Subscription(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_subscriptions")
    topic = models.ForeignKey(Topic, null=True, blank=True, on_delete=models.CASCADE, related_name="subscriptions")
    category = models.ForeignKey(
        Category, null=True, blank=True, on_delete=models.CASCADE, related_name="subscriptions"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "topic"], name="one_topic_subscription"),
            models.UniqueConstraint(fields=["user", "category"], name="one_category_subscription"),
        ]

    def __str__(self):
        return f"{self.user_id} → {self.topic_id or self.category_id}"


class Notification(models.Model):
    class Kind(models.TextChoices):
        REPLY = "reply", _("New reply")
        MENTION = "mention", _("Mention")
        MODERATION = "moderation", _("Moderation")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_notifications")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="+")
    post = models.ForeignKey(Post, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    # Set once the e-mail (immediate or digest) went out; pending ones are retried.
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.kind} for {self.user_id}"


class EmailMode(models.TextChoices):
    IMMEDIATE = "immediate", _("At once")
    DIGEST = "digest", _("Once a day, as a digest")
    NONE = "none", _("Never")


class ForumPreferences(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_preferences")
    email_mode = models.CharField(
        _("e-mail notifications"), max_length=10, choices=EmailMode.choices, default=EmailMode.IMMEDIATE
    )
    language = models.CharField(_("language of e-mails"), max_length=5, choices=settings.LANGUAGES, default="en")

    def __str__(self):
        return f"{self.user_id}: {self.email_mode}"


class TopicReadState(models.Model):
    """When a member last read a topic: newer posts are unread."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="read_states")
    read_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "topic"], name="one_read_state")]

    def __str__(self):
        return f"{self.user_id} read {self.topic_id}"


class Draft(models.Model):
    """What a member was writing, kept when a form had an error or a preview was asked for."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_drafts")
    key = models.CharField(max_length=40)  # "topic-<id>" for a reply, "category-<slug>" for a new topic
    title = models.CharField(max_length=200, blank=True)
    body = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="one_draft_per_form")]

    def __str__(self):
        return f"{self.user_id}: {self.key}"
