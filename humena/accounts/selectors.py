"""Reads about accounts."""

from rest_framework.authtoken.models import Token

from humena.accounts.models import User


def api_token_exists(*, user: User) -> bool:
    return Token.objects.filter(user=user).exists()
