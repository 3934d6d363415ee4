from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from desist.api import views

app_name = "api"
urlpatterns = [
    path("cases/", views.case_list, name="case-list"),
    path("cases/<str:crn>/", views.case_detail, name="case-detail"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
]
