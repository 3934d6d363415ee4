from django.urls import path

from desist.courts import views

app_name = "courts"
urlpatterns = [
    path("courts/", views.court_list, name="court-list"),
    path("courts/import/", views.court_list_import, name="import"),
    path("courts/hearings/<int:pk>/", views.hearing, name="hearing"),
    path("courts/hearings/<int:pk>/match/", views.hearing_match, name="hearing-match"),
    path("courts/hearings/<int:pk>/new-case/", views.hearing_new_case, name="hearing-new-case"),
    path("courts/hearings/<int:pk>/note/", views.hearing_note, name="hearing-note"),
    path("courts/hearings/<int:pk>/outcome/", views.hearing_outcome, name="hearing-outcome"),
    path("courts/hearings/<int:pk>/sentence/", views.hearing_sentence, name="hearing-sentence"),
    path("courts/hearings/<int:pk>/report/new/", views.report_request, name="report-request"),
    path("courts/reports/", views.reports_to_write, name="reports-to-write"),
    path("courts/reports/<int:pk>/", views.report, name="report"),
    path("courts/reports/<int:pk>/proposal/", views.report_proposal, name="report-proposal"),
    path("courts/reports/<int:pk>/<str:step>/", views.report_step, name="report-step"),
]
