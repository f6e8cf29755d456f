"""The starting taxonomy of local products and labels (staff edit it afterwards)."""

from typing import Any

# (slug, French name, English name, [(slug, French name, English name), …])
CATEGORIES: list[tuple[str, str, str, list[tuple[str, str, str]]]] = [
    ("fruits-et-legumes", "Fruits et légumes", "Fruit and vegetables", [
        ("legumes", "Légumes", "Vegetables"),
        ("fruits", "Fruits", "Fruit"),
        ("melons", "Melons", "Melons"),
        ("fruits-rouges", "Fraises et fruits rouges", "Strawberries and berries"),
        ("champignons", "Champignons", "Mushrooms"),
    ]),
    ("fromages-et-produits-laitiers", "Fromages et produits laitiers", "Cheese and dairy", [
        ("fromages-de-chevre", "Fromages de chèvre", "Goat cheese"),
        ("fromages-de-brebis", "Fromages de brebis", "Sheep cheese"),
        ("fromages-de-vache", "Fromages de vache", "Cow cheese"),
        ("yaourts-et-cremes", "Yaourts, lait et crèmes", "Yoghurt, milk and cream"),
    ]),
    ("viandes-et-charcuterie", "Viandes et charcuterie", "Meat and charcuterie", [
        ("agneau", "Agneau", "Lamb"),
        ("boeuf-et-veau", "Bœuf et veau", "Beef and veal"),
        ("porc", "Porc", "Pork"),
        ("charcuterie", "Charcuterie", "Charcuterie"),
    ]),
    ("volailles-et-foie-gras", "Volailles et foie gras", "Poultry and foie gras", [
        ("volailles", "Volailles", "Poultry"),
        ("canard-et-foie-gras", "Canard et foie gras", "Duck and foie gras"),
    ]),
    ("vins-et-spiritueux", "Vins et spiritueux", "Wine and spirits", [
        ("vins-rouges", "Vins rouges", "Red wine"),
        ("vins-blancs-et-roses", "Vins blancs et rosés", "White and rosé wine"),
        ("spiritueux-et-liqueurs", "Spiritueux et liqueurs", "Spirits and liqueurs"),
    ]),
    ("bieres-et-cidres", "Bières et cidres", "Beer and cider", [
        ("bieres", "Bières", "Beer"),
        ("cidres-et-jus", "Cidres et jus de fruits", "Cider and fruit juice"),
    ]),
    ("miel-et-confitures", "Miel et confitures", "Honey and jam", [
        ("miels", "Miels", "Honey"),
        ("confitures", "Confitures et gelées", "Jams and jellies"),
    ]),
    ("epicerie", "Épicerie", "Pantry", [
        ("huiles", "Huiles", "Oils"),
        ("noix", "Noix et fruits secs", "Walnuts and dried fruit"),
        ("safran", "Safran", "Saffron"),
        ("truffes", "Truffes", "Truffles"),
        ("farines-et-cereales", "Farines, céréales et légumineuses", "Flour, grains and pulses"),
        ("conserves", "Conserves et plats cuisinés", "Preserves and ready meals"),
    ]),
    ("boulangerie", "Boulangerie et pâtisserie", "Bakery", [
        ("pains", "Pains", "Bread"),
        ("patisseries", "Pâtisseries et biscuits", "Pastries and biscuits"),
    ]),
    ("oeufs", "Œufs", "Eggs", []),
    ("plantes-et-fleurs", "Plantes et fleurs", "Plants and flowers", [
        ("plants-potagers", "Plants potagers", "Vegetable seedlings"),
        ("fleurs", "Fleurs coupées", "Cut flowers"),
        ("plantes-aromatiques", "Plantes aromatiques et tisanes", "Herbs and herbal teas"),
    ]),
    ("artisanat", "Artisanat", "Crafts", [
        ("poterie", "Poterie et céramique", "Pottery"),
        ("bois", "Bois", "Woodwork"),
        ("textile", "Laine et textile", "Wool and textiles"),
        ("cosmetiques", "Savons et cosmétiques", "Soaps and cosmetics"),
    ]),
]

LABELS: list[dict[str, Any]] = [
    {"slug": "agriculture-biologique", "nom": "Agriculture biologique (AB)",
     "nom_en": "Organic farming (AB)", "url": "https://www.agencebio.org/"},
    {"slug": "aop", "nom": "AOP (appellation d'origine protégée)",
     "nom_en": "PDO (protected designation of origin)", "url": "https://www.inao.gouv.fr/"},
    {"slug": "aoc", "nom": "AOC (appellation d'origine contrôlée)",
     "nom_en": "AOC (controlled designation of origin)", "url": "https://www.inao.gouv.fr/"},
    {"slug": "igp", "nom": "IGP (indication géographique protégée)",
     "nom_en": "PGI (protected geographical indication)", "url": "https://www.inao.gouv.fr/"},
    {"slug": "label-rouge", "nom": "Label Rouge", "nom_en": "Label Rouge",
     "url": "https://www.inao.gouv.fr/"},
    {"slug": "bienvenue-a-la-ferme", "nom": "Bienvenue à la ferme",
     "nom_en": "Bienvenue à la ferme (farm network)", "url": "https://www.bienvenue-a-la-ferme.com/"},
    {"slug": "hve", "nom": "Haute valeur environnementale (HVE)",
     "nom_en": "High environmental value (HVE)", "url": ""},
    {"slug": "nature-et-progres", "nom": "Nature & Progrès", "nom_en": "Nature & Progrès",
     "url": "https://www.natureetprogres.org/"},
    {"slug": "demeter", "nom": "Demeter", "nom_en": "Demeter", "url": ""},
    {"slug": "produit-en-occitanie", "nom": "Sud de France / Produit en Occitanie",
     "nom_en": "Made in Occitanie", "url": ""},
]


def load_taxonomy(category_model: Any, label_model: Any) -> None:
    """Create the missing categories and labels; never overwrite a staff edit."""
    for position, (slug, nom, nom_en, children) in enumerate(CATEGORIES):
        parent, _ = category_model.objects.get_or_create(
            slug=slug, defaults={"nom": nom, "nom_en": nom_en, "position": position}
        )
        for child_position, (child_slug, child_nom, child_nom_en) in enumerate(children):
            category_model.objects.get_or_create(
                slug=child_slug,
                defaults={"nom": child_nom, "nom_en": child_nom_en, "parent": parent,
                          "position": child_position},
            )
    for label in LABELS:
        label_model.objects.get_or_create(slug=label["slug"], defaults=label)
