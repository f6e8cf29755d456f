"""Producer self-service API: the caller's producer and its catalogue (token auth).

A member reaches its own producer; staff reach any producer by passing `?producer=<slug>`.
Everything else answers 404, so the API never confirms that someone else's record exists.
"""

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import NotFound
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from marketplace.common.pagination import StandardPagination
from producers import services
from producers.api.serializers import (
    ErrorSerializer,
    ProducerOutputSerializer,
    ProducerPatchSerializer,
    ProductInputSerializer,
    ProductOutputSerializer,
    RemovalSerializer,
)
from producers.models import Producer, Product
from producers.selectors import (
    dashboard_products,
    default_producer_for_user,
    producer_for_user,
    product_for_user,
)

PRODUCER_PARAM = OpenApiParameter(
    "producer", OpenApiTypes.STR, OpenApiParameter.QUERY, required=False,
    description="Slug du producteur, si le compte en gère plusieurs (ou pour l'équipe CCI).",
)
NO_PRODUCER = "Aucun producteur n'est rattaché à ce compte."
ERRORS: dict[int | str, Any] = {
    400: OpenApiResponse(OpenApiTypes.OBJECT,
                         description="Données invalides : un message en français par champ."),
    401: OpenApiResponse(ErrorSerializer, description="Jeton absent ou non valide."),
    404: OpenApiResponse(ErrorSerializer, description="Introuvable pour ce compte."),
}


def api_validation_error(error: DjangoValidationError) -> ApiValidationError:
    """A model/service ValidationError as DRF's {"field": ["message"]} 400 answer."""
    if hasattr(error, "error_dict"):
        return ApiValidationError({
            ("non_field_errors" if k == "__all__" else k): v
            for k, v in error.message_dict.items()
        })
    return ApiValidationError({"non_field_errors": error.messages})


class ProducerScopedView(generics.GenericAPIView):
    permission_classes = [IsAuthenticated]

    def get_producer(self) -> Producer:
        slug = self.request.query_params.get("producer")
        try:
            if slug:
                return producer_for_user(user=self.request.user, slug=slug)
        except Http404:
            raise NotFound("Producteur introuvable pour ce compte.") from None
        producer = default_producer_for_user(user=self.request.user)
        if producer is None:
            raise NotFound(NO_PRODUCER)
        return producer


class MeProducerView(ProducerScopedView):
    serializer_class = ProducerOutputSerializer

    def _output(self, producer: Producer) -> Response:
        producer = (Producer.objects.select_related("commune")
                    .prefetch_related("labels", "photos").get(pk=producer.pk))
        return Response(ProducerOutputSerializer(producer,
                                                 context=self.get_serializer_context()).data)

    @extend_schema(operation_id="me_producer_retrieve", parameters=[PRODUCER_PARAM],
                   responses={200: ProducerOutputSerializer, **ERRORS},
                   summary="Mon producteur (fiche complète, y compris non publiée)")
    def get(self, request: Request) -> Response:
        return self._output(self.get_producer())

    @extend_schema(operation_id="me_producer_partial_update", parameters=[PRODUCER_PARAM],
                   request=ProducerPatchSerializer,
                   responses={200: ProducerOutputSerializer, **ERRORS},
                   summary="Modifier ma fiche (champs partiels)")
    def patch(self, request: Request) -> Response:
        producer = self.get_producer()
        payload = ProducerPatchSerializer(data=request.data, partial=True)
        payload.is_valid(raise_exception=True)
        data = dict(payload.validated_data)
        labels = data.pop("labels", None)
        try:
            services.producer_update(producer=producer, data=data, labels=labels)
        except DjangoValidationError as error:
            raise api_validation_error(error) from None
        return self._output(producer)


