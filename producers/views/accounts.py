"""Sign-up, login, e-mail verification, password reset and team invitations."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Case, Count, When
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from producers import accounts
from producers.forms import EmailAuthenticationForm, InvitationSignUpForm, SignUpForm
from producers.models import ListingClaim, Producer, ProducerInvitation, ProducerStatus
from producers.selectors import producers_for_user
from producers.views.common import add_service_error

BACKEND = "django.contrib.auth.backends.ModelBackend"


class LoginView(auth_views.LoginView):
    template_name = "producers/login.html"
    authentication_form = EmailAuthenticationForm
    redirect_authenticated_user = True


def sign_up(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated and producers_for_user(user=request.user).exists():
        return redirect("producers:dashboard")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            result = accounts.producer_sign_up(
                email=data["email"], password=data["password1"], first_name=data["first_name"],
                last_name=data["last_name"], legal_name=data["legal_name"], siret=data["siret"],
                nom=data["nom"], commune=data["commune"], phone=data["phone"],
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            # The same answer whether the address was new or already had an account
            # (`result` is None), and whether the SIRET was free or another listing's (a
            # claim for the CCI, shown once the account is opened): the page tells nothing.
            del result
            return redirect("producers:signup_sent")
    status = 400 if form.errors else 200
    return render(request, "producers/signup.html", {"form": form}, status=status)


def signup_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "producers/signup_sent.html")


def verify_email(request: HttpRequest, token: str) -> HttpResponse:
    try:
        verification = accounts.email_verification_confirm(token=token)
    except accounts.TokenError as error:
        return render(request, "producers/token_error.html", {"message": str(error)}, status=400)
    if not request.user.is_authenticated and verification.first:
        # The first confirmation of a new account opens its session (the link proves the
        # address); later clicks on the same link only confirm.
        login(request, verification.user, backend=BACKEND)
        messages.success(request, _(
            "Bienvenue ! Votre adresse e-mail est confirmée. Votre fiche est en attente de "
            "validation par l'équipe de la CCI : complétez-la et ajoutez vos produits en "
            "attendant."))
    else:
        messages.success(request, _("Merci, votre adresse e-mail est confirmée."))
    then = request.GET.get("suite", "")
    if then.startswith("/") and url_has_allowed_host_and_scheme(then, {request.get_host()}):
        return redirect(then)
    return redirect("producers:dashboard")


@login_required
@require_POST
def resend_verification(request: HttpRequest) -> HttpResponse:
    if accounts.email_is_verified(user=request.user):
        messages.info(request, _("Votre adresse e-mail est déjà confirmée."))
    else:
        accounts.email_verification_send(user=request.user)
        messages.success(request, _("Un nouveau lien de confirmation vient de vous être "
                                    "envoyé à %(email)s.")
                         % {"email": getattr(request.user, "email", "")})
    return redirect("producers:dashboard")


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """The area's entry: straight to the farm, or a choice for staff and multi-farm users."""
    mine = list(producers_for_user(user=request.user))
    if len(mine) == 1 and not request.user.is_staff:
        return redirect("producers:home", slug=mine[0].slug)
    others = []
    if request.user.is_staff:
        others = list(
            Producer.objects.select_related("commune")
            .annotate(product_count=Count("products"),
                      pending_first=Case(When(status=ProducerStatus.PENDING, then=0),
                                         default=1))
            .order_by("pending_first", "status", "nom")[:200]
        )
    return render(request, "producers/choose.html", {
        "mine": mine, "others": others,
        "claims": ListingClaim.objects.filter(user_id=request.user.pk or 0)
        .select_related("producer").order_by("-created_at"),
        "email_verified": accounts.email_is_verified(user=request.user),
    })


def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    try:
        invitation = accounts.invitation_from_token(token=token)
    except accounts.TokenError as error:
        return render(request, "producers/token_error.html", {"message": str(error)}, status=400)
    context: dict = {"invitation": invitation}
    if request.user.is_authenticated:
        if not accounts.invitation_is_for(invitation=invitation, user=request.user):
            context["wrong_account"] = True
            return render(request, "producers/invitation.html", context, status=403)
        if request.method == "POST":
            acceptance = accounts.invitation_accept(invitation=invitation, user=request.user)
            return _accepted(request, invitation, acceptance)
        return render(request, "producers/invitation.html", context)
    if accounts.email_is_taken(invitation.email):
        context["has_account"] = True
        return render(request, "producers/invitation.html", context)
    form = InvitationSignUpForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        try:
            user = accounts.invitation_accept_with_new_account(
                invitation=invitation, password=form.cleaned_data["password1"],
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
            )
        except (ValidationError, accounts.TokenError) as error:
            form.add_error(None, str(error.messages[0]) if isinstance(error, ValidationError)
                           else str(error))
        else:
            login(request, user, backend=BACKEND)
            if producers_for_user(user=user).filter(pk=invitation.producer_id).exists():
                messages.success(request, _("Bienvenue dans l'équipe de %(nom)s !")
                                 % {"nom": invitation.producer.nom})
                return redirect("producers:home", slug=invitation.producer.slug)
            messages.warning(request, CLAIM_SENT)
            return redirect("producers:dashboard")
    context["form"] = form
    return render(request, "producers/invitation.html", context,
                  status=400 if form.errors else 200)


CLAIM_SENT = gettext_lazy(
    "Cette fiche est déjà gérée par un autre compte : votre demande de reprise est transmise à "
    "l'équipe de la CCI, qui vérifiera et vous répondra par e-mail.")


def _accepted(request: HttpRequest, invitation: ProducerInvitation,
              acceptance: accounts.Acceptance) -> HttpResponse:
    if acceptance.membership is None:
        messages.warning(request, CLAIM_SENT)
        return redirect("producers:dashboard")
    if acceptance.claim is not None:
        messages.success(request, _("La fiche « %(nom)s » est maintenant rattachée à votre "
                                    "compte.") % {"nom": invitation.producer.nom})
    else:
        messages.success(request, _("Vous faites maintenant partie de l'équipe de "
                                    "%(nom)s.") % {"nom": invitation.producer.nom})
    return redirect("producers:home", slug=invitation.producer.slug)


# --- Password reset and change (Django's views, French templates) ---------------------------

class PasswordResetView(auth_views.PasswordResetView):
    template_name = "producers/password_reset_form.html"
    email_template_name = "producers/emails/password_reset.txt"
    subject_template_name = "producers/emails/password_reset_subject.txt"
    success_url = reverse_lazy("producers:password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "producers/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "producers/password_reset_confirm.html"
    success_url = reverse_lazy("producers:password_reset_complete")

    def form_valid(self, form):  # type: ignore[no-untyped-def]
        response = super().form_valid(form)
        accounts.api_tokens_revoke(user=form.user)
        return response


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "producers/password_reset_complete.html"


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "producers/password_change.html"
    success_url = reverse_lazy("producers:dashboard")

    def form_valid(self, form):  # type: ignore[no-untyped-def]
        response = super().form_valid(form)
        accounts.api_tokens_revoke(user=form.user)
        messages.success(self.request, gettext_lazy(
            "Votre mot de passe a été changé ; vos jetons d'accès à l'API sont révoqués."))
        return response

