from django.urls import path

from . import views

app_name = "workshops"

urlpatterns = [
    path("participation/settings/", views.preferences, name="preferences"),
    path("participation/<int:pk>/register/", views.register, name="register"),
    path("participation/<int:pk>/cancel/", views.cancel, name="cancel"),
    path("participation/<int:pk>/calendar/", views.workshop_calendar, name="calendar"),
    path("participation/calendar/<str:token>/", views.personal_calendar, name="personal_calendar"),
]
