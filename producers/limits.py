"""How often a visitor or an account may make the producer area send an e-mail or check a
password (applied to the routes in producers/urls.py; docs/security.md lists them all)."""

from marketplace.common.ratelimit import Limit, account, posted

LOGIN = (Limit("login-ip", "60/h"),)
SIGN_UP = (Limit("signup-ip", "10/h"), Limit("signup-address", "3/h", posted("email")))
RESEND_VERIFICATION = (Limit("verification-account", "3/h", account),)
PASSWORD_RESET = (Limit("reset-ip", "10/h"), Limit("reset-address", "3/h", posted("email")))
PASSWORD_CHANGE = (Limit("password-change-account", "10/h", account),)
INVITE = (Limit("invite-account", "20/d", account), Limit("invite-address", "3/d", posted("email")))
INVITATION_ACCEPT = (Limit("invitation-ip", "20/h"),)
