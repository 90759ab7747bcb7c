"""API: reports and blocks."""

from django.urls import path

from humena.moderation.api.blocks import BlockDestroy, BlockListCreate
from humena.moderation.api.reports import ReportListCreate

urlpatterns = [
    path("reports/", ReportListCreate.as_view(), name="api-reports"),
    path("blocks/", BlockListCreate.as_view(), name="api-blocks"),
    path("blocks/<int:pk>/", BlockDestroy.as_view(), name="api-block"),
]
