"""Background tasks of the catalogue (django.tasks): plain arguments, safe to run twice."""

from django.conf import settings
from django.core.mail import send_mail

from marketplace.common.tasks import retrying_task


@retrying_task()
def send_email(*, to: list[str], subject: str, body: str) -> int:
    """One e-mail, rendered by the caller before it enqueued this task on commit."""
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to, fail_silently=False)
