"""Every write to a producer, its points of sale, photos and catalogue.

Keyword-only, typed functions: each validates (full_clean, the state machines) before saving,
runs in a transaction and re-indexes what it changed at its end (producers.indexing). Callers
(dashboard views, the API, the admin, imports) check permissions first, with
`producers.selectors.producer_for_user` / `product_for_user`. Accounts (sign-up, e-mail
verification, invitations) live in `producers.accounts`.
"""

from producers.services.photos import (
    photo_alt_set,
    photo_delete,
    photo_move_first,
    producer_logo_set,
    producer_photo_add,
    product_photo_add,
)
from producers.services.products import (
    Removal,
    product_create,
    product_duplicate,
    product_quick_update,
    product_remove,
    product_update,
)
from producers.services.profile import (
    point_of_sale_create,
    point_of_sale_delete,
    point_of_sale_update,
    producer_delete,
    producer_update,
)
from producers.services.status import (
    PRODUCER_MOVES,
    producer_approve,
    producer_reinstate,
    producer_reject,
    producer_resubmit,
    producer_suspend,
    product_archive,
    product_publish,
    product_restore,
    product_status_set,
    product_unpublish,
)
from producers.services.stock import (
    OutOfStock,
    stock_return,
    stock_set,
    stock_set_many,
    stock_take,
)

__all__ = [
    "PRODUCER_MOVES", "OutOfStock", "Removal", "photo_alt_set", "photo_delete",
    "photo_move_first", "point_of_sale_create", "point_of_sale_delete", "point_of_sale_update",
    "producer_approve", "producer_delete",
    "producer_logo_set", "producer_photo_add", "producer_reinstate",
    "producer_reject", "producer_resubmit", "producer_suspend", "producer_update",
    "product_archive", "product_create", "product_duplicate", "product_photo_add",
    "product_publish", "product_quick_update", "product_remove", "product_restore",
    "product_status_set", "product_unpublish", "product_update", "stock_return", "stock_set",
    "stock_set_many", "stock_take",
]
