from django.urls import path

from desist.programmes import views

app_name = "programmes"
urlpatterns = [
    path("programmes/", views.home, name="home"),
    path("programmes/catalogue/", views.catalogue, name="catalogue"),
    path("programmes/waitlist/", views.waitlist, name="waitlist"),
    path("programmes/referrals/<int:pk>/suitability/", views.suitability, name="suitability"),
    path("programmes/groups/new/", views.group_add, name="group-add"),
    path("programmes/groups/<int:pk>/", views.group, name="group"),
    path("programmes/groups/<int:pk>/allocate/", views.allocate, name="allocate"),
    path(
        "programmes/groups/<int:pk>/members/<int:referral_pk>/catch-up/",
        views.catch_up,
        name="catch-up",
    ),
    path("programmes/sessions/<int:pk>/", views.register, name="register"),
    path("cases/<str:crn>/programmes/refer/", views.refer, name="refer"),
]
