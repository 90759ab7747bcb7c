"""Pages: report something; members' blocks."""

from django.urls import path

from humena.moderation import block_views, views

app_name = "moderation"

urlpatterns = [
    path("report/<str:kind>/<str:ref>/", views.report, name="report"),
    path("blocks/", block_views.block_list, name="blocks"),
    path("blocks/new/<str:source>/<str:reference>/", block_views.block_confirm, name="block"),
    path("blocks/<int:block_id>/unblock/", block_views.block_remove, name="block_remove"),
]
