"""The producer's orders in the self-service API: `GET me/orders/` and
`POST me/orders/<id>/transition/` (owner only, as every me/ route; staff pass `?producer=`)."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from marketplace.common.pagination import StandardPagination
from orders import services, states
from orders.api.serializers import OrderOutputSerializer, TransitionInputSerializer
from orders.models import Order, OrderStatus
from orders.selectors import producer_order, producer_orders
from producers.api.views import ERRORS, PRODUCER_PARAM, ProducerScopedView, api_validation_error


def _allowed(orders: list[Order]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for order in orders:
        targets: list[str] = []
        for name in states.PRODUCER_TRANSITIONS:
            transition = states.ORDER.transition(name)
            if order.status in transition.sources and transition.target not in targets:
                targets.append(transition.target)
        found[order.pk] = targets
    return found


class MeOrderListView(ProducerScopedView):
    serializer_class = OrderOutputSerializer
    pagination_class = StandardPagination

    def get_queryset(self) -> Any:
        if getattr(self, "swagger_fake_view", False):
            return Order.objects.none()
        params = self.request.query_params
        status = params.get("status") or None
        if status is not None and status not in OrderStatus.values:
            raise ApiValidationError({"status": ["Statut inconnu."]})
        day = None
        if params.get("day"):
            try:
                day = date.fromisoformat(params["day"])
            except ValueError:
                raise ApiValidationError({"day": ["Date attendue : AAAA-MM-JJ."]}) from None
        return producer_orders(self.get_producer(), day=day, status=status)

    @extend_schema(
        operation_id="me_orders_list",
        parameters=[PRODUCER_PARAM,
                    OpenApiParameter("status", OpenApiTypes.STR, OpenApiParameter.QUERY,
                                     required=False, enum=OrderStatus.values,
                                     description="Seulement les commandes de ce statut."),
                    OpenApiParameter("day", OpenApiTypes.DATE, OpenApiParameter.QUERY,
                                     required=False,
                                     description="Jour de retrait (heure de Paris).")],
        responses={200: OrderOutputSerializer(many=True), 400: OpenApiResponse(
            OpenApiTypes.OBJECT, description="Paramètre mal formé."),
            401: ERRORS[401], 404: ERRORS[404]},
        summary="Mes commandes, par heure de retrait",
    )
    def get(self, request: Request) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        context = {**self.get_serializer_context(), "allowed": _allowed(list(page or []))}
        data = OrderOutputSerializer(page, many=True, context=context).data
        return self.get_paginated_response(data)


class MeOrderTransitionView(ProducerScopedView):
    serializer_class = OrderOutputSerializer

    @extend_schema(
        operation_id="me_orders_transition", parameters=[PRODUCER_PARAM],
        request=TransitionInputSerializer,
        responses={200: OrderOutputSerializer, **ERRORS},
        summary="Faire avancer une commande (préparation, prête, retirée, annulée)",
    )
    def post(self, request: Request, pk: int) -> Response:
        producer = self.get_producer()
        try:
            order = producer_order(producer, pk)
        except Http404:
            raise NotFound("Commande introuvable pour ce compte.") from None
        payload = TransitionInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        try:
            services.producer_transition_to(order=order, target=payload.validated_data["to"],
                                            reason=payload.validated_data.get("reason", ""),
                                            actor=request.user)
        except DjangoValidationError as error:
            raise api_validation_error(error) from None
        order = producer_order(producer, pk)
        context = {**self.get_serializer_context(), "allowed": _allowed([order])}
        return Response(OrderOutputSerializer(order, context=context).data)
