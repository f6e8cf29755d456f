from django.urls import include, path

from marketplace.common.ratelimit import Limit, rate_limited
from marketplace.common.responses import too_many_requests
from orders import limits
from orders.payments.webhooks import stripe_webhook
from orders.views import (
    account,
    cart,
    checkout,
    dashboard,
    payments,
    pickup,
    privacy,
    tracking,
)

app_name = "orders"


def limited(rules: tuple[Limit, ...]):  # type: ignore[no-untyped-def]
    return rate_limited(*rules, on_limit=too_many_requests)


farm_patterns = [
    path("commandes/", dashboard.order_list, name="orders"),
    path("commandes/preparation/", dashboard.packing_list, name="packing_list"),
    path("commandes/export.csv", dashboard.orders_csv, name="orders_csv"),
    path("commandes/<int:pk>/", dashboard.order_detail, name="order_detail"),
    path("commandes/<int:pk>/action/", dashboard.order_move, name="order_move"),
    path("paiement/", payments.payment_account, name="payment_account"),
    path("paiement/retour/", payments.payment_return, name="payment_return"),
    path("paiement/relancer/", payments.payment_refresh, name="payment_refresh"),
    path("retrait/", pickup.pickup_settings, name="pickup"),
    path("retrait/plages/ajouter/", pickup.window_edit, name="window_create"),
    path("retrait/plages/<int:pk>/", pickup.window_edit, name="window_update"),
    path("retrait/plages/<int:pk>/supprimer/", pickup.window_delete, name="window_delete"),
    path("retrait/fermetures/ajouter/", pickup.closure_add, name="closure_add"),
    path("retrait/fermetures/<int:pk>/supprimer/", pickup.closure_delete,
         name="closure_delete"),
    path("retrait/feries/ajouter/", pickup.holiday_add, name="holiday_add"),
    path("retrait/feries/<int:pk>/supprimer/", pickup.holiday_delete, name="holiday_delete"),
]

urlpatterns = [
    path("panier/", cart.cart_view, name="cart"),
    path("panier/ajouter/", cart.cart_add, name="cart_add"),
    path("commande/", limited(limits.CHECKOUT)(checkout.checkout), name="checkout"),
    path("commande/suivi/<str:token>/", tracking.tracking, name="tracking"),
    path("commande/suivi/<str:token>/<int:pk>/modifier/",
         limited(limits.ORDER_CHANGE)(tracking.order_change), name="order_change"),
    path("commande/suivi/<str:token>/<int:pk>/annuler/",
         limited(limits.ORDER_CHANGE)(tracking.order_cancel), name="order_cancel"),
    path("commande/suivi/<str:token>/<int:pk>/retrait.ics", tracking.order_calendar,
         name="order_calendar"),
    path("commande/suivi/<str:token>/payer/", limited(limits.PAY)(payments.pay), name="pay"),
    path("stripe/webhook/", stripe_webhook, name="stripe_webhook"),
    path("curation/incidents-paiement/", payments.payment_incidents, name="payment_incidents"),
    path("compte/connexion/", limited(limits.LOGIN)(account.LoginView.as_view()),
         name="login"),
    path("compte/deconnexion/", account.LogoutView.as_view(), name="logout"),
    path("compte/inscription/", limited(limits.SIGN_UP)(account.sign_up), name="signup"),
    path("compte/inscription/envoyee/", account.signup_sent, name="signup_sent"),
    path("compte/commandes/", account.my_orders, name="my_orders"),
    path("compte/donnees/", limited(limits.ERASE)(privacy.my_data), name="my_data"),
    path("compte/donnees/export.json", privacy.my_data_export, name="my_data_export"),
    path("commande/suivi/<str:token>/donnees.json", privacy.checkout_data_export,
         name="checkout_data_export"),
    path("commande/suivi/<str:token>/effacer/", privacy.checkout_forget,
         name="checkout_forget"),
    path("espace-producteur/ferme/<slug:slug>/", include(farm_patterns)),
]
