from django.contrib.auth import views as auth_views
from django.urls import include, path

from marketplace.common.ratelimit import Limit, rate_limited
from marketplace.common.responses import too_many_requests
from producers import limits
from producers.views import accounts, catalogue, freshness, profile


def limited(rules: tuple[Limit, ...]):  # type: ignore[no-untyped-def]
    return rate_limited(*rules, on_limit=too_many_requests)


app_name = "producers"

farm_patterns = [
    path("", profile.home, name="home"),
    path("profil/", profile.profile, name="profile"),
    path("confirmer/", freshness.confirm, name="confirm"),
    path("photos/", profile.photos, name="photos"),
    path("photos/<int:pk>/", profile.photo_update, name="photo_update"),
    path("photos/<int:pk>/supprimer/", profile.photo_delete, name="photo_delete"),
    path("photos/<int:pk>/premiere/", profile.photo_move_first, name="photo_move_first"),
    path("points-de-vente/", profile.points_of_sale, name="points_of_sale"),
    path("points-de-vente/ajouter/", profile.point_of_sale_edit, name="point_of_sale_create"),
    path("points-de-vente/<int:pk>/", profile.point_of_sale_edit, name="point_of_sale_update"),
    path("points-de-vente/<int:pk>/supprimer/", profile.point_of_sale_delete,
         name="point_of_sale_delete"),
    path("equipe/", limited(limits.INVITE)(profile.team_view), name="team"),
    path("equipe/<int:pk>/retirer/", profile.member_remove, name="member_remove"),
    path("equipe/invitations/<int:pk>/annuler/", profile.invitation_cancel,
         name="invitation_cancel"),
    path("produits/", catalogue.product_list, name="products"),
    path("produits/ajouter/", catalogue.product_edit, name="product_create"),
    path("produits/<int:pk>/", catalogue.product_edit, name="product_update"),
    path("produits/<int:pk>/rapide/", catalogue.product_quick_update, name="product_quick_update"),
    path("produits/<int:pk>/disponibilite/", catalogue.product_toggle_available,
         name="product_toggle_available"),
    path("produits/<int:pk>/dupliquer/", catalogue.product_duplicate, name="product_duplicate"),
    path("produits/<int:pk>/supprimer/", catalogue.product_delete, name="product_delete"),
    path("produits/<int:pk>/restaurer/", catalogue.product_restore, name="product_restore"),
    path("produits/<int:pk>/photos/<int:photo_pk>/supprimer/", catalogue.product_photo_delete,
         name="product_photo_delete"),
    path("produits/<int:pk>/photos/<int:photo_pk>/premiere/", catalogue.product_photo_move_first,
         name="product_photo_move_first"),
]

urlpatterns = [
    path("", accounts.dashboard, name="dashboard"),
    path("connexion/", limited(limits.LOGIN)(accounts.LoginView.as_view()), name="login"),
    path("deconnexion/", auth_views.LogoutView.as_view(), name="logout"),
    path("inscription/", limited(limits.SIGN_UP)(accounts.sign_up), name="signup"),
    path("inscription/envoyee/", accounts.signup_sent, name="signup_sent"),
    path("verification/renvoyer/", limited(limits.RESEND_VERIFICATION)(
        accounts.resend_verification), name="resend_verification"),
    path("verification/<str:token>/", accounts.verify_email, name="verify_email"),
    path("invitation/<str:token>/", limited(limits.INVITATION_ACCEPT)(accounts.invitation_accept),
         name="invitation_accept"),
    path("confirmation/<str:token>/", freshness.confirm_listing, name="confirm_listing"),
    path("mot-de-passe/oubli/", limited(limits.PASSWORD_RESET)(
        accounts.PasswordResetView.as_view()), name="password_reset"),
    path("mot-de-passe/oubli/envoye/", accounts.PasswordResetDoneView.as_view(),
         name="password_reset_done"),
    path("mot-de-passe/nouveau/<uidb64>/<token>/", accounts.PasswordResetConfirmView.as_view(),
         name="password_reset_confirm"),
    path("mot-de-passe/nouveau/termine/", accounts.PasswordResetCompleteView.as_view(),
         name="password_reset_complete"),
    path("mot-de-passe/changer/", limited(limits.PASSWORD_CHANGE)(
        accounts.PasswordChangeView.as_view()), name="password_change"),
    path("ferme/<slug:slug>/", include(farm_patterns)),
]
