"""Background tasks of the public directory (django.tasks): plain arguments only.

A visitor's message to a producer or to the CCI's team is sent here, with the visitor as
Reply-To. The recipient's address is looked up when the task runs, so it never reaches the
visitor's page nor the form. Run twice (a worker dying after the send), the message would
arrive twice: acceptable for a message, and nothing about it is stored to tell."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from marketplace.common.tasks import retrying_task
from marketplace.common.urls import absolute_url
from producers.models import MemberRole, Producer


def producer_recipients(producer: Producer) -> list[str]:
    """The farm's contact address; without one, its owners' (each once)."""
    if producer.email.strip():
        return [producer.email.strip()]
    owners = (producer.memberships.filter(role=MemberRole.OWNER)
              .values_list("user__email", flat=True))
    return sorted({address.strip() for address in owners if address and address.strip()})


def contact_message(*, producer: Producer | None, name: str, email: str, phone: str,
                    message: str) -> EmailMessage | None:
    """The e-mail to send, or None when nobody can receive it (a farm without any address).
    The visitor's words stay in the body: no typed text goes into a header but the Reply-To,
    an address the form validated."""
    to = producer_recipients(producer) if producer is not None else [settings.CONTACT_EMAIL]
    if not to:
        return None
    with translation.override(settings.LANGUAGE_CODE):
        if producer is not None:
            subject = _("Un visiteur de %(site)s vous écrit") % {"site": settings.SITE_NAME}
        else:
            subject = _("Message reçu par la page de contact de %(site)s") % {
                "site": settings.SITE_NAME}
        body = render_to_string("marketplace/emails/contact.txt", {
            "producer": producer, "name": name, "email": email, "phone": phone,
            "message": message, "site_name": settings.SITE_NAME,
            "page_url": absolute_url(producer.get_absolute_url()) if producer else "",
        })
    return EmailMessage(subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL,
                        to=to, reply_to=[email])


@retrying_task()
def send_contact_message(*, producer_id: int | None, name: str, email: str, phone: str,
                         message: str) -> bool:
    """Send one visitor's message (producer_id None: to the CCI's team). A producer no longer
    public by then gets nothing: the visitor wrote to a listing that was withdrawn."""
    producer = None
    if producer_id is not None:
        producer = Producer.objects.public().filter(pk=producer_id).first()
        if producer is None:
            return False
    built = contact_message(producer=producer, name=name, email=email, phone=phone,
                            message=message)
    if built is None:
        return False
    built.send()
    return True
