from django.urls import path

from humena.core.api.challenge import ChallengeView

app_name = "core-api"

urlpatterns = [
    path("challenge/", ChallengeView.as_view(), name="challenge"),
]
