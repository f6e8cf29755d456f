"""Demo producers of the Lot's pantry: truffles, saffron, walnuts, honey, chestnuts, mushrooms."""

from marketplace.demo.data.records import (
    AB,
    ALL_YEAR,
    AOP,
    CAHORS,
    CAJARC,
    FIGEAC,
    GOURDON,
    LALBENQUE,
    LIMOGNE,
    MARTEL,
    SAINT_CERE,
    SHOP_CAHORS,
    SHOP_FIGEAC,
    SHOP_GOURDON,
    SOUILLAC,
    WINTER,
    Farm,
    Item,
)

AUTUMN = (9, 10, 11, 12)
WALNUT_SEASON = (10, 11, 12, 1, 2, 3)

FARMS = [
    Farm(
        name="Truffière de Lalbenque", commune="46148", legal_name="EARL Truffière des Pechs",
        place="Les Pechs",
        story="Bernard a planté ses premiers chênes truffiers en 1988 ; ils ont mis onze ans à "
              "donner. Avec sa chienne Praline, il cave de décembre à mars et présente ses "
              "truffes chaque mardi après-midi sur le marché de Lalbenque, où la vente ouvre "
              "au coup de sifflet.",
        labels=("bienvenue-a-la-ferme",),
        markets=(LALBENQUE,),
        products=(
            Item("truffes", "Truffe noire du Quercy", "g", "100 g", "110.00", (), WINTER,
                 "Tuber melanosporum brossée et canifée, première catégorie, cavée dans la "
                 "semaine."),
            Item("truffes", "Truffe noire extra", "g", "100 g", "140.00", (), WINTER,
                 "Belles pièces rondes et parfumées, pour une truffe entière en croûte."),
            Item("truffes", "Truffe d'été", "g", "100 g", "45.00", (), (6, 7, 8),
                 "Tuber aestivum, chair claire et parfum léger de sous-bois, en carpaccio."),
            Item("truffes", "Morceaux de truffe noire", "g", "100 g", "80.00", (), WINTER,
                 "Truffes coupées ou abîmées par le chien, même parfum, moitié prix."),
            Item("plants-potagers", "Chêne truffier mycorhizé", "piece", "godet de 2 ans",
                 "18.00", (), (11, 12, 1, 2, 3), "Chêne pubescent inoculé et contrôlé, à "
                 "planter en sol calcaire."),
        ),
    ),
    Farm(
        name="Domaine des Chênes Truffiers", commune="46173",
        legal_name="SCEA des Chênes Truffiers", place="Le Bosc",
        story="Sur le causse de Limogne, le domaine entretient quinze hectares de truffières et "
              "un atelier où Sylvie prépare, hors saison, des conserves avec les truffes "
              "trop petites pour le marché du vendredi.",
        labels=(),
        markets=(LIMOGNE, CAHORS),
        shop=SHOP_CAHORS,
        products=(
            Item("truffes", "Truffe noire fraîche du causse", "g", "50 g", "105.00", (), WINTER,
                 "Cavée au chien, vendue le vendredi matin à Limogne."),
            Item("truffes", "Brisures de truffe noire", "pot", "25 g", "28.00", (), ALL_YEAR,
                 "Brisures stérilisées dans leur jus, pour omelettes et purées."),
            Item("truffes", "Jus de truffe noire", "pot", "50 ml", "14.00", (), ALL_YEAR,
                 "Le jus de première cuisson, pour les sauces et les risottos."),
            Item("conserves", "Brouillade d'œufs truffée", "pot", "180 g", "19.00", (), ALL_YEAR,
                 "Œufs de la ferme voisine et 3 % de truffe noire, à tiédir au bain-marie."),
            Item("huiles", "Huile d'olive à la truffe noire", "bouteille", "25 cl", "15.00", (),
                 ALL_YEAR, "Huile vierge extra infusée avec des pelures de truffe."),
            Item("conserves", "Beurre à la truffe noire", "pot", "80 g", "9.50", (), WINTER,
                 "Beurre doux et 5 % de truffe, à glisser sous la peau d'un poulet."),
        ),
    ),
    Farm(
        name="Les Crocus de Cajarc", commune="46045", legal_name="EI Élodie Marty",
        place="Le Pech de Gages",
        story="En octobre, Élodie cueille chaque matin avant le soleil les fleurs mauves de ses "
              "crocus, puis passe l'après-midi à en retirer les trois pistils. Il faut environ "
              "150 fleurs pour un gramme de safran du Quercy, séché le jour même.",
        labels=AB,
        markets=(CAJARC,),
        shop=SHOP_FIGEAC,
        products=(
            Item("safran", "Safran du Quercy en pistils", "pot", "0,1 g", "4.50", AB, ALL_YEAR,
                 "Une dose pour un risotto ou une paella de quatre personnes."),
            Item("safran", "Safran du Quercy en pistils (0,5 g)", "pot", "0,5 g", "17.00", AB,
                 ALL_YEAR, "Récolte de l'automne dernier, en flacon de verre teinté."),
            Item("safran", "Safran du Quercy en pistils (1 g)", "pot", "1 g", "32.00", AB,
                 ALL_YEAR, "Le gramme, pour ceux qui en mettent partout."),
            Item("confitures", "Confiture de poire au safran", "pot", "220 g", "6.50", (),
                 ALL_YEAR, "Poires du Quercy, sucre de canne et pistils de la ferme."),
            Item("patisseries", "Sablés au safran", "lot", "150 g", "5.20", (), ALL_YEAR,
                 "Pur beurre, dorés, parfumés au safran infusé dans le lait."),
            Item("conserves", "Sel au safran", "pot", "80 g", "6.50", (), ALL_YEAR,
                 "Sel de Camargue et pistils broyés, pour le poisson et les légumes."),
        ),
    ),
    Farm(
        name="La Safranière du Pech", commune="46068", legal_name="EARL du Pech de Cénevières",
        place="Le Pech",
        story="Ancien professeur de chimie, Alain cultive depuis 2011 un demi-hectare de crocus "
              "et de lavandin sur un coteau de Cénevières, face au château. Il vend aussi les "
              "bulbes pour ceux qui veulent essayer chez eux.",
        labels=(),
        markets=(CAHORS,),
        products=(
            Item("safran", "Safran en filaments", "pot", "0,2 g", "8.00", (), ALL_YEAR,
                 "Pistils entiers, couleur rouge profond, à faire infuser une heure."),
            Item("plants-potagers", "Bulbes de crocus à safran", "lot", "20 bulbes", "12.00", (),
                 (7, 8), "À planter en été pour une première floraison en octobre."),
            Item("confitures", "Gelée de pomme au safran", "pot", "220 g", "6.00", (), ALL_YEAR,
                 "Pommes du verger et une pointe de safran, belle couleur d'or."),
            Item("conserves", "Vinaigre de vin au safran", "bouteille", "25 cl", "8.50", (),
                 ALL_YEAR, "Vinaigre de Cahors aromatisé, pour les salades de lentilles.",
                 picture="flacons"),
            Item("spiritueux-et-liqueurs", "Liqueur de safran", "bouteille", "35 cl", "19.00",
                 (), ALL_YEAR, "Douce et épicée, à servir très fraîche."),
        ),
    ),
    Farm(
        name="Noyeraie de la Bouriane", commune="46297", legal_name="GAEC Lafon",
        place="Les Noyers",
        story="Huit cents noyers franquette et marbot dans les terres de Salviac. En octobre, "
              "les noix tombées sont ramassées chaque jour, lavées, puis séchées à l'air chaud "
              "dans le séchoir à claies de la ferme.",
        labels=("aop",),
        markets=(GOURDON,),
        shop=SHOP_GOURDON,
        products=(
            Item("noix", "Noix du Périgord AOP sèches", "kg", "1 kg", "6.50", AOP,
                 WALNUT_SEASON, "Franquette entière, calibre 28 et plus, récolte de l'année."),
            Item("noix", "Cerneaux de noix du Périgord AOP", "kg", "500 g", "14.00", AOP,
                 ALL_YEAR, "Cerneaux extra clairs, cassés et triés à la main pendant l'hiver."),
            Item("noix", "Noix fraîches", "kg", "1 kg", "5.50", (), (9, 10),
                 "Noix « vertes » à peler, à croquer avec un verre de vin blanc."),
            Item("noix", "Noix vertes pour vin de noix", "kg", "1 kg", "7.00", (), (6, 7),
                 "Cueillies autour de la Saint-Jean, avant que la coque ne durcisse."),
            Item("huiles", "Huile de noix vierge", "bouteille", "50 cl", "14.50", (), ALL_YEAR,
                 "Nos cerneaux pressés au moulin de Saint-Germain, goût de noix grillée."),
            Item("noix", "Brisures de cerneaux", "kg", "500 g", "10.00", (), ALL_YEAR,
                 "Les cerneaux cassés au tri, parfaits pour les gâteaux et le pain."),
        ),
    ),
    Farm(
        name="Moulin à huile du Céou", commune="46267", legal_name="SARL Moulin du Céou",
        place="Le Moulin",
        story="Le moulin tourne sur le Céou depuis le XVIIIe siècle ; la famille Bouscarel y "
              "écrase à la meule de pierre les cerneaux des nuciculteurs du canton. La pâte est "
              "chauffée doucement dans la poêle, puis pressée : c'est ce qui donne son goût "
              "grillé à l'huile.",
        labels=(),
        markets=(SOUILLAC,),
        products=(
            Item("huiles", "Huile de noix vierge du moulin", "bouteille", "50 cl", "15.00", (),
                 ALL_YEAR, "Première pression à chaud, à la meule de pierre."),
            Item("huiles", "Huile de noix vierge (25 cl)", "bouteille", "25 cl", "8.50", (),
                 ALL_YEAR, "Le petit format, pour les salades de mâche."),
            Item("huiles", "Huile de noix vierge (1 L)", "bouteille", "1 L", "27.00", (),
                 ALL_YEAR, "En bidon, à garder au frais et à l'abri de la lumière."),
            Item("huiles", "Huile de noisette vierge", "bouteille", "25 cl", "11.00", (),
                 ALL_YEAR, "Noisettes du Lot-et-Garonne pressées au moulin."),
            Item("farines-et-cereales", "Farine de noix", "pot", "250 g", "6.00", (), ALL_YEAR,
                 "Le tourteau du pressage, moulu fin, pour les gâteaux."),
        ),
    ),
    Farm(
        name="Les Noix de Martel", commune="46185", legal_name="EARL Bouyssou",
        place="Les Landes",
        story="Martel est la ville des noix : Cécile y a repris les vergers de son oncle et "
              "transforme la récolte dans sa cuisine de ferme. Ses gâteaux aux noix partent "
              "chaque mercredi sous la halle du XVIIIe siècle.",
        labels=("aop", "bienvenue-a-la-ferme"),
        markets=(MARTEL,),
        products=(
            Item("noix", "Noix du Périgord AOP en coque", "kg", "2 kg", "12.00", AOP,
                 WALNUT_SEASON, "Corne et grandjean mélangées, le sac de deux kilos."),
            Item("patisseries", "Gâteau aux noix de Martel", "piece", "400 g", "10.00", (),
                 ALL_YEAR, "Moelleux, 40 % de cerneaux, glaçage au caramel."),
            Item("conserves", "Pâte à tartiner noix et chocolat", "pot", "250 g", "7.50", (),
                 ALL_YEAR, "Noix torréfiées et chocolat noir, sans huile de palme."),
            Item("patisseries", "Cerneaux caramélisés", "lot", "150 g", "6.50", (), ALL_YEAR,
                 "Enrobés de caramel croquant, pour l'apéritif ou le dessert."),
            Item("confitures", "Confiture de noix", "pot", "220 g", "6.80", (), ALL_YEAR,
                 "Une spécialité du Quercy : noix, sucre et vanille, sur une crêpe."),
        ),
    ),
    Farm(
        name="Rucher des Causses", commune="46127", legal_name="EI Julien Cayrou",
        place="Le Pech Grand",
        story="Julien pose ses 280 ruches autour de Gourdon et les déplace au fil des "
              "floraisons : acacias de la Bouriane en mai, tilleuls en juin, châtaigniers en "
              "juillet. Chaque miel est extrait à froid et jamais chauffé.",
        labels=("produit-en-occitanie",),
        markets=(GOURDON,),
        shop=SHOP_GOURDON,
        products=(
            Item("miels", "Miel d'acacia", "pot", "500 g", "9.50", (), ALL_YEAR,
                 "Liquide et très doux, il reste clair et ne cristallise presque pas."),
            Item("miels", "Miel de châtaignier", "pot", "500 g", "9.00", (), ALL_YEAR,
                 "Ambré foncé, puissant, un peu amer : pour le fromage."),
            Item("miels", "Miel de tilleul", "pot", "500 g", "9.50", (), ALL_YEAR,
                 "Mentholé et frais, récolté dans les allées de tilleuls."),
            Item("miels", "Miel toutes fleurs de Bouriane", "pot", "1 kg", "15.00", (), ALL_YEAR,
                 "Crémeux, le miel du petit-déjeuner."),
            Item("miels", "Miel en rayon", "piece", "400 g", "14.00", (), (7, 8, 9),
                 "Un cadre découpé tel que les abeilles l'ont operculé."),
            Item("miels", "Pollen frais de ciste", "pot", "250 g", "12.00", (), (4, 5, 6),
                 "Congelé dès la récolte pour garder ses vitamines."),
        ),
    ),
    Farm(
        name="Miellerie du Ségala", commune="46161", legal_name="GAEC Miellerie du Ségala",
        place="Le Bouyssou",
        story="Sur les terres acides du Ségala poussent la bruyère et le sarrasin, qui donnent "
              "des miels sombres et rares. Nadia et Olivier en tirent aussi de l'hydromel et du "
              "pain d'épices, cuit dans le four du village.",
        labels=AB,
        markets=(FIGEAC, SAINT_CERE),
        products=(
            Item("miels", "Miel de bruyère callune", "pot", "250 g", "8.50", AB, ALL_YEAR,
                 "Gélifié, orangé, récolté fin septembre."),
            Item("miels", "Miel de sarrasin", "pot", "500 g", "11.00", AB, ALL_YEAR,
                 "Presque noir, goût malté : pour le pain d'épices."),
            Item("miels", "Miel de ronce et de châtaignier", "pot", "500 g", "9.00", AB,
                 ALL_YEAR, "Le miel d'été des lisières du Ségala."),
            Item("patisseries", "Pain d'épices au miel de sarrasin", "piece", "400 g", "8.00",
                 AB, ALL_YEAR, "Farine de seigle et 50 % de miel, épices douces."),
            Item("spiritueux-et-liqueurs", "Hydromel sec", "bouteille", "75 cl", "13.00", AB,
                 ALL_YEAR, "Miel, eau et levure, fermenté neuf mois, 12 %."),
            Item("patisseries", "Bonbons au miel", "lot", "100 g", "4.50", AB, ALL_YEAR,
                 "Miel de châtaignier cuit au sucre, pour les gorges de l'hiver."),
        ),
    ),
    Farm(
        name="Les Ruches de Saint-Cirq", commune="46256", legal_name="EI Paul Ganil",
        place="Le Bancourel",
        story="Sur le causse au-dessus de Saint-Cirq-Lapopie, les abeilles de Paul butinent le "
              "thym, le sainfoin et la lavande sauvage. Il coule lui-même les bougies avec la "
              "cire des opercules.",
        labels=(),
        markets=(CAJARC,),
        products=(
            Item("miels", "Miel de thym du causse", "pot", "250 g", "7.50", (), ALL_YEAR,
                 "Rare et très parfumé, récolté en juin sur les pelouses sèches."),
            Item("miels", "Miel de sainfoin", "pot", "500 g", "9.50", (), ALL_YEAR,
                 "Blanc et crémeux, au goût de fleur fraîche."),
            Item("miels", "Miel de printemps", "pot", "500 g", "8.50", (), ALL_YEAR,
                 "Prunelliers, aubépines et érables : le premier miel de l'année."),
            Item("miels", "Miel de bruyère blanche", "pot", "250 g", "8.00", (), ALL_YEAR,
                 "Récolté en avril, sombre et caramélisé."),
            Item("patisseries", "Nougat noir au miel", "lot", "200 g", "7.00", (), (11, 12),
                 "Miel cuit et amandes, croquant, pour les treize desserts."),
            Item("cosmetiques", "Bougie en cire d'abeille", "piece", "200 g", "9.00", (),
                 ALL_YEAR, "Coulée à la main, mèche de coton, brûle trente heures.",
                 picture="bougies"),
        ),
    ),
    Farm(
        name="La Châtaigneraie du Ségala", commune="46135", legal_name="EARL Laborie",
        place="Le Castanet",
        story="Les vieux châtaigniers greffés de Labastide-du-Haut-Mont donnaient autrefois le "
              "pain des pauvres. Marc et Isabelle en ont remis trois cents en production et "
              "transforment la récolte d'octobre en farine, crème et bocaux.",
        labels=AB,
        markets=(SAINT_CERE,),
        shop=SHOP_FIGEAC,
        products=(
            Item("noix", "Châtaignes fraîches", "kg", "1 kg", "5.00", AB, (10, 11),
                 "Marrons de variété bouche-de-bétizac, triés à l'eau.", picture="chataignes"),
            Item("farines-et-cereales", "Farine de châtaigne", "kg", "500 g", "9.50", AB,
                 ALL_YEAR, "Châtaignes séchées à la fumée puis moulues à la meule."),
            Item("confitures", "Crème de châtaigne vanillée", "pot", "350 g", "6.50", AB,
                 ALL_YEAR, "Châtaignes, sucre et vanille, cuites au chaudron."),
            Item("conserves", "Châtaignes au naturel", "pot", "400 g", "7.00", AB, ALL_YEAR,
                 "Épluchées et cuites, prêtes pour une poêlée ou une farce.",
                 picture="chataignes"),
            Item("noix", "Châtaignes séchées", "kg", "500 g", "8.00", AB, ALL_YEAR,
                 "À réhydrater une nuit, pour les soupes d'hiver.", picture="chataignes"),
        ),
    ),
    Farm(
        name="Champignonnière des Caves de Vers", commune="46268",
        legal_name="SARL Les Caves de Vers", place="Les Caves",
        story="Dans d'anciennes carrières creusées dans la falaise, la température ne bouge pas "
              "de l'année : Antoine y cultive pleurotes et shiitakés sur des bûches de chêne et "
              "de la paille. L'automne, il y sèche aussi les cèpes des ramasseurs du causse.",
        labels=(),
        markets=(CAHORS,),
        products=(
            Item("champignons", "Pleurotes grises", "kg", "500 g", "12.00", (), ALL_YEAR,
                 "Cueillies le matin du marché, à poêler au beurre et à l'ail."),
            Item("champignons", "Shiitakés", "kg", "250 g", "18.00", (), ALL_YEAR,
                 "Chapeau charnu, goût boisé, pour les bouillons et les woks."),
            Item("champignons", "Cèpes séchés", "pot", "50 g", "11.00", (), ALL_YEAR,
                 "Cèpes de Bordeaux tranchés et séchés, à réhydrater vingt minutes."),
            Item("conserves", "Poêlée de cèpes à l'huile de noix", "pot", "350 g", "13.50", (),
                 ALL_YEAR, "Cèpes sautés, ail et persil, en bocal."),
            Item("champignons", "Pleurotes jaunes", "kg", "250 g", "9.00", (), (5, 6, 7, 8, 9),
                 "Couleur citron, chair fine, à cuire très vite."),
            Item("champignons", "Cèpes frais du causse", "kg", "500 g", "28.00", (), (9, 10),
                 "Achetés aux ramasseurs du causse, vendus le lendemain de la cueillette."),
        ),
    ),
    Farm(
        name="Fournil du Vieux Moulin", commune="46149", legal_name="EI Romain Pélissié",
        place="Le Moulin Bas",
        story="Romain est paysan-boulanger : il sème ses blés anciens sur huit hectares, les "
              "écrase dans un moulin Astrié et cuit au feu de bois le mardi et le vendredi. "
              "Pas de levure, seulement du levain qu'il entretient depuis 2010.",
        labels=("agriculture-biologique", "nature-et-progres"),
        markets=(CAHORS,),
        products=(
            Item("pains", "Pain au levain de blés anciens", "piece", "1 kg", "6.00", AB,
                 ALL_YEAR, "Grosse miche à la croûte épaisse, se garde une semaine."),
            Item("pains", "Pain aux noix", "piece", "500 g", "4.80", AB, ALL_YEAR,
                 "Levain et cerneaux de noix de la Bouriane."),
            Item("pains", "Pain de petit épeautre", "piece", "750 g", "6.50", AB, ALL_YEAR,
                 "Mie dense et légèrement sucrée, digeste."),
            Item("pains", "Fouace à la fleur d'oranger", "piece", "400 g", "6.50", AB, ALL_YEAR,
                 "La brioche en couronne des fêtes de village."),
            Item("farines-et-cereales", "Farine de blé ancien T80", "kg", "1 kg", "3.20", AB,
                 ALL_YEAR, "Moulue à la meule de pierre, pour le pain maison."),
            Item("pains", "Pain de seigle", "piece", "750 g", "5.20", AB, ALL_YEAR,
                 "Seigle du Ségala, mie dense, pour les huîtres et le fromage."),
            Item("patisseries", "Brioche au levain", "piece", "500 g", "8.50", AB, ALL_YEAR,
                 "Beurre et œufs de la ferme voisine, levée une nuit."),
        ),
    ),
    Farm(
        name="Le Pain de Gindou", commune="46120", legal_name="EI Maëlle Chastang",
        place="Le Bourg",
        story="Maëlle a rallumé en 2018 le four banal de Gindou, éteint depuis les années "
              "soixante. On vient y chercher le pain le samedi matin et, l'été, on y fait "
              "cuire la croustade pour tout le village.",
        labels=AB,
        markets=(GOURDON,),
        products=(
            Item("pains", "Tourte de seigle", "piece", "1 kg", "6.80", AB, ALL_YEAR,
                 "70 % de seigle du Ségala, cuite longtemps, goût acidulé."),
            Item("pains", "Pain de campagne", "piece", "750 g", "4.50", AB, ALL_YEAR,
                 "Farine de blé T80 et un peu de seigle, levain naturel."),
            Item("pains", "Pain aux figues et aux noisettes", "piece", "500 g", "5.50", AB,
                 ALL_YEAR, "Pour le fromage de chèvre et le foie gras."),
            Item("patisseries", "Croustade aux pommes", "piece", "6 parts", "16.00", (),
                 ALL_YEAR, "La pâte étirée à la main, très fine, pommes et armagnac : le "
                 "pastis du Quercy."),
            Item("patisseries", "Millas au potiron", "piece", "8 parts", "9.00", (),
                 (10, 11, 12), "Flan de farine de maïs et de potiron, comme à la veillée."),
        ),
    ),
]
