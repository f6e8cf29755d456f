"""Demo producers of drinks: Cahors and Coteaux du Quercy wines, walnut wine, beer, cider."""

from marketplace.demo.data.records import (
    AB,
    ALL_YEAR,
    AOC,
    CAHORS,
    MARTEL,
    MONTCUQ,
    PUY_L_EVEQUE,
    SAINT_CERE,
    SHOP_CAHORS,
    SHOP_GOURDON,
    SOUILLAC,
    Farm,
    Item,
)

SUMMER_DRINKS = (5, 6, 7, 8, 9)

FARMS = [
    Farm(
        name="Domaine du Clos Malbec", commune="46001", legal_name="SCEA du Clos Malbec",
        place="Les Gravières",
        story="Douze hectares sur les terrasses de graviers d'Albas, dans une boucle du Lot. "
              "Thomas, quatrième génération, vendange à la main et élève ses cuvées en cuve "
              "béton plutôt qu'en fût, pour garder le fruit du malbec.",
        labels=("aoc", "hve"),
        markets=(CAHORS,),
        shop=SHOP_CAHORS,
        products=(
            Item("vins-rouges", "Cahors AOC Les Gravières", "bouteille", "75 cl", "9.50", AOC,
                 ALL_YEAR, "Malbec et 10 % de merlot, cerise noire et violette, à boire "
                 "sur le fruit avec une grillade ou un plateau de fromages."),
            Item("vins-rouges", "Cahors AOC Vieilles Vignes", "bouteille", "75 cl", "14.00",
                 AOC, ALL_YEAR, "Vignes de soixante ans, tanins serrés, dix ans de garde."),
            Item("vins-rouges", "Cahors AOC en magnum", "bouteille", "150 cl", "21.00", AOC,
                 ALL_YEAR, "Les Gravières en grand format, pour les tablées de vendanges."),
            Item("vins-blancs-et-roses", "Rosé de malbec", "bouteille", "75 cl", "8.00", (),
                 SUMMER_DRINKS, "IGP Côtes du Lot, pressurage direct, couleur pétale."),
            Item("vins-rouges", "Bag-in-box de malbec", "lot", "5 L", "24.00", (), ALL_YEAR,
                 "IGP Côtes du Lot, 100 % malbec, pour tous les jours."),
        ),
    ),
    Farm(
        name="Château Les Terrasses d'Olt", commune="46088",
        legal_name="SCEA Château Les Terrasses d'Olt", place="Port de Douelle",
        story="Le château regarde l'ancien port de Douelle, d'où les gabares descendaient le vin "
              "de Cahors jusqu'à Bordeaux. Ses vignes s'étagent sur trois terrasses, des "
              "alluvions du bord de l'eau aux éboulis calcaires du haut.",
        labels=("aoc", "hve"),
        markets=(),
        shop=SHOP_CAHORS,
        products=(
            Item("vins-rouges", "Cahors AOC Première Terrasse", "bouteille", "75 cl", "10.50",
                 AOC, ALL_YEAR, "Souple et fruité, le vin des alluvions."),
            Item("vins-rouges", "Cahors AOC Les Éboulis", "bouteille", "75 cl", "18.50", AOC,
                 ALL_YEAR, "Malbec du haut des coteaux, quinze mois de fût, épices et "
                 "réglisse ; sur un agneau ou un fromage affiné."),
            Item("vins-blancs-et-roses", "Côtes du Lot blanc chardonnay-viognier", "bouteille",
                 "75 cl", "9.50", (), ALL_YEAR, "Sec et floral, abricot et fleur blanche."),
            Item("spiritueux-et-liqueurs", "Ratafia de malbec", "bouteille", "50 cl", "15.00",
                 (), ALL_YEAR, "Moût de malbec muté à l'eau-de-vie, vieilli deux ans."),
            Item("vins-rouges", "Cahors AOC Cuvée des Gabariers", "bouteille", "75 cl", "13.50",
                 AOC, ALL_YEAR, "L'assemblage des trois terrasses, hommage aux bateliers du "
                 "Lot."),
        ),
    ),
    Farm(
        name="Domaine de la Combe Rouge", commune="46231", legal_name="EARL Combe Rouge",
        place="La Combe Rouge",
        story="Anaïs a converti les vignes familiales en bio dès 2008 puis en biodynamie. Ses "
              "vins sont vinifiés sans levures ajoutées et peu ou pas soufrés ; les chevaux de "
              "trait labourent les rangs les plus pentus.",
        labels=("aoc", "agriculture-biologique", "demeter"),
        markets=(PUY_L_EVEQUE,),
        products=(
            Item("vins-rouges", "Cahors AOC Terre de Combe", "bouteille", "75 cl", "13.00",
                 ("aoc", "agriculture-biologique"), ALL_YEAR, "Malbec de coteau argilo-"
                 "calcaire, fruit éclatant, tanins fins."),
            Item("vins-rouges", "Côt sans soufre ajouté", "bouteille", "75 cl", "15.00", AB,
                 ALL_YEAR, "Vin de France nature, à boire frais et dans l'année."),
            Item("vins-blancs-et-roses", "Pétillant naturel rosé de malbec", "bouteille",
                 "75 cl", "14.00", AB, SUMMER_DRINKS, "Fines bulles de fin de fermentation, "
                 "fraise des bois et pamplemousse."),
            Item("vins-blancs-et-roses", "Chenin macéré", "bouteille", "75 cl", "17.00", AB,
                 ALL_YEAR, "Un blanc de macération, orangé, pour les curieux."),
            Item("cidres-et-jus", "Jus de raisin de malbec", "bouteille", "75 cl", "5.00", AB,
                 ALL_YEAR, "Le jus pressé aux vendanges, pasteurisé, pour les enfants."),
        ),
    ),
    Farm(
        name="Château des Trois Combes", commune="46191", legal_name="SAS Château des Trois Combes",
        place="Les Trois Combes",
        story="Au-dessus de Mercuès, les vignes du château poussent sur le causse, à 300 mètres, "
              "dans une terre rouge pleine de cailloux. Le domaine ne fait que du Cahors de "
              "garde, élevé en fût dans un chai creusé dans la roche.",
        labels=("aoc",),
        markets=(),
        products=(
            Item("vins-rouges", "Cahors AOC Château des Trois Combes", "bouteille", "75 cl",
                 "22.00", AOC, ALL_YEAR, "Le grand vin : malbec du causse, vingt mois de fût, à "
                 "attendre cinq ans."),
            Item("vins-rouges", "Cahors AOC Second des Trois Combes", "bouteille", "75 cl",
                 "12.50", AOC, ALL_YEAR, "Les jeunes vignes du domaine, prêtes plus tôt."),
            Item("vins-rouges", "Cahors AOC Cuvée du Causse 2019", "bouteille", "75 cl", "38.00",
                 AOC, ALL_YEAR, "Une seule parcelle, la plus caillouteuse, et un millésime "
                 "solaire ; avec un civet ou une truffe."),
            Item("vins-rouges", "Coffret de 3 Cahors", "lot", "3 × 75 cl", "52.00", AOC,
                 ALL_YEAR, "Le grand vin, le second et la Cuvée du Causse en caisse bois."),
        ),
    ),
    Farm(
        name="Domaine des Coteaux de Montratier", commune="46063",
        legal_name="EARL des Coteaux de Montratier", place="Lacapelle",
        story="Dans le Quercy Blanc, au sud de Cahors, la vigne partage les coteaux avec les "
              "melons et les tournesols. Le domaine fait du Coteaux du Quercy, où le cabernet "
              "franc domine, et vend presque tout à la cave de la ferme.",
        labels=("aoc", "hve"),
        markets=(MONTCUQ,),
        products=(
            Item("vins-rouges", "Coteaux du Quercy rouge", "bouteille", "75 cl", "8.50", AOC,
                 ALL_YEAR, "Cabernet franc et malbec, poivron grillé et fruits rouges."),
            Item("vins-blancs-et-roses", "Coteaux du Quercy rosé", "bouteille", "75 cl", "7.50",
                 AOC, SUMMER_DRINKS, "Rosé de saignée gourmand, pour les soirs d'été."),
            Item("vins-rouges", "Coteaux du Quercy Cuvée Cabernet", "bouteille", "75 cl",
                 "12.00", AOC, ALL_YEAR, "Cabernet franc élevé un an en foudre."),
            Item("vins-blancs-et-roses", "Côtes du Lot blanc sauvignon", "bouteille", "75 cl",
                 "7.80", (), ALL_YEAR, "Vif et citronné, pour les fruits de mer et le chèvre."),
            Item("vins-rouges", "Fontaine de Coteaux du Quercy", "lot", "3 L", "17.00", AOC,
                 ALL_YEAR, "Le rouge du domaine en poche souple."),
        ),
    ),
    Farm(
        name="Distillerie de la Tourmente", commune="46185", legal_name="SARL La Tourmente",
        place="Moulin de la Tourmente",
        story="Un alambic de 1920 remis en état dans un moulin sur la Tourmente, près de "
              "Martel. Raphaël y distille les prunes et les poires des vergers voisins et "
              "prépare chaque juin le vin de noix avec des noix vertes cueillies à la "
              "Saint-Jean.",
        labels=(),
        markets=(MARTEL,),
        shop=SHOP_GOURDON,
        products=(
            Item("spiritueux-et-liqueurs", "Vin de noix", "bouteille", "75 cl", "14.00", (),
                 ALL_YEAR, "Noix vertes macérées dans un vin de Cahors, un an de repos."),
            Item("spiritueux-et-liqueurs", "Liqueur de noix", "bouteille", "50 cl", "18.00", (),
                 ALL_YEAR, "Plus sucrée et plus forte que le vin de noix, pour le café."),
            Item("spiritueux-et-liqueurs", "Vieille prune", "bouteille", "70 cl", "36.00", (),
                 ALL_YEAR, "Eau-de-vie de prunes d'ente vieillie cinq ans en fût de chêne."),
            Item("spiritueux-et-liqueurs", "Eau-de-vie de poire williams", "bouteille", "50 cl",
                 "29.00", (), ALL_YEAR, "Distillée à l'automne, réduite lentement."),
            Item("spiritueux-et-liqueurs", "Prunes à l'eau-de-vie", "pot", "50 cl", "17.00", (),
                 ALL_YEAR, "Reines-claudes entières macérées un an dans notre eau-de-vie."),
            Item("spiritueux-et-liqueurs", "Crème de châtaigne", "bouteille", "50 cl", "16.00",
                 (), ALL_YEAR, "Liqueur douce, à allonger de vin blanc pour l'apéritif."),
        ),
    ),
    Farm(
        name="Brasserie du Haut-Quercy", commune="46251",
        legal_name="SARL Brasserie du Haut-Quercy",
        place="Zone de la Croix Blanche",
        story="Deux amis d'enfance de Saint-Céré brassent depuis 2017 dans un ancien garage "
              "agricole. L'orge est maltée dans le Gers, le houblon vient en partie d'un voisin "
              "de Bretenoux, et les bières ne sont ni filtrées ni pasteurisées.",
        labels=("produit-en-occitanie",),
        markets=(SAINT_CERE,),
        products=(
            Item("bieres", "Bière blonde La Céréenne", "bouteille", "33 cl", "2.90", (),
                 ALL_YEAR, "Blonde légère et florale, 4,8 %."),
            Item("bieres", "Bière ambrée aux noix", "bouteille", "33 cl", "3.20", (), ALL_YEAR,
                 "Malt caramel et noix du Lot infusées, 6 %."),
            Item("bieres", "IPA du Haut-Quercy", "bouteille", "33 cl", "3.40", (), ALL_YEAR,
                 "Houblons locaux et américains, amertume franche, 6,5 %."),
            Item("bieres", "Bière brune à la châtaigne", "bouteille", "75 cl", "6.50", (),
                 (10, 11, 12, 1, 2), "Brune ronde brassée avec de la farine de châtaigne, "
                 "7 %."),
            Item("bieres", "Coffret découverte", "lot", "6 × 33 cl", "17.00", (), ALL_YEAR,
                 "Deux blondes, deux ambrées, deux IPA."),
        ),
    ),
    Farm(
        name="Brasserie du Pont Valentré", commune="46224",
        legal_name="EI Karim Benali", place="Le Payrat",
        story="Une microbrasserie d'une personne aux portes de Cahors : Karim brasse 300 litres "
              "par semaine et ne fait que des bières de saison, du blé au printemps à la "
              "stout de Noël.",
        labels=(),
        markets=(CAHORS,),
        products=(
            Item("bieres", "Bière blanche au safran du Quercy", "bouteille", "33 cl", "3.60", (),
                 (4, 5, 6, 7, 8), "Blanche de blé, écorces d'orange et une pincée de safran "
                 "d'un voisin, 5 %."),
            Item("bieres", "Saison du Pont Valentré", "bouteille", "75 cl", "6.80", (),
                 ALL_YEAR, "Fermentation chaude, sèche et poivrée, 6 %."),
            Item("bieres", "Stout de Noël", "bouteille", "75 cl", "7.50", (), (11, 12, 1),
                 "Noire, café et cacao, brassée pour les fêtes, 8 %."),
            Item("bieres", "Growler de bière pression", "litre", "1 L", "6.00", (), ALL_YEAR,
                 "Rempli au robinet sur le marché : apportez votre bouteille."),
            Item("bieres", "Ambrée d'automne", "bouteille", "33 cl", "3.30", (),
                 (9, 10, 11), "Ambrée d'automne, malts grillés et une touche de miel, 6 %."),
        ),
    ),
    Farm(
        name="Cidrerie de la Vallée de la Dordogne", commune="46312",
        legal_name="EARL Vergers de Strenquels", place="Le Verger",
        story="Trois hectares de pommiers haute tige plantés par le grand-père, jamais traités, "
              "dans la plaine de Strenquels. Les pommes tombées sont ramassées à la main, "
              "pressées en octobre et fermentent tout l'hiver en cuve.",
        labels=AB,
        markets=(MARTEL, SOUILLAC),
        products=(
            Item("cidres-et-jus", "Cidre brut fermier", "bouteille", "75 cl", "5.50", AB,
                 ALL_YEAR, "Sec et tannique, 5,5 %, pommes à cidre et pommes à couteau."),
            Item("cidres-et-jus", "Cidre doux", "bouteille", "75 cl", "5.20", AB, ALL_YEAR,
                 "Fermentation arrêtée tôt, 3 %, fruité."),
            Item("cidres-et-jus", "Poiré", "bouteille", "75 cl", "6.50", AB, ALL_YEAR,
                 "Poires de vieux poiriers, fines bulles, 4 %."),
            Item("cidres-et-jus", "Jus de pomme trouble", "bouteille", "1 L", "3.50", AB,
                 ALL_YEAR, "Pur jus, non filtré, sans sucre ajouté."),
            Item("conserves", "Vinaigre de cidre", "bouteille", "50 cl", "4.50", AB, ALL_YEAR,
                 "Vieilli un an sur sa mère de vinaigre.", picture="cidres-et-jus"),
        ),
    ),
]
