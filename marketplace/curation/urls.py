from django.urls import path

from marketplace.common.ratelimit import Limit, account, rate_limited
from marketplace.common.responses import too_many_requests
from marketplace.curation.views import (
    claims,
    corrections,
    featuring,
    imports,
    overview,
    review,
)

app_name = "curation"

urlpatterns = [
    path("", overview.dashboard, name="dashboard"),
    path("file/", review.queue, name="queue"),
    path("producteurs/", review.producers, name="producers"),
    path("producteurs/<slug:slug>/", review.producer, name="producer"),
    path("producteurs/<slug:slug>/apercu/", review.producer_preview, name="producer_preview"),
    path("producteurs/<slug:slug>/decision/", review.producer_decide, name="producer_decide"),
    # E-mails a listing's address: a staff account too is limited (a stolen session).
    path("producteurs/<slug:slug>/inviter/", rate_limited(
        Limit("claim-invite-account", "30/d", account), on_limit=too_many_requests)(
        review.producer_invite), name="producer_invite"),
    path("producteurs/<slug:slug>/corriger/", corrections.producer_edit, name="producer_edit"),
    path("producteurs/<slug:slug>/historique/", corrections.producer_history,
         name="producer_history"),
    path("produits/<int:pk>/corriger/", corrections.product_edit, name="product_edit"),
    path("produits/<int:pk>/masquer/", corrections.product_hide, name="product_hide"),
    path("produits/<int:pk>/afficher/", corrections.product_unhide, name="product_unhide"),
    path("produits/<int:pk>/historique/", corrections.product_history, name="product_history"),
    path("journal/", corrections.journal, name="journal"),
    path("reprises/", claims.claims, name="claims"),
    path("reprises/<int:pk>/", claims.claim, name="claim"),
    path("mises-en-avant/", featuring.featurings, name="featurings"),
    path("mises-en-avant/<int:pk>/", featuring.featuring_edit, name="featuring_edit"),
    path("mises-en-avant/<int:pk>/retirer/", featuring.featuring_delete,
         name="featuring_delete"),
    path("campagnes/ajouter/", featuring.campaign_edit, name="campaign_create"),
    path("campagnes/<int:pk>/", featuring.campaign_edit, name="campaign_edit"),
    path("import/", imports.import_list, name="imports"),
    path("import/<int:pk>/", imports.import_detail, name="import_detail"),
    path("import/<int:pk>/confirmer/", imports.import_confirm, name="import_confirm"),
    path("taches-en-echec/", overview.failed_tasks, name="failed_tasks"),
    path("fraicheur/", overview.stale, name="stale"),
    path("fraicheur/<slug:slug>/masquer/", overview.stale_hide, name="stale_hide"),
    path("referentiel/", overview.reference, name="reference"),
    path("exports/", overview.exports, name="exports"),
    path("exports/annuaire.csv", overview.export_directory, name="export_directory"),
    path("exports/statistiques.csv", overview.export_statistics, name="export_statistics"),
]
