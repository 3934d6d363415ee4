"""Every page needs a signed-in member of staff, and outside demo mode a second factor.

Deny by default: a view is reachable without signing in only if it is marked @public.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse


def public(view):
    """Mark a view as reachable without signing in (sign-in pages, health checks)."""
    view.desist_public = True
    return view


def needs_second_factor(request: HttpRequest) -> bool:
    return not settings.DEMO_MODE and not request.user.is_verified()


class SignInRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if getattr(view_func, "desist_public", False) or getattr(
            getattr(view_func, "cls", None), "desist_public", False
        ):
            return None
        signed_in = request.user.is_authenticated
        if signed_in and not needs_second_factor(request):
            return None
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": "Sign in with two-factor authentication."}, status=401)
        if not signed_in:
            return redirect(f"{reverse('accounts:sign-in')}?next={request.path}")
        return redirect(f"{reverse('accounts:two-factor')}?next={request.path}")
