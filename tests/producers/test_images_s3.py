"""Photos go through Django's storage API: the same code stores them in S3 (moto's S3 server)."""

import socket

import boto3
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from producers import services
from tests.factories import ProductFactory
from tests.producers.factories import image_bytes

BUCKET = "marketplace-media"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def s3_endpoint():
    from moto.server import ThreadedMotoServer

    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def s3_storage(settings, s3_endpoint):
    options = {"bucket_name": BUCKET, "endpoint_url": s3_endpoint, "access_key": "testing",
               "secret_key": "testing", "region_name": "eu-west-3",
               "addressing_style": "path", "file_overwrite": False}
    client = boto3.client("s3", endpoint_url=s3_endpoint, aws_access_key_id="testing",
                          aws_secret_access_key="testing", region_name="eu-west-3")
    client.create_bucket(Bucket=BUCKET,
                         CreateBucketConfiguration={"LocationConstraint": "eu-west-3"})
    settings.STORAGES = {**settings.STORAGES,
                         "default": {"BACKEND": "storages.backends.s3.S3Storage",
                                     "OPTIONS": options}}
    yield client
    for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


@pytest.mark.django_db
def test_a_product_photo_and_its_thumbnail_land_in_the_bucket(lot_communes, s3_storage,
                                                              django_capture_on_commit_callbacks):
    product = ProductFactory.create()
    upload = SimpleUploadedFile("tomme.jpg", image_bytes("JPEG", (1000, 750)), "image/jpeg")

    photo = services.product_photo_add(product=product, upload=upload)

    keys = {o["Key"] for o in s3_storage.list_objects_v2(Bucket=BUCKET)["Contents"]}
    assert keys == {photo.image.name, photo.thumbnail.name}
    assert photo.card_url.startswith("http://127.0.0.1:")

    with django_capture_on_commit_callbacks(execute=True):
        services.photo_delete(photo=photo)
    assert "Contents" not in s3_storage.list_objects_v2(Bucket=BUCKET)


def _keys(client) -> set[str]:
    return {o["Key"] for o in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])}


@pytest.mark.django_db
def test_deleting_a_product_deletes_its_files_once_committed(lot_communes, s3_storage,
                                                             django_capture_on_commit_callbacks):
    product = ProductFactory.create()
    services.product_photo_add(product=product, upload=SimpleUploadedFile(
        "tomme.jpg", image_bytes("JPEG", (640, 480)), "image/jpeg"))
    assert len(_keys(s3_storage)) == 2

    with django_capture_on_commit_callbacks(execute=True):
        assert services.product_remove(product=product) == services.Removal.DELETED

    assert _keys(s3_storage) == set()


@pytest.mark.django_db
def test_deleting_a_producer_deletes_every_file_of_its_listing(lot_communes, s3_storage,
                                                               django_capture_on_commit_callbacks):
    product = ProductFactory.create()
    producer = product.producer
    jpeg = image_bytes("JPEG", (640, 480))
    services.product_photo_add(product=product,
                               upload=SimpleUploadedFile("a.jpg", jpeg, "image/jpeg"))
    services.producer_photo_add(producer=producer,
                                upload=SimpleUploadedFile("b.jpg", jpeg, "image/jpeg"))
    services.producer_logo_set(producer=producer,
                               upload=SimpleUploadedFile("c.jpg", jpeg, "image/jpeg"))
    assert len(_keys(s3_storage)) == 5

    with django_capture_on_commit_callbacks(execute=True):
        services.producer_delete(producer=producer)

    assert _keys(s3_storage) == set()


@pytest.mark.django_db(transaction=True)
def test_the_worker_makes_the_thumbnail_in_the_bucket(lot_communes, s3_storage,
                                                      database_backend):
    from tests.conftest import work_queued_tasks

    photo = services.product_photo_add(product=ProductFactory.create(), upload=SimpleUploadedFile(
        "tomme.jpg", image_bytes("JPEG", (1000, 750)), "image/jpeg"))
    assert _keys(s3_storage) == {photo.image.name}

    work_queued_tasks()
    work_queued_tasks()  # nothing left to do: no second thumbnail

    photo.refresh_from_db()
    assert _keys(s3_storage) == {photo.image.name, photo.thumbnail.name}
    assert str(photo.thumbnail.name).endswith("-vignette.jpg")
