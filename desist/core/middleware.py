"""Turns a refused case access into a clear 403 page (or JSON for the API)."""

from django.http import JsonResponse
from django.shortcuts import render

from desist.access.selectors import CaseAccessDenied


class AccessDeniedMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, CaseAccessDenied):
            return None
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": exception.message}, status=403)
        return render(
            request, "core/access_denied.html", {"message": exception.message}, status=403
        )
