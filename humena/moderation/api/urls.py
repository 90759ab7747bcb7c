"""API: reports and blocks."""

from django.urls import path

from humena.moderation.api.reports import ReportListCreate

urlpatterns = [
    path("reports/", ReportListCreate.as_view(), name="api-reports"),
]
