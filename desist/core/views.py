from django.db import connection
from django.http import HttpResponse
from django.shortcuts import redirect

from desist.accounts.middleware import public
from desist.accounts.roles import Permission
from desist.oversight import views as oversight_views


def home(request):
    """Practitioners start at their home page (their day); everyone else at search."""
    if request.user.may(Permission.HOLD_CASELOAD):
        return oversight_views.home(request)
    if request.user.may(Permission.SEARCH_CASES):
        return redirect("people:search")
    return redirect("accounts:roles")


def health_session(request):
    """The benchmark's floor: a signed-in session check and one trivial query."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return HttpResponse("ok", content_type="text/plain")


@public
def health_live(request):
    """For load balancers: the process answers (no session, no database)."""
    return HttpResponse("ok", content_type="text/plain")
