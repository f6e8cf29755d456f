"""Taking over a listing (issue 22): a SIRET that another account or an imported listing holds
goes to the CCI, never to whoever came first; an invitation link works only for the address it
was sent to; an imported listing moves to its producer's own account when claimed."""

import re

from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from producers.accounts import invitation_create, invitation_token
from producers.catalogue_io import catalogue_import
from producers.models import (
    ClaimStatus,
    ListingClaim,
    MemberRole,
    Producer,
    ProducerInvitation,
    ProducerOrigin,
    ProducerStatus,
)
from tests.factories import ProducerFactory, UserFactory, verified
from tests.producers.conftest_import import row, write_csv

User = get_user_model()


def imported(**kwargs) -> Producer:
    return ProducerFactory.create(nom="Ferme du Pech", slug="ferme-du-pech",
                                  origin=ProducerOrigin.IMPORT, email="contact@pech.test",
                                  **kwargs)


def link(message) -> str:
    match = re.search(r"http://127\.0\.0\.1:8000(\S+)", str(message.body))
    assert match is not None
    return match.group(1)


def signup(client: Client, siret: str | None, email: str = "vrai@pech.test"):
    return client.post("/espace-producteur/inscription/", {
        "email": email, "password1": "chèvres-du-causse-46", "password2": "chèvres-du-causse-46",
        "nom": "Ferme du Pech", "legal_name": "EARL du Pech", "siret": siret,
        "commune": "Gramat (46128)", "phone": "0565123456"})


def send_claim_invitation(cci, producer, capture) -> str:
    with capture(execute=True):
        cci.client.post(f"/curation/producteurs/{producer.slug}/inviter/")
    return link(mail.outbox[-1])


def test_a_squatter_does_not_keep_a_siret_the_real_producer_signs_up_with(cci, lot_communes):
    squatter = Client()
    signup(squatter, "44306184100047", email="squatteur@example.test")
    farm = Producer.objects.get(siret="44306184100047")

    response = signup(Client(), "44306184100047")

    assert response.status_code == 302
    claim = ListingClaim.objects.get()
    assert (claim.producer, claim.user.email, claim.status) == (
        farm, "vrai@pech.test", ClaimStatus.PENDING)
    assert list(farm.memberships.values_list("user__email", flat=True)) == [
        "squatteur@example.test"]
    # The CCI sees it in its queue, on the farm's review page, and decides.
    assert "vrai@pech.test" in cci.client.get("/curation/file/").content.decode()
    cci.client.post(f"/curation/reprises/{claim.pk}/", {"move": "accept"})
    assert list(farm.memberships.values_list("user__email", "role")) == [
        ("vrai@pech.test", MemberRole.OWNER)]
    farm.refresh_from_db()
    assert farm.status == ProducerStatus.PENDING  # a claim moves the listing, approves nothing


def test_the_cci_refuses_a_claim_with_a_reason_the_claimant_reads(
        cci, lot_communes, django_capture_on_commit_callbacks):
    farm = imported()
    signup(Client(), farm.siret, email="faux@example.test")
    claim = ListingClaim.objects.get()
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        cci.client.post(f"/curation/reprises/{claim.pk}/",
                        {"move": "refuse", "reason": "Le Kbis ne correspond pas."})

    claim.refresh_from_db()
    assert (claim.status, claim.status_reason, claim.decided_by) == (
        ClaimStatus.REFUSED, "Le Kbis ne correspond pas.", cci.user)
    assert not farm.memberships.exists()
    assert mail.outbox[0].to == ["faux@example.test"]
    assert "Motif : Le Kbis ne correspond pas." in mail.outbox[0].body
    dashboard = Client()
    dashboard.force_login(claim.user)
    assert "Le Kbis ne correspond pas." in dashboard.get("/espace-producteur/").content.decode()


def test_refusing_needs_a_reason(cci, lot_communes):
    farm = imported()
    signup(Client(), farm.siret)
    claim = ListingClaim.objects.get()

    response = cci.client.post(f"/curation/reprises/{claim.pk}/", {"move": "refuse"})

    assert response.status_code == 400
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.PENDING


