from django.urls import path

from desist.enforcement import views

app_name = "enforcement"
urlpatterns = [
    path("enforcement/", views.worklist, name="worklist"),
    path(
        "cases/<str:crn>/events/<int:number>/enforcement/record/",
        views.action_add,
        name="action-add",
    ),
    path(
        "cases/<str:crn>/events/<int:number>/enforcement/warning-letter/",
        views.warning_letter,
        name="warning-letter",
    ),
    path(
        "cases/<str:crn>/events/<int:number>/enforcement/breach-report/",
        views.breach_report,
        name="breach-report",
    ),
    path(
        "cases/<str:crn>/events/<int:number>/enforcement/recall/",
        views.recall_add,
        name="recall-add",
    ),
    path("cases/<str:crn>/recalls/<int:pk>/", views.recall_detail, name="recall"),
]
