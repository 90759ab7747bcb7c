from django.urls import path
from rest_framework.routers import SimpleRouter

from diaspora.api import views

app_name = "diaspora-api"

router = SimpleRouter()
router.register("networks", views.NetworkViewSet, basename="network")
router.register("joint-projects", views.JointProjectViewSet, basename="joint-project")
router.register("introductions", views.IntroductionViewSet, basename="introduction")

urlpatterns = [
    path("diaspora/profile/", views.OwnProfileView.as_view(), name="own-profile"),
    path("needs/<int:need_id>/matches/", views.NeedMatchesView.as_view(), name="need-matches"),
    *router.urls,
]
