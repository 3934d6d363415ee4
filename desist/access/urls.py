from django.urls import path

from desist.access import views

app_name = "access"
urlpatterns = [
    path("cases/<str:crn>/access-log/", views.access_log, name="access-log"),
    path("cases/<str:crn>/access/", views.manage, name="manage"),
    path("cases/<str:crn>/access/<int:entry_id>/remove/", views.remove, name="remove"),
]
