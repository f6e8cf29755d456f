"""Background tasks of the catalogue (django.tasks): plain arguments, safe to run twice."""

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.mail import send_mail

from marketplace.common import cache
from marketplace.common.tasks import retrying_task
from producers.images import thumbnail_name, thumbnail_of
from producers.indexing import CATALOGUE
from producers.models import ProducerPhoto, ProductPhoto

PHOTO_MODELS: dict[str, type[ProducerPhoto] | type[ProductPhoto]] = {
    "producer": ProducerPhoto, "product": ProductPhoto}


@retrying_task()
def send_email(*, to: list[str], subject: str, body: str) -> int:
    """One e-mail, rendered by the caller before it enqueued this task on commit."""
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to, fail_silently=False)


def thumbnails_deferred() -> bool:
    """Whether a worker makes the thumbnails (a backend that queues tasks): then an upload
    stores the display copy alone and answers sooner. The immediate backend (development, one
    small machine) makes them during the upload, as before."""
    return bool(photo_thumbnail_make.get_backend().supports_defer)


@retrying_task()
def photo_thumbnail_make(*, kind: str, photo_id: int) -> str:
    """The card thumbnail of a stored photo. Safe to run twice or late: a photo that has one,
    or no longer exists, is left alone; of two runs at once, one file is kept."""
    model = PHOTO_MODELS[kind]
    photo = model.objects.filter(pk=photo_id).first()
    if photo is None or photo.thumbnail or not photo.image.name:
        return ""
    target = thumbnail_name(photo.image.name)
    with photo.image.open("rb") as source:
        content = thumbnail_of(source, name=target.rsplit("/", 1)[-1])
    name = default_storage.save(target, content)
    if not model.objects.filter(pk=photo_id, thumbnail="").update(thumbnail=name):
        default_storage.delete(name)  # deleted meanwhile, or another run was first
        return ""
    cache.bump(CATALOGUE)  # the cards show it
    return name
