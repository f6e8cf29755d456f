"""Producer accounts: sign-up, e-mail verification, team invitations and claims on listings
(writes only).

Taking over a listing never goes to whoever comes first: a sign-up with a SIRET that another
listing holds becomes a claim the CCI decides; an invitation link works only for the address it
was sent to; the first claim on an imported listing nobody runs is granted by that link, any
other waits for the CCI.

Links sent by e-mail carry a token signed with SECRET_KEY (django.core.signing), so nothing
secret is stored; each token names its purpose (salt) and expires.
"""

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import AnonymousUser
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from rest_framework.authtoken.models import Token

from marketplace.common.urls import absolute_url
from marketplace.reference.models import Commune
from producers import states
from producers.models import (
    ClaimOrigin,
    ClaimStatus,
    ListingClaim,
    MemberRole,
    Producer,
    ProducerInvitation,
    ProducerMembership,
    ProducerOrigin,
    ProducerStatus,
    VerifiedEmail,
)
from producers.slugs import unique_producer_slug
from producers.tasks import send_email

VERIFY_SALT = "producers.verify-email"
VERIFY_MAX_AGE = timedelta(days=3)
INVITATION_SALT = "producers.invitation"
INVITATION_MAX_AGE = timedelta(days=14)
CONFIRM_SALT = "producers.confirm-listing"
CONFIRM_MAX_AGE = timedelta(days=60)

User = get_user_model()


class TokenError(Exception):
    """A link that is malformed, tampered with, expired or already used (message in French)."""


def _mail(*, to: str, subject: str, template: str, context: dict[str, Any]) -> None:
    """Rendered now, sent by a background task once the transaction commits: no e-mail for a
    sign-up that was rolled back, and a mail server's hiccup is tried again."""
    body = render_to_string(template, {**context, "site_url": settings.SITE_URL})
    transaction.on_commit(lambda: send_email.enqueue(to=[to], subject=str(subject), body=body))


def email_is_taken(email: str) -> bool:
    return User.objects.filter(username__iexact=email).exists() or User.objects.filter(
        email__iexact=email
    ).exists()


@dataclass(frozen=True)
class SignUp:
    user: Any
    # None when the SIRET belongs to another listing: the sign-up became a claim on it.
    producer: Producer | None
    claim: ListingClaim | None = None


@transaction.atomic
def producer_sign_up(
    *,
    email: str,
    password: str,
    first_name: str = "",
    last_name: str = "",
    legal_name: str,
    siret: str,
    nom: str,
    commune: Commune,
    phone: str,
) -> SignUp | None:
    """Create the user, its pending producer (placed at the commune's centre) and the owner
    membership, then e-mail a verification link. When another listing holds the SIRET (an
    imported listing, or someone else's sign-up: a SIRET is public), no producer is created:
    the account gets a claim on that listing, for the CCI to decide.

    For an address that already has an account nothing is created and None is returned: that
    address is told by e-mail, and the caller answers exactly as for a new account, so the
    form cannot be used to learn who has an account."""
    email = email.strip().lower()
    if email_is_taken(email):
        make_password(password)  # the same work as a real sign-up: no timing difference
        account_exists_notify(email=email)
        return None
    holder = Producer.objects.filter(siret=siret).first()
    user = User(username=email, email=email, first_name=first_name, last_name=last_name)
    user.set_password(password)
    user.full_clean(exclude=["username"])
    try:
        with transaction.atomic():  # two sign-ups with one address at once: the index decides
            user.save()
    except IntegrityError:
        account_exists_notify(email=email)
        return None
    if holder is not None:
        claim = _claim_create(
            producer=holder, user=user, origin=ClaimOrigin.SIGNUP,
            details="\n".join([nom, legal_name, f"{commune.nom} ({commune.code_insee})", phone]),
        )
        email_verification_send(user=user)
        return SignUp(user=user, producer=None, claim=claim)
    producer = Producer(
        nom=nom, slug=unique_producer_slug(nom), legal_name=legal_name, siret=siret,
        commune=commune, postal_code=(commune.postal_codes or [""])[0], phone=phone,
        email=email, latitude=commune.latitude, longitude=commune.longitude,
        status=ProducerStatus.PENDING,
    )
    producer.full_clean()
    try:
        # Two sign-ups with the same SIRET at once: the unique index decides.
        with transaction.atomic():
            producer.save()
    except IntegrityError:
        raise ValidationError(
            {"siret": _("Ce numéro SIRET est déjà inscrit sur le site.")}
        ) from None
    ProducerMembership.objects.create(producer=producer, user=user, role=MemberRole.OWNER)
    email_verification_send(user=user)
    return SignUp(user=user, producer=producer)


