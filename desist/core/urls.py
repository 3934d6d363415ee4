from django.urls import path

from desist.core import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("health/session", views.health_session, name="health-session"),
    path("health/live", views.health_live, name="health-live"),
]
