"""Online payment with Stripe: every call to Stripe in `stripe_client`, the payment flows in
`services`, the verified webhook in `webhooks`."""
