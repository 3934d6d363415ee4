from django.urls import path

from desist.interventions import views

app_name = "interventions"
urlpatterns = [
    path("agencies/", views.directory, name="directory"),
    path("agencies/add/", views.agency_add, name="agency-add"),
    path("agencies/<int:pk>/", views.agency, name="agency"),
    path("agencies/<int:pk>/edit/", views.agency_edit, name="agency-edit"),
    path("agencies/<int:pk>/contacts/add/", views.agency_contact_add, name="contact-add"),
    path("cases/<str:crn>/referrals/", views.referrals, name="referrals"),
    path("cases/<str:crn>/referrals/add/", views.referral_add, name="referral-add"),
    path("cases/<str:crn>/referrals/<int:pk>/", views.referral, name="referral"),
    path("cases/<str:crn>/referrals/<int:pk>/edit/", views.referral_edit, name="referral-edit"),
    path(
        "cases/<str:crn>/referrals/<int:pk>/status/", views.referral_status, name="referral-status"
    ),
    path("cases/<str:crn>/referrals/<int:pk>/feedback/", views.feedback_add, name="feedback-add"),
    path(
        "cases/<str:crn>/referrals/<int:pk>/feedback/<int:feedback_pk>/read/",
        views.concern_read,
        name="concern-read",
    ),
    path(
        "cases/<str:crn>/referrals/<int:pk>/three-way-meeting/",
        views.meeting_arrange,
        name="meeting-arrange",
    ),
    path("cases/<str:crn>/accommodation/", views.accommodation, name="accommodation"),
    path(
        "cases/<str:crn>/accommodation/record/",
        views.accommodation_record,
        name="accommodation-record",
    ),
]
