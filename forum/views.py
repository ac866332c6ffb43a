import datetime
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.access import restricted_response
from portal.audit.models import AuditAction
from portal.audit.services import record_event
from portal.sanitise import render_markdown

from . import permissions, selectors, services
from .forms import EditPostForm, FlagForm, MoveTopicForm, PostForm, PreferencesForm, ReasonForm, SuspendForm, TopicForm
from .models import Attachment, Draft, Flag, Post
from .tasks import preferences_of

POST_ACTIONS = {"delete", "hide", "restore", "flag"}
TOPICS_PER_PAGE = 25
POSTS_PER_PAGE = 20


def forum_member_required(view):
    """The forum is for vetted members with a second factor (and invited workshop guests); others are refused."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.user.is_authenticated and permissions.may_enter_forum(request.user):
            return view(request, *args, **kwargs)
        return restricted_response(request) or view(request, *args, **kwargs)

    return wrapper


def require(allowed):
    if not allowed:
        raise PermissionDenied


def topic_or_404(user, pk):
    topic = selectors.topic_for(user, pk)
    if topic is None:
        raise Http404
    return topic


def post_or_404(user, pk):
    post = get_object_or_404(Post.objects.select_related("topic"), pk=pk)
    post.topic = topic_or_404(user, post.topic_id)
    return post


def draft_initial(user, key, **initial):
    draft = Draft.objects.filter(user=user, key=key).first()
    if draft:
        initial.update(title=draft.title, body=draft.body)
    return initial


def handle_composer(request, form, key, create):
    """Validate, rate-limit and save a new topic or reply; on any error keep what was typed as a draft."""
    if "preview" in request.POST:
        services.draft_save(
            user=request.user, key=key, title=request.POST.get("title", ""), body=request.POST.get("body", "")
        )
        return None, render_markdown(request.POST.get("body", ""))
    if form.is_valid():
        try:
            services.check_rate_limit(request.user, limit=settings.FORUM_POSTS_PER_WINDOW, window_seconds=600)
        except services.RateLimited:
            form.add_error(None, _("You are posting too fast. Please wait a few minutes; your text is kept."))
        else:
            return create(form.cleaned_data), None
    services.draft_save(
        user=request.user, key=key, title=request.POST.get("title", ""), body=request.POST.get("body", "")
    )
    return None, None


@forum_member_required
def index(request):
    categories = selectors.categories_visible_to(request.user)
    return render(
        request,
        "forum/index.html",
        {
            "categories": categories,
            "unread_notifications": selectors.unread_notification_count(request.user),
            "moderates": any(permissions.can(request.user, permissions.MODERATE, category) for category in categories),
        },
    )


@forum_member_required
def category(request, slug):
    category = selectors.category_for(request.user, slug)
    if category is None:
        raise Http404
    language = request.GET.get("language", "")
    language = language if language in dict(settings.LANGUAGES) else ""
    topics = Paginator(selectors.topics_in(category, request.user, language=language), TOPICS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "forum/category.html",
        {
            "category": category,
            "topics": topics,
            "language": language,
            "can_start": permissions.can(request.user, permissions.START, category),
            "subscribed": category.subscriptions.filter(user=request.user).exists(),
        },
    )


@forum_member_required
def topic_create(request, slug):
    category = selectors.category_for(request.user, slug)
    if category is None:
        raise Http404
    require(permissions.can(request.user, permissions.START, category))
    key = f"category-{category.slug}"
    form = TopicForm(
        request.POST or None,
        request.FILES or None,
        initial=draft_initial(request.user, key, language=get_language()),
    )
    preview = None
    if request.method == "POST":
        topic, preview = handle_composer(
            request,
            form,
            key,
            lambda data: services.topic_create(
                author=request.user,
                category=category,
                title=data["title"],
                body=data["body"],
                language=data["language"],
                attachments=data["attachments"],
            ),
        )
        if topic:
            return redirect(f"{reverse('forum:topic', args=[topic.pk])}?posted=1")
    return render(request, "forum/topic_form.html", {"category": category, "form": form, "preview": preview})


@forum_member_required
def topic(request, pk):
    topic = topic_or_404(request.user, pk)
    category = topic.category
    language = request.GET.get("language", "")
    language = language if language in dict(settings.LANGUAGES) else ""
    can_moderate = permissions.can(request.user, permissions.MODERATE, category)
    can_reply = permissions.can(request.user, permissions.REPLY, category) and (not topic.is_locked or can_moderate)
    key = f"topic-{topic.pk}"
    form = PostForm(
        request.POST or None, request.FILES or None, initial=draft_initial(request.user, key, language=get_language())
    )
    preview = None
    if request.method == "POST":
        require(can_reply)
        post, preview = handle_composer(
            request,
            form,
            key,
            lambda data: services.post_create(
                author=request.user,
                topic=topic,
                body=data["body"],
                language=data["language"],
                attachments=data["attachments"],
            ),
        )
        if post:
            return redirect(f"{reverse('forum:topic', args=[topic.pk])}?page=last&posted=1#post-{post.pk}")
    quote = request.GET.get("quote")
    if quote and request.method == "GET":
        quoted = Post.objects.filter(pk=quote, topic=topic, is_hidden=False, is_deleted=False).first()
        if quoted:
            form.initial["body"] = "\n".join(f"> {line}" for line in quoted.body.splitlines()) + "\n\n"
    paginator = Paginator(selectors.posts_in(topic, language=language), POSTS_PER_PAGE)
    page_number = request.GET.get("page")
    posts = paginator.get_page(paginator.num_pages if page_number == "last" else page_number)
    services.topic_mark_read(user=request.user, topic=topic)
    return render(
        request,
        "forum/topic.html",
        {
            "topic": topic,
            "category": category,
            "posts": posts,
            "form": form,
            "preview": preview,
            "language": language,
            "can_reply": can_reply,
            "can_moderate": can_moderate,
            "subscribed": topic.subscriptions.filter(user=request.user).exists(),
            "move_form": MoveTopicForm() if can_moderate else None,
        },
    )


@forum_member_required
def post_link(request, pk):
    """A post's lasting address: the page of its topic that shows it."""
    post = post_or_404(request.user, pk)
    earlier = Post.objects.filter(topic=post.topic).filter(
        Q(created_at__lt=post.created_at) | Q(created_at=post.created_at, pk__lt=post.pk)
    )
    page = earlier.count() // POSTS_PER_PAGE + 1
    return redirect(f"{reverse('forum:topic', args=[post.topic_id])}?page={page}#post-{post.pk}")


