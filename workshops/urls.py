from django.urls import path

from . import views

app_name = "workshops"

urlpatterns = [
    path("participation/settings/", views.preferences, name="preferences"),
    path("participation/<int:pk>/register/", views.register, name="register"),
    path("participation/<int:pk>/cancel/", views.cancel, name="cancel"),
    path("participation/<int:pk>/calendar/", views.workshop_calendar, name="calendar"),
    path("participation/calendar/<str:token>/", views.personal_calendar, name="personal_calendar"),
    path("participation/materials/<int:pk>/", views.material, name="material"),
    path("participation/<int:pk>/evaluation/", views.evaluation, name="evaluation"),
    path("participation/<int:pk>/report/", views.report, name="report"),
    path("participation/<int:pk>/certificate/", views.certificate, name="certificate"),
    path("certificates/verify/", views.verify, name="verify"),
]
