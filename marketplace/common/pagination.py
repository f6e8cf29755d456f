from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination

from marketplace.common.numbers import positive_int


class StandardPagination(PageNumberPagination):
    """`page` and `page_size` (at most 100), as the public contract says.

    DRF answers 404 to `page=abc` and silently ignores `page_size=abc`; the contract asks for a
    400 with a message for any malformed number.
    """

    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100

    def paginate_queryset(self, queryset, request, view=None):  # type: ignore[no-untyped-def]
        errors = {}
        for name in (self.page_query_param, self.page_size_query_param):
            raw = request.query_params.get(name)
            if raw is not None and raw != "last" and positive_int(raw) is None:
                errors[name] = [f"« {raw} » n'est pas un nombre entier positif."]
        if errors:
            raise ValidationError(errors)
        return super().paginate_queryset(queryset, request, view)
