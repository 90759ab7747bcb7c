from rest_framework.routers import DefaultRouter

from humena.taxonomy.api import views

app_name = "taxonomy-api"

router = DefaultRouter()
router.register("themes", views.ThemeViewSet, basename="theme")
router.register("skill-categories", views.SkillCategoryViewSet, basename="skill-category")
router.register("skills", views.SkillViewSet, basename="skill")

urlpatterns = router.urls
