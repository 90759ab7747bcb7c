from rest_framework.routers import SimpleRouter

app_name = "diaspora-api"

router = SimpleRouter()

urlpatterns = router.urls
