from django.urls import path

from . import views

app_name = "forum"

urlpatterns = [
    path("forum/", views.index, name="index"),
    path("forum/notifications/", views.notifications, name="notifications"),
    path("forum/settings/", views.preferences, name="preferences"),
    path("forum/moderation/", views.moderation_queue, name="moderation"),
    path("forum/moderation/flags/<int:pk>/dismiss/", views.flag_dismiss, name="flag_dismiss"),
    path("forum/topics/<int:pk>/", views.topic, name="topic"),
    path("forum/topics/<int:pk>/<slug:action>/", views.topic_action, name="topic_action"),
    path("forum/posts/<int:pk>/", views.post_link, name="post"),
    path("forum/posts/<int:pk>/edit/", views.post_edit, name="post_edit"),
    path("forum/posts/<int:pk>/history/", views.post_history, name="post_history"),
    path("forum/posts/<int:pk>/suspend-author/", views.member_suspend, name="member_suspend"),
    path("forum/posts/<int:pk>/<slug:action>/", views.post_action, name="post_action"),
    path("forum/attachments/<int:pk>/", views.attachment, name="attachment"),
    path("forum/subscriptions/<slug:kind>/<int:pk>/", views.subscribe, name="subscribe"),
    path("forum/<slug:slug>/", views.category, name="category"),
    path("forum/<slug:slug>/new/", views.topic_create, name="topic_create"),
]
