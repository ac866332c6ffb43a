from django.urls import path

from . import views

app_name = "membership"

urlpatterns = [
    path("membership/", views.home, name="home"),
    path("membership/apply/", views.apply, name="apply"),
    path("membership/renew/", views.renew, name="renew"),
    path("membership/profile/", views.profile, name="profile"),
    path("membership/profile/export/", views.export_data, name="export"),
    path("membership/profile/delete/", views.delete_account, name="delete"),
    path("membership/review/", views.review_queue, name="review_queue"),
    path("membership/review/<int:pk>/", views.review_application, name="review_application"),
    path("membership/review/members/<int:pk>/renew/", views.renew_membership, name="renew_membership"),
    path("membership/review/members/<int:pk>/revoke/", views.revoke_membership, name="revoke_membership"),
    path("experts/", views.directory, name="directory"),
]
