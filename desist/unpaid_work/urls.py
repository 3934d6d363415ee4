from django.urls import path

from desist.unpaid_work import views

app_name = "unpaid_work"
urlpatterns = [
    path("community-payback/", views.projects, name="projects"),
    path("community-payback/projects/add/", views.project_add, name="project-add"),
    path("community-payback/projects/<int:pk>/", views.project, name="project"),
    path("community-payback/projects/<int:pk>/edit/", views.project_edit, name="project-edit"),
    path(
        "community-payback/projects/<int:pk>/sessions/add/", views.session_add, name="session-add"
    ),
    path("community-payback/sessions/<int:pk>/", views.session, name="session"),
    path(
        "community-payback/sessions/<int:pk>/allocate/",
        views.session_allocate,
        name="session-allocate",
    ),
    path(
        "community-payback/sessions/<int:pk>/register/",
        views.session_register,
        name="session-register",
    ),
    path("cases/<str:crn>/unpaid-work/", views.case_unpaid_work, name="case"),
]
