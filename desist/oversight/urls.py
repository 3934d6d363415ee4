from django.urls import path

from desist.oversight import views

app_name = "oversight"
urlpatterns = [
    path("actions/", views.actions, name="actions"),
    path("cases/<str:crn>/oversight/", views.case_oversight, name="case"),
    path("cases/<str:crn>/oversight/record/", views.oversight_record, name="record"),
    path("oversight/", views.team_oversight, name="team"),
    path(
        "oversight/practitioners/<int:pk>/meeting/",
        views.weekly_meeting,
        name="weekly-meeting",
    ),
    path("countersigning/", views.countersigning, name="countersigning"),
]
