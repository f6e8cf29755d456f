from django.urls import path
from rest_framework.authtoken.views import obtain_auth_token

from producers.api.views import MeProducerView, MeProductDetailView, MeProductListView

urlpatterns = [
    path("auth/token/", obtain_auth_token, name="api-token"),
    path("me/producer/", MeProducerView.as_view(), name="api-me-producer"),
    path("me/products/", MeProductListView.as_view(), name="api-me-products"),
    path("me/products/<int:pk>/", MeProductDetailView.as_view(), name="api-me-product"),
]
