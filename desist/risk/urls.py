from django.urls import path

from desist.risk import views

app_name = "risk"
urlpatterns = [
    path("risk/reviews/", views.reviews_due, name="reviews-due"),
    path("risk/offence-map/", views.offence_map, name="offence-map"),
    path("risk/offence-map.csv", views.offence_map_csv, name="offence-map-csv"),
    path("risk/offence-map/upload/", views.offence_map_upload, name="offence-map-upload"),
    path("risk/offence-map/<str:code>/", views.offence_code_edit, name="offence-code-edit"),
    path("cases/<str:crn>/risk/", views.case_risk, name="case-risk"),
    path(
        "cases/<str:crn>/risk/registrations/new/",
        views.registration_add,
        name="registration-add",
    ),
    path(
        "cases/<str:crn>/risk/registrations/<int:pk>/end/",
        views.registration_end,
        name="registration-end",
    ),
    path("cases/<str:crn>/risk/rosh/new/", views.rosh_add, name="rosh-add"),
    path("cases/<str:crn>/risk/scores/new/", views.scores_add, name="scores-add"),
    path(
        "cases/<str:crn>/risk/changes/new/",
        views.significant_change_add,
        name="significant-change-add",
    ),
    path("cases/<str:crn>/risk/checks/new/", views.enquiry_add, name="enquiry-add"),
    path(
        "cases/<str:crn>/risk/checks/<int:pk>/reply/",
        views.enquiry_outcome,
        name="enquiry-outcome",
    ),
]
