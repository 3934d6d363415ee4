from django.urls import path

from desist.prerelease import views

app_name = "prerelease"
PLAN = "cases/<str:crn>/events/<int:number>/resettlement/"
urlpatterns = [
    path("releases/", views.worklist, name="worklist"),
    path(PLAN, views.plan, name="plan"),
    path(f"{PLAN}edit/", views.plan_edit, name="plan-edit"),
]