def test_the_invited_producer_claims_an_imported_listing(cci, lot_communes,
                                                         django_capture_on_commit_callbacks):
    farm = imported()
    url = send_claim_invitation(cci, farm, django_capture_on_commit_callbacks)
    assert mail.outbox[-1].to == ["contact@pech.test"]

    response = Client().post(url, {"password1": "noyers-du-pech-46",
                                   "password2": "noyers-du-pech-46"})

    assert response["Location"] == "/espace-producteur/ferme/ferme-du-pech/"
    assert list(farm.memberships.values_list("user__email", "role")) == [
        ("contact@pech.test", MemberRole.OWNER)]
    assert ListingClaim.objects.get().status == ClaimStatus.ACCEPTED


def test_a_second_claim_on_the_same_listing_goes_to_the_cci(cci, lot_communes,
                                                           django_capture_on_commit_callbacks):
    farm = imported()
    url = send_claim_invitation(cci, farm, django_capture_on_commit_callbacks)
    Client().post(url, {"password1": "noyers-du-pech-46", "password2": "noyers-du-pech-46"})

    signup(Client(), farm.siret, email="autre@pech.test")

    assert list(farm.memberships.values_list("user__email", flat=True)) == ["contact@pech.test"]
    second = ListingClaim.objects.get(user__email="autre@pech.test")
    assert second.status == ClaimStatus.PENDING


def test_an_invitation_link_is_bound_to_the_invited_address(lot_communes):
    farm = ProducerFactory.create(nom="La Borie", slug="la-borie")
    owner = verified(UserFactory.create(username="jeanne@borie.test"))
    farm.memberships.create(user=owner, role=MemberRole.OWNER)
    invitation = invitation_create(producer=farm, email="lucie@borie.test", invited_by=owner)
    url = f"/espace-producteur/invitation/{invitation_token(invitation=invitation)}/"
    intruder = Client()
    intruder.force_login(UserFactory.create(username="quelquun@example.test"))

    page = intruder.get(url)
    forced = intruder.post(url)

    assert page.status_code == forced.status_code == 403
    assert "envoyée à une autre adresse" in page.content.decode()
    assert list(farm.memberships.values_list("user__email", flat=True)) == [
        "jeanne@borie.test"]
    assert ProducerInvitation.objects.get().is_pending


def test_the_invited_address_accepts(lot_communes):
    farm = ProducerFactory.create(slug="la-borie")
    owner = verified(UserFactory.create(username="jeanne@borie.test"))
    invitation = invitation_create(producer=farm, email="Lucie@Borie.test", invited_by=owner)
    lucie = Client()
    lucie.force_login(UserFactory.create(username="lucie@borie.test"))

    response = lucie.post(
        f"/espace-producteur/invitation/{invitation_token(invitation=invitation)}/")

    assert response.status_code == 302
    assert farm.memberships.get().user.email == "lucie@borie.test"


def test_an_import_never_approves_or_reowns_a_pending_sign_up(lot_communes, tmp_path):
    squatter = Client()
    signup(squatter, "44306184100047", email="squatteur@example.test")
    path = write_csv(tmp_path / "c.csv", [row(producer_siret="44306184100047",
                                              producer_email="vrai@pech.test")])

    report = catalogue_import(source=path)

    farm = Producer.objects.get(siret="44306184100047")
    assert farm.status == ProducerStatus.PENDING
    assert farm.origin == ProducerOrigin.SIGNUP
    assert list(farm.memberships.values_list("user__email", flat=True)) == [
        "squatteur@example.test"]
    assert report.warnings == ["SIRET 44306184100047 (Ferme du Pech) : producteur « En attente "
                               "de validation », statut conservé."]
    assert not farm.is_public


def test_no_invitation_without_an_address(cci, lot_communes):
    farm = imported()
    Producer.objects.filter(pk=farm.pk).update(email="")

    cci.client.post(f"/curation/producteurs/{farm.slug}/inviter/")

    assert not ProducerInvitation.objects.exists()
