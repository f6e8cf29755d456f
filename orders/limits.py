"""How often a visitor or an account may make the orders area send an e-mail or check a
password (applied in orders/urls.py; docs/security.md lists them all)."""

from marketplace.common.ratelimit import Limit, account, posted

LOGIN = (Limit("resident-login-ip", "60/h"),)
SIGN_UP = (Limit("resident-signup-ip", "10/h"),
           Limit("resident-signup-address", "3/h", posted("email")))
# A checkout e-mails the buyer's address and each producer: a guest could aim it at anyone.
CHECKOUT = (Limit("checkout-ip", "20/h"), Limit("checkout-address", "10/h", posted("email")))
# Changes and cancellations (at a secret link) e-mail the buyer and the producer.
ORDER_CHANGE = (Limit("order-change-ip", "30/h"),)
PAY = (Limit("pay-ip", "30/h"),)
# Erasing an account checks its password.
ERASE = (Limit("erase-account", "10/h", account),)
