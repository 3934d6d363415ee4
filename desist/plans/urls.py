from django.urls import path

from desist.plans import views

app_name = "plans"
PLAN = "cases/<str:crn>/events/<int:number>/plan/"
TOOLS = "cases/<str:crn>/session-tools/"
urlpatterns = [
    path("cases/<str:crn>/plans/", views.overview, name="overview"),
    path("cases/<str:crn>/needs/assess/", views.needs_assess, name="needs-assess"),
    path("cases/<str:crn>/needs/<int:pk>/", views.needs, name="needs"),
    path("cases/<str:crn>/needs/<int:pk>/edit/", views.needs_edit, name="needs-edit"),
    path(PLAN, views.plan, name="plan"),
    path(f"{PLAN}start/", views.plan_start, name="plan-start"),
    path(f"{PLAN}edit/", views.plan_edit, name="plan-edit"),
    path(f"{PLAN}review/", views.plan_review, name="plan-review"),
    path(f"{PLAN}objectives/add/", views.objective_add, name="objective-add"),
    path(f"{PLAN}objectives/<int:pk>/edit/", views.objective_edit, name="objective-edit"),
    path(f"{PLAN}objectives/<int:pk>/actions/add/", views.action_add, name="action-add"),
    path(f"{PLAN}actions/<int:pk>/edit/", views.action_edit, name="action-edit"),
    path(f"{TOOLS}timeline/add/", views.timeline_add, name="timeline-add"),
    path(f"{TOOLS}mind-map/add/", views.mind_map_add, name="mind-map-add"),
    path(f"{TOOLS}worksheets/<slug:slug>/add/", views.worksheet_add, name="worksheet-add"),
    path(f"{TOOLS}<int:pk>/", views.tool, name="tool"),
    path(f"{TOOLS}<int:pk>/edit/", views.tool_edit, name="tool-edit"),
]
