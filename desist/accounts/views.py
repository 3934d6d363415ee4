"""Signing in: username and password (argon2, throttled by django-axes), then a TOTP code
from an authenticator app. The first sign-in sets the app up. Demo mode skips the code."""

import base64

import segno
from django.conf import settings
from django.contrib.auth import login, logout
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from desist.accounts.forms import SignInForm, TokenForm
from desist.accounts.middleware import public
from desist.accounts.roles import ROLE_PERMISSIONS, Permission, Role
from desist.audit.models import Action
from desist.audit.services import audit_record


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return settings.LOGIN_REDIRECT_URL


@public
def sign_in(request):
    form = SignInForm(request, request.POST or None)
    if request.method == "POST" and form.is_valid():
        login(request, form.user)
        audit_record(actor=form.user, action=Action.SIGN_IN, request=request)
        if not settings.DEMO_MODE:  # a password alone never completes a sign-in
            return redirect(f"{reverse('accounts:two-factor')}?next={_next_url(request)}")
        return redirect(_next_url(request))
    return render(request, "accounts/sign_in.html", {"form": form, "next": _next_url(request)})


@public
def two_factor(request):
    """Ask for the TOTP code; on the first sign-in, show the QR code to set the app up."""
    if not request.user.is_authenticated:
        return redirect("accounts:sign-in")
    device = TOTPDevice.objects.filter(user=request.user).first()
    setting_up = device is None or not device.confirmed
    if device is None:
        device = TOTPDevice.objects.create(
            user=request.user, name="Authenticator app", confirmed=False
        )
    form = TokenForm(device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        if setting_up:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
        otp_login(request, device)
        return redirect(_next_url(request))
    qr = None
    if setting_up:
        qr = mark_safe(
            segno.make(device.config_url).svg_inline(
                scale=4, title="QR code for your authenticator app"
            )
        )
    return render(
        request,
        "accounts/two_factor.html",
        {
            "form": form,
            "setting_up": setting_up,
            "qr": qr,
            "next": _next_url(request),
            "secret": base64.b32encode(device.bin_key).decode() if setting_up else "",
        },
    )


@require_POST
@public
def sign_out(request):
    logout(request)
    return redirect("accounts:sign-in")


def roles(request):
    """The role table, as staff and auditors read it."""
    role_list = list(Role)
    rows = [
        (permission, [permission in ROLE_PERMISSIONS[role] for role in role_list])
        for permission in Permission
    ]
    return render(request, "accounts/roles.html", {"roles": role_list, "rows": rows})
