"""What an attacker or a careless user would try on accounts and tokens: guessing passwords,
flooding mailboxes, keeping a token after a password change, learning who has an account."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from producers import accounts
from producers.models import ProducerInvitation, ProducerStatus
from tests.factories import MembershipFactory, ProducerFactory, UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "motdepasse-solide-46"


def _wrong_logins(client, url: str, username: str, times: int, **extra):
    return [client.post(url, {"username": username, "password": "pas-le-bon"}, **extra)
            for _ in range(times)]


class TestPasswordGuessing:
    def test_the_site_login_locks_after_five_wrong_passwords_even_for_the_right_one(self, client):
        UserFactory.create(username="jeanne@borie.test")
        login = reverse("producers:login")

        answers = _wrong_logins(client, login, "jeanne@borie.test", 5)
        right = client.post(login, {"username": "jeanne@borie.test", "password": PASSWORD})

        assert [a.status_code for a in answers[:4]] == [200] * 4
        assert right.status_code == 429
        assert "réessayez dans 15 minutes" in right.content.decode()
        assert "_auth_user_id" not in client.session

    def test_the_lockout_is_for_that_address_from_that_network_only(self, client):
        UserFactory.create(username="jeanne@borie.test")
        login = reverse("producers:login")
        _wrong_logins(client, login, "jeanne@borie.test", 5)

        elsewhere = client.post(login, {"username": "jeanne@borie.test", "password": PASSWORD},
                                REMOTE_ADDR="192.0.2.10")

        assert elsewhere.status_code == 302

    def test_the_api_token_endpoint_locks_too(self):
        UserFactory.create(username="jeanne@borie.test")
        api = APIClient()

        for _ in range(5):
            api.post("/api/v1/auth/token/", {"username": "jeanne@borie.test",
                                              "password": "pas-le-bon"}, format="json")
        right = api.post("/api/v1/auth/token/", {"username": "jeanne@borie.test",
                                                  "password": PASSWORD}, format="json")

        assert right.status_code == 429
        assert "réessayez dans 15 minutes" in right.json()["detail"]
        assert not Token.objects.exists()

    def test_the_admin_login_locks_too(self, client):
        UserFactory.create(username="camille@cci.test", is_staff=True, is_superuser=True)

        _wrong_logins(client, "/admin/login/", "camille@cci.test", 5)
        right = client.post("/admin/login/", {"username": "camille@cci.test",
                                              "password": PASSWORD})

        assert right.status_code == 429
        assert "_auth_user_id" not in client.session


class TestTokens:
    def _token(self, username: str = "jeanne@borie.test") -> str:
        response = APIClient().post("/api/v1/auth/token/", {"username": username,
                                                             "password": PASSWORD},
                                    format="json")
        return str(response.json()["token"])

    def test_a_token_expires(self, owner):
        key = self._token()
        Token.objects.filter(key=key).update(created=timezone.now() - timedelta(days=31))
        api = APIClient()
        api.credentials(HTTP_AUTHORIZATION=f"Token {key}")

        response = api.get("/api/v1/me/producer/")

        assert response.status_code == 401
        assert "Ce jeton a expiré" in response.json()["detail"]
        assert not Token.objects.filter(key=key).exists()
        assert self._token() != key  # a fresh one is given

    def test_a_producer_revokes_its_token(self, owner):
        key = self._token()
        api = APIClient()
        api.credentials(HTTP_AUTHORIZATION=f"Token {key}")

        assert api.delete("/api/v1/auth/token/").status_code == 204
        assert api.get("/api/v1/me/producer/").status_code == 401

    def test_a_password_change_revokes_the_tokens(self, owner):
        key = self._token()

        owner.client.post(reverse("producers:password_change"), {
            "old_password": PASSWORD, "new_password1": "noix-du-perigord-46",
            "new_password2": "noix-du-perigord-46"})

        assert not Token.objects.filter(key=key).exists()

    def test_a_password_reset_revokes_the_tokens(self, owner, client,
                                                 django_capture_on_commit_callbacks):
        key = self._token()
        client.post(reverse("producers:password_reset"), {"email": owner.user.email})
        link = next(line for line in mail.outbox[0].body.split() if "/nouveau/" in line)
        form_url = client.get(link)["Location"]

        client.post(form_url, {"new_password1": "noix-du-perigord-46",
                               "new_password2": "noix-du-perigord-46"})

        assert not Token.objects.filter(key=key).exists()

    def test_staff_get_no_token(self, staff):
        response = APIClient().post("/api/v1/auth/token/", {
            "username": staff.user.username, "password": PASSWORD}, format="json")

        assert response.status_code == 400
        assert "équipe CCI" in str(response.json())


class TestNoAccountIsRevealed:
    def test_sign_up_and_password_reset_answer_the_same_for_known_and_unknown_addresses(
        self, lot_communes, client
    ):
        UserFactory.create(username="jeanne@borie.test")
        reset = reverse("producers:password_reset")

        known = client.post(reset, {"email": "jeanne@borie.test"})
        unknown = client.post(reset, {"email": "personne@nulle-part.test"})

        assert (known.status_code, known["Location"]) == (unknown.status_code,
                                                          unknown["Location"])


class TestInvitations:
    def test_an_unverified_address_cannot_invite(self, lot_communes, client):
        farm = ProducerFactory.create(slug="la-borie")
        user = UserFactory.create()
        MembershipFactory.create(producer=farm, user=user)
        client.force_login(user)

        response = client.post(reverse("producers:team", args=["la-borie"]),
                               {"email": "ami@exemple.test"})

        assert response.status_code == 400
        assert response.context["form"].non_field_errors()[0].startswith(
            "Confirmez d'abord votre adresse e-mail")
        assert not ProducerInvitation.objects.exists() and mail.outbox == []

    def test_a_pending_farm_cannot_invite(self, owner):
        owner.producer.status = ProducerStatus.PENDING
        owner.producer.save(update_fields=["status"])

        response = owner.client.post(reverse("producers:team", args=["la-borie"]),
                                     {"email": "ami@exemple.test"})

        assert response.status_code == 400
        assert "une fois votre fiche validée" in response.context["form"].non_field_errors()[0]
        assert not ProducerInvitation.objects.exists()

    def test_the_subject_carries_no_text_typed_by_a_producer(
        self, owner, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            accounts.invitation_create(producer=owner.producer, email="ami@exemple.test",
                                       invited_by=owner.user)

        assert mail.outbox[0].subject == "Invitation à rejoindre une équipe sur « Oh my Lot ! »"
        assert owner.producer.nom in mail.outbox[0].body


class TestSingleLineFields:
    def test_a_farm_name_with_a_line_break_is_refused(self, owner):
        response = owner.api.patch("/api/v1/me/producer/",
                                   {"nom": "La Borie\nBcc: tout@le-monde.test"}, format="json")

        assert response.status_code == 400
        assert response.json()["nom"] == [
            "Une seule ligne, sans retour à la ligne ni caractère de contrôle."]
        owner.producer.refresh_from_db()
        assert owner.producer.nom == "La Borie"
