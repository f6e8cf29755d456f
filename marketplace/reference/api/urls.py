from rest_framework.routers import SimpleRouter

from marketplace.reference.api.views import CategoryViewSet, CommuneViewSet

router = SimpleRouter()
router.register("communes", CommuneViewSet, basename="commune")
router.register("categories", CategoryViewSet, basename="category")

urlpatterns = router.urls
