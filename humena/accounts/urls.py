from django.urls import path

from humena.accounts import views

app_name = "accounts"

urlpatterns = [
    path("settings/", views.account_settings, name="settings"),
    path("api-token/", views.api_token, name="api_token"),
]
