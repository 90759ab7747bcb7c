from django.urls import path

from diaspora import views

app_name = "diaspora"

urlpatterns = [
    path("", views.index, name="index"),
]