@forum_member_required
def post_edit(request, pk):
    post = post_or_404(request.user, pk)
    require(permissions.can_edit_post(request.user, post, post.topic.category))
    form = EditPostForm(request.POST or None, initial={"body": post.body})
    if request.method == "POST" and form.is_valid():
        services.post_edit(post=post, editor=request.user, body=form.cleaned_data["body"])
        return redirect(f"{reverse('forum:topic', args=[post.topic_id])}#post-{post.pk}")
    return render(request, "forum/post_edit.html", {"post": post, "form": form})


@forum_member_required
def post_history(request, pk):
    post = post_or_404(request.user, pk)
    require(post.is_visible or permissions.can(request.user, permissions.MODERATE, post.topic.category))
    return render(request, "forum/post_history.html", {"post": post, "revisions": post.revisions.all()})


@forum_member_required
def post_action(request, pk, action):
    """Delete (author or moderator), hide, restore (moderator), flag (member): each with a reason."""
    if action not in POST_ACTIONS:
        raise Http404
    post = post_or_404(request.user, pk)
    category = post.topic.category
    form = (FlagForm if action == "flag" else ReasonForm)(request.POST or None)
    if action == "delete":
        require(permissions.can_edit_post(request.user, post, category))
        form.fields["reason"].required = False
    elif action == "flag":
        require(permissions.can(request.user, permissions.READ, category) and post.is_visible)
    else:
        require(permissions.can(request.user, permissions.MODERATE, category))
    if request.method == "POST" and form.is_valid():
        reason = form.cleaned_data["reason"]
        if action == "delete":
            services.post_delete(post=post, user=request.user, reason=reason)
        elif action == "hide":
            services.post_hide(post=post, moderator=request.user, reason=reason)
        elif action == "restore":
            services.post_restore(post=post, moderator=request.user, reason=reason)
        else:
            services.flag_create(post=post, reporter=request.user, reason=reason)
            messages.success(request, _("Thank you. A moderator will look at the post."))
        return redirect(f"{reverse('forum:topic', args=[post.topic_id])}#post-{post.pk}")
    return render(request, "forum/post_action.html", {"post": post, "form": form, "action": action})


