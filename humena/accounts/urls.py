from django.urls import path

from humena.accounts import views

app_name = "accounts"

urlpatterns = [
    path("settings/", views.account_settings, name="settings"),
    path("api-token/", views.api_token, name="api_token"),
    path("privacy/", views.privacy, name="privacy"),
    path("privacy/export/", views.data_export_request, name="data_export_request"),
    path("privacy/export/<str:token>/", views.data_export_download, name="data_export_download"),
    path("delete/", views.account_delete, name="delete"),
]
