from django.urls import path

from desist.people import views

app_name = "people"
urlpatterns = [
    path("caseload/", views.caseload, name="caseload"),
    path("caseload/export.csv", views.caseload_export, name="caseload-export"),
    path("search/", views.search, name="search"),
    path("cases/new/", views.case_create, name="case-create"),
    path("cases/<str:crn>/", views.case_overview, name="case"),
    path("cases/<str:crn>/personal-details/", views.personal_details, name="personal-details"),
    path("cases/<str:crn>/personal-details/edit/", views.case_edit_details, name="case-edit"),
    path("cases/<str:crn>/<str:kind>/new/", views.record_add, name="record-add"),
]
