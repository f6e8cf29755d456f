from django.urls import path

from producers.api.auth import TokenView
from producers.api.views import MeProducerView, MeProductDetailView, MeProductListView

urlpatterns = [
    path("auth/token/", TokenView.as_view(), name="api-token"),
    path("me/producer/", MeProducerView.as_view(), name="api-me-producer"),
    path("me/products/", MeProductListView.as_view(), name="api-me-products"),
    path("me/products/<int:pk>/", MeProductDetailView.as_view(), name="api-me-product"),
]
