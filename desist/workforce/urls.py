from django.urls import path

from desist.workforce import views

app_name = "workforce"
urlpatterns = [
    path("team/", views.team, name="team"),
    path("team/staff/<int:pk>/", views.practitioner, name="practitioner"),
    path("team/staff/<int:pk>/reductions/add/", views.reduction_add, name="reduction-add"),
    path("team/staff/<int:pk>/hours/", views.hours_change, name="hours"),
    path("allocations/", views.queue, name="queue"),
    path("allocations/<int:pk>/", views.allocate, name="allocate"),
    path("allocations/<int:pk>/allocated/", views.allocated, name="allocated"),
    path("allocations/exceptions/<int:pk>/", views.exception, name="exception"),
    path("cases/<str:crn>/transfer/", views.transfer, name="transfer"),
    path("workload-weightings/", views.weightings, name="weightings"),
]