class MeProductListView(ProducerScopedView):
    serializer_class = ProductOutputSerializer
    pagination_class = StandardPagination

    def get_queryset(self) -> Any:
        if getattr(self, "swagger_fake_view", False):  # schema generation: no user
            return Product.objects.none()
        archived = self.request.query_params.get("archived") == "true"
        return dashboard_products(producer=self.get_producer(), archived=archived)

    @extend_schema(
        operation_id="me_products_list",
        parameters=[PRODUCER_PARAM, OpenApiParameter(
            "archived", OpenApiTypes.BOOL, OpenApiParameter.QUERY, required=False,
            description="true : les produits archivés au lieu des produits en cours.")],
        responses={200: ProductOutputSerializer(many=True), 400: OpenApiResponse(
            OpenApiTypes.OBJECT, description="`page` ou `page_size` mal formé."),
            401: ERRORS[401], 404: ERRORS[404]},
        summary="Mes produits (tous statuts)",
    )
    def get(self, request: Request) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        data = ProductOutputSerializer(page, many=True, context=self.get_serializer_context()).data
        return self.get_paginated_response(data)

    @extend_schema(operation_id="me_products_create", parameters=[PRODUCER_PARAM],
                   request=ProductInputSerializer,
                   responses={201: ProductOutputSerializer, **ERRORS},
                   summary="Ajouter un produit")
    def post(self, request: Request) -> Response:
        producer = self.get_producer()
        payload = ProductInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = dict(payload.validated_data)
        labels = data.pop("labels", [])
        try:
            product = services.product_create(producer=producer, data=data, labels=labels)
        except DjangoValidationError as error:
            raise api_validation_error(error) from None
        return Response(_product_output(product, self.get_serializer_context()),
                        status=status.HTTP_201_CREATED)


def _product_output(product: Product, context: Mapping[str, Any]) -> Any:
    product = (Product.objects.select_related("category", "producer")
               .prefetch_related("labels", "photos").get(pk=product.pk))
    return ProductOutputSerializer(product, context=context).data


class MeProductDetailView(generics.GenericAPIView):
    serializer_class = ProductOutputSerializer
    permission_classes = [IsAuthenticated]

    def get_product(self, pk: int) -> Product:
        try:
            return product_for_user(user=self.request.user, pk=pk)
        except Http404:
            raise NotFound("Produit introuvable pour ce compte.") from None

    @extend_schema(operation_id="me_products_retrieve",
                   responses={200: ProductOutputSerializer, 401: ERRORS[401], 404: ERRORS[404]},
                   summary="Un de mes produits")
    def get(self, request: Request, pk: int) -> Response:
        return Response(_product_output(self.get_product(pk), self.get_serializer_context()))

    @extend_schema(operation_id="me_products_partial_update",
                   request=ProductInputSerializer(partial=True),
                   responses={200: ProductOutputSerializer, **ERRORS},
                   summary="Modifier un produit (champs partiels)")
    def patch(self, request: Request, pk: int) -> Response:
        product = self.get_product(pk)
        payload = ProductInputSerializer(data=request.data, partial=True)
        payload.is_valid(raise_exception=True)
        data = dict(payload.validated_data)
        labels = data.pop("labels", None)
        try:
            services.product_update(product=product, data=data, labels=labels)
        except DjangoValidationError as error:
            raise api_validation_error(error) from None
        return Response(_product_output(product, self.get_serializer_context()))

    @extend_schema(
        operation_id="me_products_destroy",
        responses={
            204: OpenApiResponse(description="Supprimé (aucune commande ne le concerne)."),
            200: OpenApiResponse(RemovalSerializer, description=(
                "Archivé plutôt que supprimé : des commandes le concernent.")),
            401: ERRORS[401], 404: ERRORS[404],
        },
        summary="Supprimer un produit (archivé s'il figure dans des commandes)",
    )
    def delete(self, request: Request, pk: int) -> Response:
        product = self.get_product(pk)
        outcome = services.product_remove(product=product)
        if outcome == services.Removal.DELETED:
            return Response(status=status.HTTP_204_NO_CONTENT)
        return Response({"result": "archived",
                         "product": _product_output(product, self.get_serializer_context())})
