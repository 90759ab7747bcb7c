from rest_framework.routers import SimpleRouter

app_name = "engagement-api"

router = SimpleRouter()

urlpatterns = router.urls