@forum_member_required
@require_POST
def topic_action(request, pk, action):
    topic = topic_or_404(request.user, pk)
    require(permissions.can(request.user, permissions.MODERATE, topic.category))
    if action == "move":
        form = MoveTopicForm(request.POST)
        if form.is_valid() and permissions.can(request.user, permissions.MODERATE, form.cleaned_data["category"]):
            services.topic_move(
                topic=topic,
                moderator=request.user,
                category=form.cleaned_data["category"],
                reason=form.cleaned_data["reason"],
            )
        else:
            messages.error(request, _("Give a reason and a category you moderate."))
    else:
        if action not in services.TOPIC_ACTIONS:
            raise Http404
        form = ReasonForm(request.POST)
        if form.is_valid():
            services.topic_moderate(
                topic=topic, moderator=request.user, action=action, reason=form.cleaned_data["reason"]
            )
        else:
            messages.error(request, _("Every moderator action needs a reason."))
    return redirect("forum:topic", topic.pk)


@forum_member_required
def moderation_queue(request):
    flags = selectors.open_flags_for(request.user)
    require(
        flags or any(permissions.can(request.user, permissions.MODERATE, c) for c in selectors.categories_with_groups())
    )
    return render(request, "forum/moderation.html", {"flags": flags, "reason_form": ReasonForm()})


@forum_member_required
@require_POST
def flag_dismiss(request, pk):
    flag = get_object_or_404(Flag.objects.select_related("post__topic__category"), pk=pk)
    require(permissions.can(request.user, permissions.MODERATE, flag.post.topic.category))
    form = ReasonForm(request.POST)
    if form.is_valid():
        services.flag_dismiss(flag=flag, moderator=request.user, reason=form.cleaned_data["reason"])
    return redirect("forum:moderation")


@forum_member_required
def member_suspend(request, pk):
    post = post_or_404(request.user, pk)
    require(permissions.can(request.user, permissions.MODERATE, post.topic.category) and post.author_id)
    form = SuspendForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.member_suspend(
            member=post.author,
            moderator=request.user,
            until=timezone.now() + datetime.timedelta(days=form.cleaned_data["days"]),
            reason=form.cleaned_data["reason"],
            request=request,
        )
        messages.success(request, _("The member has been suspended from posting."))
        return redirect("forum:topic", post.topic_id)
    return render(request, "forum/post_action.html", {"post": post, "form": form, "action": "suspend"})


@forum_member_required
def attachment(request, pk):
    attachment = get_object_or_404(Attachment.objects.select_related("post__topic"), pk=pk)
    post = post_or_404(request.user, attachment.post_id)
    require(post.is_visible or permissions.can(request.user, permissions.MODERATE, post.topic.category))
    record_event(
        action=AuditAction.FORUM_ATTACHMENT_DOWNLOADED,
        target=f"forum attachment {attachment.pk}: {attachment.original_name}",
        request=request,
    )
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@forum_member_required
@require_POST
def subscribe(request, kind, pk):
    if kind == "topic":
        target = {"topic": topic_or_404(request.user, pk)}
    else:
        category = next((c for c in selectors.categories_visible_to(request.user) if c.pk == pk), None)
        if category is None:
            raise Http404
        target = {"category": category}
    subscribed = services.subscription_toggle(user=request.user, **target)
    messages.success(request, _("Subscribed.") if subscribed else _("Unsubscribed."))
    return redirect(request.POST.get("next") or "forum:index")


@forum_member_required
def notifications(request):
    items = selectors.notifications_for(request.user)
    return render(request, "forum/notifications.html", {"notifications": items})


@forum_member_required
def preferences(request):
    form = PreferencesForm(request.POST or None, instance=preferences_of(request.user))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your notification settings have been saved."))
        return redirect("forum:preferences")
    return render(request, "forum/preferences.html", {"form": form})
