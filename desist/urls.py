from django.urls import include, path

urlpatterns = [
    path("", include("desist.core.urls")),
    path("", include("desist.accounts.urls")),
    path("", include("desist.people.urls")),
    path("", include("desist.access.urls")),
    path("", include("desist.sentences.urls")),
    path("", include("desist.supervision.urls")),
    path("", include("desist.risk.urls")),
    path("", include("desist.courts.urls")),
    path("", include("desist.workforce.urls")),
    path("", include("desist.documents.urls")),
    path("", include("desist.enforcement.urls")),
    path("", include("desist.plans.urls")),
    path("", include("desist.oversight.urls")),
    path("", include("desist.interventions.urls")),
    path("", include("desist.programmes.urls")),
    path("", include("desist.unpaid_work.urls")),
    path("", include("desist.prerelease.urls")),
    path("api/", include("desist.api.urls")),
]
