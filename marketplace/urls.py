from django.urls import path

from marketplace.views import home, pages

app_name = "marketplace"

urlpatterns = [
    path("", home.home, name="home"),
    path("producteurs/<slug:slug>/", pages.producer_detail, name="producer"),
    path("produits/<slug:producer_slug>/<slug:slug>/", pages.product_detail, name="product"),
    path("communes/<str:code_insee>/", pages.commune_detail, name="commune"),
    path("categories/<slug:slug>/", pages.category_detail, name="category"),
]
