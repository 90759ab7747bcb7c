from rest_framework.routers import SimpleRouter

from advocacy.api import views

app_name = "advocacy-api"

router = SimpleRouter()
router.register("campaigns", views.CampaignViewSet, basename="campaign")
router.register("stakeholders", views.StakeholderViewSet, basename="stakeholder")

urlpatterns = router.urls