def api_tokens_revoke(*, user: Any) -> None:
    """A new password ends every API access given under the old one (a stolen laptop's
    script, a leaked token)."""
    Token.objects.filter(user=user).delete()


def account_exists_notify(*, email: str) -> None:
    _mail(to=email, subject=_("Votre compte existe déjà"),
          template="producers/emails/account_exists.txt",
          context={"login_link": absolute_url(reverse("producers:login")),
                   "reset_link": absolute_url(reverse("producers:password_reset"))})


# --- E-mail verification --------------------------------------------------------------------

def email_verification_token(*, user: Any) -> str:
    return signing.dumps({"u": user.pk, "e": user.email.lower()}, salt=VERIFY_SALT)


def email_verification_send(*, user: Any, then: str = "") -> None:
    """The confirmation link; `then`: a path of this site the link leads to once confirmed
    (the checkout a resident was in, say), the producer area otherwise."""
    token = email_verification_token(user=user)
    link = absolute_url(reverse("producers:verify_email", kwargs={"token": token}))
    if then:
        link += "?" + urlencode({"suite": then})
    _mail(to=user.email, subject=_("Confirmez votre adresse e-mail"),
          template="producers/emails/verify_email.txt", context={"user": user, "link": link})


def email_is_verified(*, user: AbstractBaseUser | AnonymousUser) -> bool:
    if not user.is_authenticated:
        return False
    email = getattr(user, "email", "")
    return VerifiedEmail.objects.filter(user_id=user.pk, email__iexact=email).exists()


def _mark_verified(user: Any) -> bool:
    """True when the address was not verified before."""
    _record, created = VerifiedEmail.objects.get_or_create(
        user=user, email=user.email.lower(), defaults={"verified_at": timezone.now()}
    )
    return created


@dataclass(frozen=True)
class Verification:
    user: Any
    first: bool  # the address was not verified before: the link may open the session


@transaction.atomic
def email_verification_confirm(*, token: str) -> Verification:
    """Record the address as verified; the token must be recent and for the current address."""
    try:
        data = signing.loads(token, salt=VERIFY_SALT, max_age=VERIFY_MAX_AGE)
        user = User.objects.get(pk=data["u"])
    except signing.SignatureExpired:
        raise TokenError(_("Ce lien a expiré : demandez-en un nouveau depuis votre espace.")) \
            from None
    except (signing.BadSignature, User.DoesNotExist, KeyError, TypeError):
        raise TokenError(_("Ce lien de confirmation n'est pas valide.")) from None
    if user.email.lower() != data.get("e"):
        raise TokenError(_("Ce lien concerne une ancienne adresse e-mail."))
    first = _mark_verified(user)
    return Verification(user=user, first=first)


# --- Team invitations -----------------------------------------------------------------------

def invitation_token(*, invitation: ProducerInvitation) -> str:
    return signing.dumps(invitation.pk, salt=INVITATION_SALT)


@transaction.atomic
def invitation_create(*, producer: Producer, email: str, invited_by: Any) -> ProducerInvitation:
    """Invite someone to the team. Only a confirmed address on a farm the CCI has reviewed
    may invite (staff aside): an invitation is an e-mail the site sends on someone's word."""
    if not getattr(invited_by, "is_staff", False):
        if not email_is_verified(user=invited_by):
            raise ValidationError(_("Confirmez d'abord votre adresse e-mail (le lien reçu à "
                                    "l'inscription) pour inviter quelqu'un."))
        if producer.status == ProducerStatus.PENDING:
            raise ValidationError(_("Vous pourrez inviter votre équipe une fois votre fiche "
                                    "validée par la CCI."))
    email = email.strip().lower()
    if producer.memberships.filter(user__email__iexact=email).exists():
        raise ValidationError({"email": _("Cette personne fait déjà partie de l'équipe.")})
    # Inviting again replaces the previous pending invitation (a fresh link).
    producer.invitations.filter(email__iexact=email, accepted_at__isnull=True).delete()
    invitation = ProducerInvitation(producer=producer, email=email, invited_by=invited_by,
                                    role=MemberRole.MEMBER)
    invitation.full_clean()
    invitation.save()
    link = absolute_url(reverse("producers:invitation_accept",
                             kwargs={"token": invitation_token(invitation=invitation)}))
    # A fixed subject: no text a producer typed goes into a header of an e-mail to a stranger.
    _mail(to=email, subject=_("Invitation à rejoindre une équipe sur « Oh my Lot ! »"),
          template="producers/emails/invitation.txt",
          context={"producer": producer, "invited_by": invited_by, "link": link})
    return invitation


