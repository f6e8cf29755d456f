"""Who may do what in /curation/: the « Équipe CCI » group holds exactly the permissions its
views ask for (a test compares the two), and nothing of the Django admin."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.apps import apps as global_apps
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

CCI_GROUP = "Équipe CCI"
ACCESS = "curation.access_curation"

# Each view names one of these, on top of ACCESS.
VIEW_PRODUCERS = "producers.view_producer"
CHANGE_PRODUCERS = "producers.change_producer"
CHANGE_PRODUCTS = "producers.change_product"
DECIDE_CLAIMS = "producers.change_listingclaim"
FEATURE = "producers.change_featuring"
IMPORT = "curation.import_catalogue"
EXPORT = "curation.export_directory"
VIEW_REFERENCE = "reference.view_category"

CCI_PERMISSIONS = sorted({
    ACCESS, VIEW_PRODUCERS, CHANGE_PRODUCERS, CHANGE_PRODUCTS, DECIDE_CLAIMS, FEATURE, IMPORT,
    EXPORT, VIEW_REFERENCE,
})


def staff_view(permission: str) -> Callable[[Callable[..., HttpResponse]],
                                            Callable[..., HttpResponse]]:
    """Visitors go to the login page; an account without the permission gets 403."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not (request.user.has_perm(ACCESS) and request.user.has_perm(permission)):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapped.curation_permission = permission  # type: ignore[attr-defined]
        return wrapped

    return decorator


def cci_group_ensure(*, apps: Any = None) -> Any:
    """Create or update the group with exactly CCI_PERMISSIONS (migration and demo data)."""
    apps = apps or global_apps
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    group, _created = group_model.objects.get_or_create(name=CCI_GROUP)
    wanted = []
    for name in CCI_PERMISSIONS:
        app_label, codename = name.split(".")
        wanted.append(permission_model.objects.get(content_type__app_label=app_label,
                                                   codename=codename))
    group.permissions.set(wanted)
    return group
