from django.conf import settings

from desist.accounts.roles import Permission


def service(request):
    """What every page's header needs: demo mode and which navigation items to show."""
    user = getattr(request, "user", None)
    granted = user.granted if user is not None and user.is_authenticated else frozenset()
    return {
        "DEMO_MODE": settings.DEMO_MODE,
        "can": {permission.value: permission in granted for permission in Permission},
    }
