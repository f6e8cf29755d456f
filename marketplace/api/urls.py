from rest_framework.routers import SimpleRouter

from marketplace.api.directory import ProducerViewSet, ProductViewSet
from marketplace.api.views import CategoryViewSet, CommuneViewSet

router = SimpleRouter()
router.register("communes", CommuneViewSet, basename="commune")
router.register("categories", CategoryViewSet, basename="category")
router.register("producers", ProducerViewSet, basename="producer")
router.register("products", ProductViewSet, basename="product")

urlpatterns = router.urls
