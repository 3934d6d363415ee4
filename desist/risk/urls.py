from django.urls import path

from desist.risk import views

app_name = "risk"
urlpatterns = [
    path("risk/reviews/", views.reviews_due, name="reviews-due"),
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
    path("cases/<str:crn>/risk/checks/new/", views.enquiry_add, name="enquiry-add"),
    path(
        "cases/<str:crn>/risk/checks/<int:pk>/reply/",
        views.enquiry_outcome,
        name="enquiry-outcome",
    ),
]
