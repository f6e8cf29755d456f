from django.urls import path

from orders.api.views import MeOrderListView, MeOrderTransitionView

urlpatterns = [
    path("me/orders/", MeOrderListView.as_view(), name="api-me-orders"),
    path("me/orders/<int:pk>/transition/", MeOrderTransitionView.as_view(),
         name="api-me-order-transition"),
]
