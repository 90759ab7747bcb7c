"""allauth adapters: how accounts send mail and how MFA secrets are kept."""

from functools import cached_property

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.usersessions.adapter import DefaultUserSessionsAdapter
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest
from django.utils import translation

from humena.core.email import email_queue_on_commit


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Render now, in the request's language; send from a Celery task after commit.

        A slow or failing mail server then never makes a sign-up or reset page fail or hang.
        """
        from allauth.core import context as allauth_context
        from django.contrib.sites.shortcuts import get_current_site

        request = allauth_context.request
        ctx = {"request": request, "email": email, "current_site": get_current_site(request)}
        ctx.update(context)
        user = context.get("user")
        language = translation.get_language()
        if user is not None and getattr(user, "preferred_language", None) and not request:
            language = user.preferred_language
        with translation.override(language):
            message = self.render_mail(template_prefix, email, ctx)
        email_queue_on_commit(message=message)

    def send_notification_mail(self, template_prefix, user, context=None, email=None) -> None:
        """Security notices ("your password changed") name the network, not the address."""
        from humena.core.security import coarse_ip

        context = dict(context or {})
        context.setdefault("ip", coarse_ip(self.get_client_ip(self.request)))
        super().send_notification_mail(template_prefix, user, context=context, email=email)

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        """After signing in, continue in the person's own language."""
        from django.urls import translate_url

        url = super().get_login_redirect_url(request)
        language = getattr(request.user, "preferred_language", None)
        current = translation.get_language_from_path(url)
        if language and current and language != current:
            with translation.override(current):
                return translate_url(url, language)
        return url

    def pre_login(self, request: HttpRequest, user, **kwargs):
        """A suspended account (humena.moderation) is refused, with the date it may return."""
        from humena.moderation.selectors import user_suspended

        if user_suspended(user):
            from allauth.account.internal.stagekit import clear_login
            from django.shortcuts import render

            clear_login(request)
            return render(
                request, "account/suspended.html", {"until": user.suspended_until}, status=403
            )
        return super().pre_login(request, user, **kwargs)

    def save_user(self, request: HttpRequest, user, form, commit: bool = True):
        # The language people signed up in is the one they read: use it for their email too.
        if request is not None and getattr(request, "LANGUAGE_CODE", None):
            user.preferred_language = request.LANGUAGE_CODE
        return super().save_user(request, user, form, commit=commit)


class MFAAdapter(DefaultMFAAdapter):
    """Encrypts TOTP secrets and recovery-code seeds at rest (allauth keeps them in clear).

    MFA_ENCRYPTION_KEYS holds Fernet keys, newest first: to rotate, prepend a new key, then
    re-encrypt with `manage.py rotate_mfa_keys` and drop the old key.
    """

    @cached_property
    def _fernet(self) -> MultiFernet:
        keys = settings.MFA_ENCRYPTION_KEYS
        if not keys:
            raise ImproperlyConfigured("MFA_ENCRYPTION_KEYS is empty.")
        return MultiFernet([Fernet(key.encode()) for key in keys])

    def encrypt(self, text: str) -> str:
        return self._fernet.encrypt(text.encode()).decode()

    def decrypt(self, encrypted_text: str) -> str:
        try:
            return self._fernet.decrypt(encrypted_text.encode()).decode()
        except InvalidToken as exc:
            raise ImproperlyConfigured(
                "An MFA secret cannot be decrypted with MFA_ENCRYPTION_KEYS."
            ) from exc

    def rotate(self, encrypted_text: str) -> str:
        return self._fernet.rotate(encrypted_text.encode()).decode()


class UserSessionsAdapter(DefaultUserSessionsAdapter):
    def end_sessions(self, sessions) -> None:
        """Signing out other sessions also stops the API token: it is another way in."""
        from allauth.core import context as allauth_context

        from humena.accounts.services import api_token_revoke

        sessions = list(sessions)
        super().end_sessions(sessions)
        users = {session.user for session in sessions}
        request = allauth_context.request
        if request is not None and request.user.is_authenticated:
            users.add(request.user)  # "sign out everywhere else" includes API clients
        for user in users:
            api_token_revoke(user=user)
