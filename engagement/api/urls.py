from django.urls import path
from rest_framework.routers import SimpleRouter

from engagement.api.views import InitiativeGeoJSONView, InitiativeViewSet

app_name = "engagement-api"

router = SimpleRouter()
router.register("initiatives", InitiativeViewSet, basename="initiative")

urlpatterns = [
    path("initiatives.geojson", InitiativeGeoJSONView.as_view(), name="initiatives-geojson"),
    *router.urls,
]
