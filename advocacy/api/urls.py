from rest_framework.routers import SimpleRouter

app_name = "advocacy-api"

router = SimpleRouter()

urlpatterns = router.urls
