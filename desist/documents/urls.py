from django.urls import path

from desist.documents import views

app_name = "documents"
urlpatterns = [
    path("cases/<str:crn>/documents/", views.documents, name="documents"),
    path(
        "cases/<str:crn>/documents/<int:pk>/download/",
        views.document_download,
        name="document-download",
    ),
]
