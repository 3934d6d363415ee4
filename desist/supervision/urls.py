from django.urls import path

from desist.supervision import views

app_name = "supervision"
urlpatterns = [
    path("cases/<str:crn>/appointments/", views.appointments, name="appointments"),
    path(
        "cases/<str:crn>/appointments/arrange/",
        views.appointment_arrange,
        name="appointment-arrange",
    ),
    path(
        "cases/<str:crn>/appointments/<int:pk>/reschedule/",
        views.appointment_reschedule,
        name="appointment-reschedule",
    ),
    path(
        "cases/<str:crn>/appointments/<int:pk>/cancel/",
        views.appointment_cancel,
        name="appointment-cancel",
    ),
    path(
        "cases/<str:crn>/appointments/<int:pk>/outcome/",
        views.appointment_outcome,
        name="appointment-outcome",
    ),
    path("cases/<str:crn>/timeline/", views.timeline, name="timeline"),
    path("cases/<str:crn>/case-notes/add/", views.contact_add, name="contact-add"),
    path("diary/", views.diary, name="diary"),
    path("diary/missing-outcomes/", views.missing_outcomes, name="missing-outcomes"),
    path("diary/calendar-feed/", views.calendar_feed_settings, name="calendar-feed-settings"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar-feed"),
]
