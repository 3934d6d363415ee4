from django.urls import path

from desist.sentences import views

app_name = "sentences"
# "events/add/", not "events/new/": people's cases/<crn>/<kind>/new/ would take that path.
urlpatterns = [
    path("cases/<str:crn>/events/add/", views.event_add, name="event-add"),
    path("cases/<str:crn>/events/<int:number>/", views.event_detail, name="event"),
    path(
        "cases/<str:crn>/events/<int:number>/requirements/add/",
        views.requirement_add,
        name="requirement-add",
    ),
    path(
        "cases/<str:crn>/events/<int:number>/licence-conditions/add/",
        views.licence_condition_add,
        name="licence-condition-add",
    ),
    path(
        "cases/<str:crn>/events/<int:number>/terminate/",
        views.event_terminate,
        name="event-terminate",
    ),
]