def invitation_from_token(*, token: str) -> ProducerInvitation:
    try:
        pk = signing.loads(token, salt=INVITATION_SALT, max_age=INVITATION_MAX_AGE)
        invitation = ProducerInvitation.objects.select_related("producer").get(pk=pk)
    except signing.SignatureExpired:
        raise TokenError(_("Cette invitation a expiré : demandez-en une nouvelle.")) from None
    except (signing.BadSignature, ProducerInvitation.DoesNotExist, TypeError, ValueError):
        raise TokenError(_("Cette invitation n'est pas valide ou a été annulée.")) from None
    if not invitation.is_pending:
        raise TokenError(_("Cette invitation a déjà été acceptée."))
    return invitation


def invitation_is_for(*, invitation: ProducerInvitation, user: Any) -> bool:
    """An invitation is bound to the address it was sent to: only that account accepts it."""
    return bool(user.is_authenticated) and user.email.strip().lower() == invitation.email.lower()


@dataclass(frozen=True)
class Acceptance:
    membership: ProducerMembership | None
    # A claim invitation on a listing someone already runs becomes a claim for the CCI.
    claim: ListingClaim | None = None


@transaction.atomic
def invitation_accept(*, invitation: ProducerInvitation, user: Any) -> Acceptance:
    """Join the team, or take over the listing (a claim invitation, role owner). Following the
    link proves the invited address: it counts as verified. Refused for any other account."""
    invitation = ProducerInvitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_pending:
        raise TokenError(_("Cette invitation a déjà été acceptée."))
    if not invitation_is_for(invitation=invitation, user=user):
        raise TokenError(_("Cette invitation a été envoyée à une autre adresse e-mail : "
                           "connectez-vous avec le compte de cette adresse."))
    producer = Producer.objects.select_for_update().get(pk=invitation.producer_id)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    _mark_verified(user)
    if invitation.role == MemberRole.OWNER:
        return _claim_by_invitation(producer=producer, user=user)
    membership, _created = ProducerMembership.objects.get_or_create(
        producer=producer, user=user, defaults={"role": invitation.role}
    )
    return Acceptance(membership=membership)


def _claim_by_invitation(*, producer: Producer, user: Any) -> Acceptance:
    runs_it = producer.memberships.filter(user=user).exists()
    others = producer.memberships.exclude(user=user).exists()
    if runs_it or not others:
        # Nobody runs the listing: the invited address takes it, and the CCI can read it.
        claim = ListingClaim(producer=producer, user=user, siret=producer.siret or "",
                             origin=ClaimOrigin.INVITATION, status=ClaimStatus.ACCEPTED,
                             decided_at=timezone.now())
        claim.save()
        membership, _created = ProducerMembership.objects.update_or_create(
            producer=producer, user=user, defaults={"role": MemberRole.OWNER})
        return Acceptance(membership=membership, claim=claim)
    # Someone already runs it (an earlier claim, a sign-up): the CCI decides, not the order.
    return Acceptance(membership=None, claim=_claim_create(
        producer=producer, user=user, origin=ClaimOrigin.INVITATION, details=""))


@transaction.atomic
def invitation_accept_with_new_account(
    *, invitation: ProducerInvitation, password: str, first_name: str = "", last_name: str = ""
) -> Any:
    if email_is_taken(invitation.email):
        raise ValidationError(_("Un compte existe déjà avec cette adresse : connectez-vous pour "
                                "accepter l'invitation."))
    user = User(username=invitation.email, email=invitation.email, first_name=first_name,
                last_name=last_name)
    user.set_password(password)
    user.full_clean()
    user.save()
    invitation_accept(invitation=invitation, user=user)
    return user


# --- Claims on listings ---------------------------------------------------------------------

def _claim_create(*, producer: Producer, user: Any, origin: str, details: str) -> ListingClaim:
    claim = ListingClaim(producer=producer, user=user, siret=producer.siret or "",
                         origin=origin, details=details[:2000])
    claim.full_clean()
    claim.save()
    return claim


