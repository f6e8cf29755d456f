"""Sign-up, login, e-mail verification and password reset of producers."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail, signing
from django.urls import reverse

from producers.accounts import VERIFY_SALT, email_is_verified, email_verification_token
from producers.models import MemberRole, Producer, ProducerStatus, VerifiedEmail
from tests.factories import ProducerFactory, UserFactory, valid_siret

User = get_user_model()
SIGNUP = "/espace-producteur/inscription/"
SIRET = "44306184100047"  # valid (SIREN and SIRET keys), outside the factories range


def signup_data(**overrides):
    return {
        "email": "Jeanne.Delpech@Ferme-Borie.test", "password1": "chèvres-du-causse-46",
        "password2": "chèvres-du-causse-46", "first_name": "Jeanne", "last_name": "Delpech",
        "nom": "Ferme de la Borie", "legal_name": "EARL de la Borie", "siret": SIRET,
        "commune": "Gramat (46128)", "phone": "0565123456", **overrides,
    }


def link_in(message, prefix: str = "http://127.0.0.1:8000") -> str:
    match = re.search(re.escape(prefix) + r"(\S+)", str(message.body))
    assert match is not None
    return match.group(1)


@pytest.mark.django_db
class TestSignUp:
    def test_the_page_has_stable_labelled_fields(self, lot_communes, client):
        response = client.get(SIGNUP)

        html = response.content.decode()
        assert response.status_code == 200
        for field_id in ("id_email", "id_password1", "id_password2", "id_nom", "id_legal_name",
                         "id_siret", "id_commune", "id_phone"):
            assert f'for="{field_id}"' in html and f'id="{field_id}"' in html
        assert '<option value="Gramat (46128)">' in html  # the communes, searchable by typing

    def test_a_new_producer_is_pending_owned_placed_and_asked_to_verify(
        self, lot_communes, client, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(SIGNUP, signup_data(), follow=True)

        producer = Producer.objects.get()
        user = User.objects.get()
        assert response.redirect_chain == [("/espace-producteur/inscription/envoyee/", 302)]
        assert "Vérifiez votre boîte e-mail" in response.content.decode()
        assert (producer.status, producer.nom, producer.legal_name, producer.siret) == (
            ProducerStatus.PENDING, "Ferme de la Borie", "EARL de la Borie", SIRET)
        assert producer.commune_id == "46128"
        assert (producer.latitude, producer.longitude) == (producer.commune.latitude,
                                                           producer.commune.longitude)
        assert producer.phone == "05 65 12 34 56"
        assert user.username == user.email == "jeanne.delpech@ferme-borie.test"
        assert user.check_password("chèvres-du-causse-46")
        assert producer.memberships.get().user == user
        assert producer.memberships.get().role == MemberRole.OWNER
        assert not Producer.objects.public().exists()
        assert not response.context["user"].is_authenticated  # the link opens the session
        assert len(mail.outbox) == 1
        assert mail.outbox[0].to == ["jeanne.delpech@ferme-borie.test"]
        assert "/espace-producteur/verification/" in mail.outbox[0].body

        confirmed = client.get(link_in(mail.outbox[0]), follow=True)

        assert confirmed.context["user"] == user
        assert confirmed.redirect_chain[-1][0] == "/espace-producteur/ferme/ferme-de-la-borie/"
        assert email_is_verified(user=user)

    @pytest.mark.parametrize(("siret", "message"), [
        ("44306184100048", "Ce numéro SIRET n'est pas valide : vérifiez les chiffres (la clé "
                           "de contrôle ne correspond pas)."),
        ("7328293200007", "Un numéro SIRET compte exactement 14 chiffres."),
        ("ABCDEFGHIJKLMN", "Un numéro SIRET ne contient que des chiffres."),
    ])
    def test_an_invalid_siret_is_refused_next_to_the_field(self, lot_communes, client, siret,
                                                           message):
        response = client.post(SIGNUP, signup_data(siret=siret))

        assert response.status_code == 400
        assert response.context["form"].errors["siret"] == [message]
        html = response.content.decode()
        assert 'id="id_siret_error"' in html
        assert 'aria-describedby="id_siret_helptext id_siret_error"' in html
        assert not User.objects.exists() and not Producer.objects.exists()
        assert mail.outbox == []

    def test_a_siret_with_spaces_is_accepted_and_stored_compact(self, lot_communes, client):
        client.post(SIGNUP, signup_data(siret="443 061 841 00047"))

        assert Producer.objects.get().siret == SIRET

    def test_a_siret_already_registered_becomes_a_claim_for_the_cci(self, lot_communes,
                                                                     client):
        held = ProducerFactory.create(siret=SIRET)

        response = client.post(SIGNUP, signup_data())

        assert response.status_code == 302  # the same answer as any sign-up: nothing revealed
        assert response["Location"] == "/espace-producteur/inscription/envoyee/"
        user = User.objects.get()
        assert Producer.objects.count() == 1 and not held.memberships.exists()
        claim = held.claims.get()
        assert (claim.user, claim.status, claim.origin) == (user, "pending", "signup")

    def test_a_known_address_gets_the_same_answer_and_an_e_mail_only_it_reads(
        self, lot_communes, client, django_capture_on_commit_callbacks
    ):
        UserFactory.create(username="jeanne.delpech@ferme-borie.test",
                           email="jeanne.delpech@ferme-borie.test")
        with django_capture_on_commit_callbacks(execute=True):
            new = client.post(SIGNUP, signup_data(email="paul@mas.test",
                                                  siret=valid_siret(4242)))

        with django_capture_on_commit_callbacks(execute=True):
            known = client.post(SIGNUP, signup_data())

        assert (known.status_code, known["Location"]) == (new.status_code, new["Location"])
        assert Producer.objects.count() == 1 and User.objects.count() == 2
        told = mail.outbox[-1]
        assert told.to == ["jeanne.delpech@ferme-borie.test"]
        assert told.subject == "Votre compte existe déjà"
        assert "/espace-producteur/mot-de-passe/oubli/" in told.body

    @pytest.mark.parametrize(("typed", "code"), [
        ("46042", "46042"), ("Cahors", "46042"), ("cahors", "46042"),
        ("Saint-Cirq-Lapopie (46256)", "46256"),
    ])
    def test_the_commune_is_found_by_label_code_or_name(self, lot_communes, client, typed, code):
        client.post(SIGNUP, signup_data(commune=typed))

        assert Producer.objects.get().commune_id == code

    @pytest.mark.parametrize("typed", ["Toulouse", "31555", "Paris (75056)", "Nullepart"])
    def test_a_commune_outside_the_territory_is_refused(self, lot_communes, client, typed):
        response = client.post(SIGNUP, signup_data(commune=typed))

        assert response.status_code == 400
        assert response.context["form"].errors["commune"] == [
            "Cette commune n'est pas dans le territoire : choisissez-la dans la liste."]
        assert not Producer.objects.exists()

    def test_weak_or_mismatched_passwords_are_refused(self, lot_communes, client):
        response = client.post(SIGNUP, signup_data(password1="12345678", password2="12345678"))
        assert response.status_code == 400 and "password1" in response.context["form"].errors

        response = client.post(SIGNUP, signup_data(password2="autre-chose-46"))
        assert response.context["form"].errors["password2"] == [
            "Les deux mots de passe ne sont pas identiques."]
        assert not User.objects.exists()

    def test_oversize_text_is_refused(self, lot_communes, client):
        response = client.post(SIGNUP, signup_data(nom="x" * 151))

        assert response.status_code == 400
        assert "nom" in response.context["form"].errors
        assert not Producer.objects.exists()

    def test_a_bad_phone_number_is_refused(self, lot_communes, client):
        response = client.post(SIGNUP, signup_data(phone="123"))

        assert response.context["form"].errors["phone"][0].startswith(
            "Indiquez un numéro de téléphone français")

    def test_a_simultaneous_sign_up_with_the_same_email_is_refused_cleanly(
        self, lot_communes, client, monkeypatch
    ):
        from producers import accounts

        UserFactory.create(username="jeanne.delpech@ferme-borie.test")
        # The other sign-up commits between our form check and our write.
        monkeypatch.setattr(accounts, "email_is_taken", lambda email: False)

        response = client.post(SIGNUP, signup_data())

        assert response["Location"] == "/espace-producteur/inscription/envoyee/"
        assert not Producer.objects.exists() and User.objects.count() == 1

    def test_two_farms_with_the_same_name_get_distinct_slugs(self, lot_communes, client):
        ProducerFactory.create(nom="Ferme de la Borie", slug="ferme-de-la-borie")

        client.post(SIGNUP, signup_data())

        assert Producer.objects.filter(siret=SIRET).get().slug == "ferme-de-la-borie-2"


@pytest.mark.django_db
class TestEmailVerification:
    def test_the_link_sent_at_sign_up_verifies_the_address(
        self, lot_communes, client, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(SIGNUP, signup_data())
        user = User.objects.get()
        assert not email_is_verified(user=user)

        response = client.get(link_in(mail.outbox[0]))

        assert response.status_code == 302
        assert email_is_verified(user=user)

    def test_only_the_first_confirmation_opens_a_session(
        self, lot_communes, client, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(SIGNUP, signup_data())
        link = link_in(mail.outbox[0])
        client.get(link)
        client.post(reverse("producers:logout"))

        again = client.get(link, follow=True)

        assert not again.context["user"].is_authenticated
        assert "Merci, votre adresse e-mail est confirmée." in again.content.decode()

    def test_a_tampered_link_is_refused(self, lot_communes, client):
        user = UserFactory.create()
        token = email_verification_token(user=user)

        response = client.get(f"/espace-producteur/verification/{token}x/")

        assert response.status_code == 400
        assert response.context["message"] == "Ce lien de confirmation n'est pas valide."
        assert not VerifiedEmail.objects.exists()

    def test_an_expired_link_is_refused(self, lot_communes, client, monkeypatch):
        user = UserFactory.create()
        token = email_verification_token(user=user)
        real_loads = signing.loads
        monkeypatch.setattr(signing, "loads", lambda t, **kw: real_loads(t, **{**kw,
                                                                              "max_age": -1}))

        response = client.get(f"/espace-producteur/verification/{token}/")

        assert response.status_code == 400
        assert response.context["message"].startswith("Ce lien a expiré")
        assert not VerifiedEmail.objects.exists()

    def test_a_link_for_a_previous_address_is_refused(self, lot_communes, client):
        user = UserFactory.create(email="ancienne@ferme.test")
        token = signing.dumps({"u": user.pk, "e": "ancienne@ferme.test"}, salt=VERIFY_SALT)
        user.email = "nouvelle@ferme.test"
        user.save()

        response = client.get(f"/espace-producteur/verification/{token}/")

        assert response.status_code == 400
        assert not VerifiedEmail.objects.exists()

    def test_the_link_can_be_sent_again(self, lot_communes, client,
                                        django_capture_on_commit_callbacks):
        user = UserFactory.create(username="jeanne@borie.test")
        client.force_login(user)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post("/espace-producteur/verification/renvoyer/")

        assert response.status_code == 302
        assert len(mail.outbox) == 1 and mail.outbox[0].to == [user.email]

    def test_resending_needs_a_login(self, anonymous):
        response = anonymous.client.post("/espace-producteur/verification/renvoyer/")

        assert response.status_code == 302 and "/connexion/" in response["Location"]
        assert mail.outbox == []


@pytest.mark.django_db
class TestLoginAndPasswordReset:
    def test_login_with_the_email_in_any_case(self, client):
        UserFactory.create(username="jeanne@borie.test")

        response = client.post(reverse("producers:login"), {
            "username": " Jeanne@Borie.test ", "password": "motdepasse-solide-46"})

        assert response.status_code == 302
        assert response["Location"] == "/espace-producteur/"

    def test_a_wrong_password_gives_a_french_message(self, client):
        UserFactory.create(username="jeanne@borie.test")

        response = client.post(reverse("producers:login"), {
            "username": "jeanne@borie.test", "password": "faux"})

        assert response.status_code == 200
        assert "Adresse e-mail ou mot de passe incorrect." in response.content.decode()

    def test_logout_is_a_post(self, owner):
        response = owner.client.post(reverse("producers:logout"))

        assert response.status_code == 302
        assert "_auth_user_id" not in owner.client.session

    def test_password_reset_sends_a_french_link_that_sets_a_new_password(self, client):
        user = UserFactory.create(username="jeanne@borie.test")

        response = client.post(reverse("producers:password_reset"),
                               {"email": "jeanne@borie.test"})
        assert response["Location"] == reverse("producers:password_reset_done")
        assert len(mail.outbox) == 1
        assert "Bonjour" in mail.outbox[0].body
        assert mail.outbox[0].subject == "Nouveau mot de passe pour « Oh my Lot ! » achat local"

        link = link_in(mail.outbox[0], prefix="http://testserver")
        form_url = client.get(link)["Location"]  # Django hides the token behind a redirect
        response = client.post(form_url, {"new_password1": "noix-du-perigord-46",
                                          "new_password2": "noix-du-perigord-46"})

        assert response["Location"] == reverse("producers:password_reset_complete")
        user.refresh_from_db()
        assert user.check_password("noix-du-perigord-46")

    def test_an_unknown_address_sends_nothing_and_reveals_nothing(self, client):
        response = client.post(reverse("producers:password_reset"), {"email": "x@y.test"})

        assert response["Location"] == reverse("producers:password_reset_done")
        assert mail.outbox == []


@pytest.mark.django_db
class TestDashboardEntry:
    def test_a_member_of_one_farm_goes_straight_to_it(self, owner):
        response = owner.client.get("/espace-producteur/")

        assert response["Location"] == "/espace-producteur/ferme/la-borie/"

    def test_anonymous_visitors_are_sent_to_the_login(self, anonymous):
        response = anonymous.client.get("/espace-producteur/")

        assert response["Location"] == "/espace-producteur/connexion/?next=/espace-producteur/"

    def test_staff_see_every_producer(self, staff, owner, other):
        response = staff.client.get("/espace-producteur/")

        html = response.content.decode()
        assert "La Borie" in html and "Le Mas" in html

    def test_a_user_without_farm_is_offered_to_sign_up(self, lot_communes, client):
        client.force_login(UserFactory.create())

        response = client.get("/espace-producteur/")

        assert reverse("producers:signup") in response.content.decode()


def test_factories_siret_helper_gives_valid_numbers():
    from stdnum.fr import siret

    assert siret.is_valid(valid_siret(1234))
