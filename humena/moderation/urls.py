"""Pages: report something; members' blocks."""

from django.urls import path

from humena.moderation import views

app_name = "moderation"

urlpatterns = [
    path("report/<str:kind>/<int:object_id>/", views.report, name="report"),
]
