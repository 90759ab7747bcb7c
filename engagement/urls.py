from django.urls import path

from engagement import views

app_name = "engagement"

urlpatterns = [
    path("", views.index, name="index"),
]
