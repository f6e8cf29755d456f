"""Several people per farm: the owner invites members by e-mail; they join with the link."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from producers.accounts import email_is_verified, invitation_create, invitation_token
from producers.models import MemberRole, ProducerInvitation, ProducerMembership
from tests.factories import MembershipFactory, UserFactory

User = get_user_model()


def team_url(producer) -> str:
    return reverse("producers:team", kwargs={"slug": producer.slug})


def invite(actor, producer, email="marc@borie.test"):
    return actor.client.post(team_url(producer), {"email": email})


@pytest.fixture
def member(owner):
    user = UserFactory.create(username="marc@borie.test")
    MembershipFactory.create(producer=owner.producer, user=user, role=MemberRole.MEMBER)
    from tests.producers.conftest import _actor

    return _actor(user, owner.producer)


@pytest.mark.django_db
class TestInviting:
    def test_the_owner_invites_by_email(self, owner, django_capture_on_commit_callbacks):
        with django_capture_on_commit_callbacks(execute=True):
            response = invite(owner, owner.producer, "Lucie@Borie.test")

        assert response.status_code == 302
        invitation = ProducerInvitation.objects.get()
        assert (invitation.email, invitation.producer, invitation.invited_by) == (
            "lucie@borie.test", owner.producer, owner.user)
        assert len(mail.outbox) == 1 and mail.outbox[0].to == ["lucie@borie.test"]
        assert "/espace-producteur/invitation/" in mail.outbox[0].body

    def test_staff_can_invite_for_any_farm(self, staff, owner):
        response = invite(staff, owner.producer)

        assert response.status_code == 302
        assert ProducerInvitation.objects.filter(producer=owner.producer).count() == 1

    def test_a_member_cannot_invite(self, member):
        response = invite(member, member.producer)

        assert response.status_code == 404
        assert not ProducerInvitation.objects.exists()

    def test_another_producer_cannot_invite(self, other, owner):
        response = invite(other, owner.producer)

        assert response.status_code == 404
        assert not ProducerInvitation.objects.exists()

    def test_anonymous_is_sent_to_login(self, anonymous, owner):
        response = invite(anonymous, owner.producer)

        assert response.status_code == 302 and "/connexion/" in response["Location"]
        assert not ProducerInvitation.objects.exists()

    def test_inviting_a_current_member_is_refused(self, owner, member):
        response = invite(owner, owner.producer, "marc@borie.test")

        assert response.status_code == 400
        assert response.context["form"].errors["email"] == [
            "Cette personne fait déjà partie de l'équipe."]
        assert not ProducerInvitation.objects.exists()


@pytest.mark.django_db
class TestAccepting:
    def test_a_new_person_creates_an_account_and_joins(self, owner, client):
        invitation = invitation_create(producer=owner.producer, email="lucie@borie.test",
                                       invited_by=owner.user)
        url = reverse("producers:invitation_accept",
                      kwargs={"token": invitation_token(invitation=invitation)})

        response = client.post(url, {"first_name": "Lucie", "last_name": "Martin",
                                     "password1": "safran-de-cajarc-46",
                                     "password2": "safran-de-cajarc-46"})

        assert response["Location"] == "/espace-producteur/ferme/la-borie/"
        user = User.objects.get(username="lucie@borie.test")
        assert ProducerMembership.objects.get(user=user).role == MemberRole.MEMBER
        assert email_is_verified(user=user)
        invitation.refresh_from_db()
        assert invitation.accepted_by == user and not invitation.is_pending

    def test_a_logged_in_user_accepts_with_one_button(self, owner, other):
        invitation = invitation_create(producer=owner.producer, email=other.user.email,
                                       invited_by=owner.user)
        url = reverse("producers:invitation_accept",
                      kwargs={"token": invitation_token(invitation=invitation)})

        response = other.client.post(url)

        assert response.status_code == 302
        assert owner.producer.memberships.filter(user=other.user).exists()

    def test_an_existing_account_is_asked_to_log_in(self, owner, client):
        UserFactory.create(username="lucie@borie.test")
        invitation = invitation_create(producer=owner.producer, email="lucie@borie.test",
                                       invited_by=owner.user)
        url = reverse("producers:invitation_accept",
                      kwargs={"token": invitation_token(invitation=invitation)})

        response = client.post(url, {"password1": "x", "password2": "x"})

        assert response.status_code == 200 and response.context["has_account"]
        assert not owner.producer.memberships.filter(user__username="lucie@borie.test").exists()

    def test_a_used_or_forged_link_is_refused(self, owner, other, client):
        invitation = invitation_create(producer=owner.producer, email=other.user.email,
                                       invited_by=owner.user)
        token = invitation_token(invitation=invitation)
        other.client.post(reverse("producers:invitation_accept", kwargs={"token": token}))

        used = client.get(reverse("producers:invitation_accept", kwargs={"token": token}))
        forged = client.get(reverse("producers:invitation_accept",
                                    kwargs={"token": re.sub(r".$", "A", token)}))

        assert used.status_code == 400
        assert used.context["message"] == "Cette invitation a déjà été acceptée."
        assert forged.status_code == 400

    def test_a_cancelled_invitation_no_longer_works(self, owner, client):
        invitation = invitation_create(producer=owner.producer, email="lucie@borie.test",
                                       invited_by=owner.user)
        token = invitation_token(invitation=invitation)

        owner.client.post(reverse("producers:invitation_cancel",
                                  kwargs={"slug": "la-borie", "pk": invitation.pk}))
        response = client.get(reverse("producers:invitation_accept", kwargs={"token": token}))

        assert response.status_code == 400
        assert not ProducerInvitation.objects.exists()


@pytest.mark.django_db
class TestRemovingMembers:
    def test_the_owner_removes_a_member(self, owner, member):
        membership = ProducerMembership.objects.get(user=member.user)

        response = owner.client.post(reverse("producers:member_remove",
                                             kwargs={"slug": "la-borie", "pk": membership.pk}))

        assert response.status_code == 302
        assert not ProducerMembership.objects.filter(pk=membership.pk).exists()
        assert list(owner.producer.memberships.values_list("user", flat=True)) == [owner.user.pk]

    def test_the_owner_cannot_be_removed(self, owner, staff):
        membership = ProducerMembership.objects.get(user=owner.user)

        staff.client.post(reverse("producers:member_remove",
                                  kwargs={"slug": "la-borie", "pk": membership.pk}))

        assert ProducerMembership.objects.filter(pk=membership.pk).exists()

    @pytest.mark.parametrize("actor_name", ["member", "other"])
    def test_members_and_strangers_cannot_remove_anyone(self, request, owner, member, other,
                                                        actor_name):
        actor = request.getfixturevalue(actor_name)
        membership = ProducerMembership.objects.get(user=member.user)

        response = actor.client.post(reverse("producers:member_remove",
                                             kwargs={"slug": "la-borie", "pk": membership.pk}))

        assert response.status_code == 404
        assert ProducerMembership.objects.filter(pk=membership.pk).exists()
