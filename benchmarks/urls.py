"""The site's own URLs plus the floors of `make bench` (benchmarks/settings.py only)."""

from django.urls import path

from benchmarks import instrument
from humena.urls import *  # noqa: F403
from humena.urls import urlpatterns as site

urlpatterns = [
    path("bench-floor/<str:name>/", instrument.floor, name="bench-floor"),
    *site,
]
