"""A resident's account (optional): log in, sign up, and find one's orders (/compte/…)."""

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme

from orders.forms import ResidentSignUpForm
from orders.selectors import checkouts_for_user
from orders.services.accounts import resident_sign_up
from producers.forms import EmailAuthenticationForm


class LoginView(auth_views.LoginView):
    """The session (and so the cart) is kept across the login."""

    template_name = "orders/login.html"
    authentication_form = EmailAuthenticationForm
    redirect_authenticated_user = True
    next_page = reverse_lazy("orders:my_orders")  # type: ignore[assignment]


class LogoutView(auth_views.LogoutView):
    next_page = "/"


def sign_up(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("orders:my_orders")
    form = ResidentSignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            target = request.POST.get("next", "")
            safe = url_has_allowed_host_and_scheme(target, {request.get_host()})
            resident_sign_up(email=data["email"], password=data["password1"],
                             first_name=data["first_name"], last_name=data["last_name"],
                             then=target if target.startswith("/") and safe else "")
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            # The same answer for a new and a known address (see resident_sign_up); the cart
            # stays in this session, and the e-mailed link opens the account.
            return redirect("orders:signup_sent")
    return render(request, "orders/signup.html", {"form": form,
                                                  "next": request.GET.get("next", "")},
                  status=400 if form.errors else 200)


def signup_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "orders/signup_sent.html")


@login_required(login_url=reverse_lazy("orders:login"))
def my_orders(request: HttpRequest) -> HttpResponse:
    return render(request, "orders/my_orders.html", {
        "checkouts": checkouts_for_user(user=request.user)[:50],
    })
