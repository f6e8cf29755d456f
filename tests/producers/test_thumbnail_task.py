"""With a worker (the database backend), an upload stores the cleaned photo at once and the
worker makes its thumbnail; running that task twice, or after the photo is gone, does no harm."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_tasks_db.models import DBTaskResult
from PIL import Image

from producers import services
from producers.tasks import photo_thumbnail_make
from tests.conftest import stored_files, work_queued_tasks
from tests.factories import ProducerFactory, ProductFactory
from tests.producers.factories import image_bytes

pytestmark = pytest.mark.django_db(transaction=True)


def _files() -> set[str]:
    return stored_files("products") | stored_files("producers")


def _upload() -> SimpleUploadedFile:
    return SimpleUploadedFile("tomme.jpg", image_bytes("JPEG", (1200, 900)), "image/jpeg")


def test_the_worker_makes_the_thumbnail_after_the_upload(lot_communes, database_backend):
    product = ProductFactory.create()
    before = _files()

    photo = services.product_photo_add(product=product, upload=_upload())

    assert not photo.thumbnail and photo.card_url == photo.image.url  # the cards fall back
    assert _files() - before == {photo.image.name}
    assert DBTaskResult.objects.filter(status="READY").count() == 1

    work_queued_tasks()

    photo.refresh_from_db()
    assert photo.thumbnail.name == str(photo.image.name).replace(".jpg", "-vignette.jpg")
    with photo.thumbnail.open("rb") as stored, Image.open(stored) as thumbnail:
        assert thumbnail.size == (320, 240) and thumbnail.format == "JPEG"
    assert photo.card_url == photo.thumbnail.url


def test_running_the_task_twice_keeps_one_thumbnail(lot_communes, database_backend):
    before = _files()
    photo = services.producer_photo_add(producer=ProducerFactory.create(), upload=_upload())
    work_queued_tasks()
    files = _files()
    photo.refresh_from_db()

    again = photo_thumbnail_make.call(kind="producer", photo_id=photo.pk)

    assert again == ""
    assert _files() == files and len(files - before) == 2
    photo.refresh_from_db()
    assert photo.thumbnail.name in files


def test_a_photo_deleted_before_the_worker_leaves_no_file(lot_communes, database_backend):
    before = _files()
    photo = services.product_photo_add(product=ProductFactory.create(), upload=_upload())
    services.photo_delete(photo=photo)

    work_queued_tasks()

    assert _files() == before
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


def test_without_a_worker_the_upload_makes_the_thumbnail_itself(lot_communes):
    before = _files()
    photo = services.product_photo_add(product=ProductFactory.create(), upload=_upload())

    assert photo.thumbnail and _files() - before == {photo.image.name, photo.thumbnail.name}
    assert not DBTaskResult.objects.exists()
