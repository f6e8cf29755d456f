from rest_framework.routers import SimpleRouter

from marketplace.directory.api.views import ProducerViewSet, ProductViewSet

router = SimpleRouter()
router.register("producers", ProducerViewSet, basename="producer")
router.register("products", ProductViewSet, basename="product")

urlpatterns = router.urls