@transaction.atomic
def claim_invitation_send(*, producer: Producer, invited_by: Any) -> ProducerInvitation:
    """The CCI invites an imported listing's producer (the address of the file) to claim it."""
    email = (producer.email or "").strip().lower()
    if not email:
        raise ValidationError(_("Cette fiche n'a pas d'adresse e-mail : impossible d'inviter "
                                "son producteur."))
    if producer.memberships.filter(user__email__iexact=email, role=MemberRole.OWNER).exists():
        raise ValidationError(_("Cette fiche est déjà reprise par le compte de cette adresse."))
    producer.invitations.filter(email__iexact=email, accepted_at__isnull=True).delete()
    invitation = ProducerInvitation(producer=producer, email=email, invited_by=invited_by,
                                    role=MemberRole.OWNER)
    invitation.full_clean()
    invitation.save()
    link = absolute_url(reverse("producers:invitation_accept",
                                kwargs={"token": invitation_token(invitation=invitation)}))
    _mail(to=email, subject=_("Votre fiche sur « Oh my Lot ! » : reprenez-la"),
          template="producers/emails/claim_invitation.txt",
          context={"producer": producer, "link": link})
    return invitation


def unclaimed_imported(*, with_email: bool = True) -> Any:
    """Imported listings nobody runs yet (to invite their producers)."""
    from_file = Producer.objects.filter(origin=ProducerOrigin.IMPORT, memberships__isnull=True)
    return from_file.exclude(email="") if with_email else from_file


@transaction.atomic
def claim_accept(*, claim: ListingClaim, actor: Any) -> ListingClaim:
    """The listing moves to the claimant's account: its other members and pending invitations
    go (a squatter loses it), the claimant becomes its owner. Its status does not change."""
    claim = ListingClaim.objects.select_for_update().select_related("producer", "user").get(
        pk=claim.pk)
    states.CLAIM.check("accept", claim.status)
    producer = claim.producer
    producer.memberships.exclude(user=claim.user).delete()
    producer.invitations.filter(accepted_at__isnull=True).delete()
    ProducerMembership.objects.update_or_create(producer=producer, user=claim.user,
                                                defaults={"role": MemberRole.OWNER})
    # Other claims on the same listing are answered by this decision.
    for other in producer.claims.filter(status=ClaimStatus.PENDING).exclude(pk=claim.pk):
        _claim_decide(other, ClaimStatus.REFUSED, actor,
                      _("La fiche a été confiée à un autre compte après vérification."))
    _claim_decide(claim, ClaimStatus.ACCEPTED, actor, "")
    return claim


@transaction.atomic
def claim_refuse(*, claim: ListingClaim, reason: str, actor: Any) -> ListingClaim:
    claim = ListingClaim.objects.select_for_update().select_related("producer", "user").get(
        pk=claim.pk)
    states.CLAIM.check("refuse", claim.status, reason=reason)
    _claim_decide(claim, ClaimStatus.REFUSED, actor, reason.strip())
    return claim


def _claim_decide(claim: ListingClaim, status: str, actor: Any, reason: str) -> None:
    claim.status = status
    claim.status_reason = reason
    claim.decided_at = timezone.now()
    claim.decided_by = actor if getattr(actor, "is_authenticated", False) else None
    claim.save(update_fields=["status", "status_reason", "decided_at", "decided_by"])
    _mail(to=claim.user.email, subject=_("Votre demande concernant « %(nom)s »")
          % {"nom": claim.producer.nom}, template="producers/emails/claim_decision.txt",
          context={"claim": claim, "accepted": status == ClaimStatus.ACCEPTED})


def invitation_cancel(*, invitation: ProducerInvitation) -> None:
    if invitation.is_pending:
        invitation.delete()


@transaction.atomic
def membership_remove(*, membership: ProducerMembership) -> None:
    """Remove a member; the owner stays (a farm always keeps one)."""
    if membership.role == MemberRole.OWNER:
        raise ValidationError(_("Le ou la titulaire du compte ne peut pas être retiré(e)."))
    membership.delete()


# --- Confirming a listing (the yearly e-mail's link) ----------------------------------------

def confirmation_token(*, producer: Producer) -> str:
    return signing.dumps(producer.pk, salt=CONFIRM_SALT)


def confirmation_link(*, producer: Producer) -> str:
    return absolute_url(reverse("producers:confirm_listing",
                                kwargs={"token": confirmation_token(producer=producer)}))


def producer_from_confirmation_token(*, token: str) -> Producer:
    try:
        pk = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
        return Producer.objects.get(pk=pk)
    except signing.SignatureExpired:
        raise TokenError(_("Ce lien a expiré : confirmez votre fiche depuis votre espace "
                           "producteur.")) from None
    except (signing.BadSignature, Producer.DoesNotExist, TypeError, ValueError):
        raise TokenError(_("Ce lien de confirmation n'est pas valide.")) from None
