"""Demo farms: lamb of the causse, Ségala veal and beef, free-range pigs, ducks, poultry, eggs."""

from marketplace.demo.data.records import (
    AB,
    ALL_YEAR,
    CAHORS,
    CAJARC,
    FIGEAC,
    GOURDON,
    GRAMAT,
    IGP,
    IGP_LR,
    LR,
    MARTEL,
    SAINT_CERE,
    SHOP_CAHORS,
    SHOP_FIGEAC,
    SHOP_GOURDON,
    SOUILLAC,
    Farm,
    Item,
)

FARMS = [
    Farm(
        name="Bergerie des Lunettes", commune="46138", legal_name="EARL Bergerie des Lunettes",
        place="Pech Merlier",
        story="Les brebis caussenardes du Lot portent des « lunettes » noires autour des yeux : "
              "Pierre en garde 400 sur les parcours de Labastide-Murat. Ses agneaux tètent leur "
              "mère au moins soixante-dix jours et sont vendus sous le Label Rouge et l'IGP "
              "agneau fermier du Quercy.",
        labels=("igp", "label-rouge"),
        markets=(CAHORS, GRAMAT),
        products=(
            Item("agneau", "Demi-agneau fermier du Quercy IGP", "kg", "7 kg environ", "17.50",
                 IGP_LR, ALL_YEAR, "Découpé à votre goût, sous vide, étiqueté morceau par "
                 "morceau."),
            Item("agneau", "Gigot d'agneau fermier du Quercy", "kg", "2,2 kg environ", "24.00",
                 IGP_LR, ALL_YEAR, "Gigot entier avec son os, à piquer d'ail et à rôtir "
                 "rosé."),
            Item("agneau", "Côtelettes d'agneau", "kg", "600 g", "27.00", IGP_LR, ALL_YEAR,
                 "Côtes premières et filet, à griller sur les sarments."),
            Item("agneau", "Épaule d'agneau désossée", "kg", "1,2 kg environ", "21.00", IGP_LR,
                 ALL_YEAR, "Roulée et ficelée, pour une cuisson lente de sept heures."),
            Item("agneau", "Collier d'agneau pour navarin", "kg", "1 kg", "14.00", IGP,
                 ALL_YEAR, "Morceaux de collier et de poitrine, pour les plats mijotés."),
            Item("agneau", "Carré d'agneau", "kg", "8 côtes", "32.00", IGP_LR, (3, 4, 5, 12),
                 "Le carré entier manchonné, à rôtir vingt minutes."),
        ),
    ),
    Farm(
        name="GAEC du Mas de Lacoste", commune="46176", legal_name="GAEC du Mas de Lacoste",
        place="Mas de Lacoste",
        story="Sur le causse de Livernon, les terres sont minces : les Lacoste alternent "
              "moutons, lentilles et petit épeautre, qui se passent d'arrosage. Les brebis "
              "pâturent les chaumes après la moisson.",
        labels=("igp",),
        markets=(FIGEAC,),
        products=(
            Item("agneau", "Caissette d'agneau du Quercy", "kg", "4 kg environ", "18.00", IGP,
                 (3, 4, 5, 10, 11, 12), "Un quart d'agneau : gigot raccourci, côtes, épaule "
                 "et collier."),
            Item("agneau", "Souris d'agneau", "kg", "4 pièces", "22.00", IGP, ALL_YEAR,
                 "Le bas du gigot, fondant après deux heures au four avec des tomates."),
            Item("agneau", "Merguez d'agneau", "kg", "500 g", "17.00", (), (5, 6, 7, 8, 9),
                 "Agneau et épices douces, boyau naturel, pour les grillades d'été."),
            Item("farines-et-cereales", "Lentilles vertes du causse", "kg", "1 kg", "5.50", (),
                 ALL_YEAR, "Petites lentilles qui tiennent à la cuisson, triées à la ferme."),
            Item("farines-et-cereales", "Petit épeautre décortiqué", "kg", "1 kg", "6.80", (),
                 ALL_YEAR, "À cuire comme un riz, 25 minutes, ou en salade."),
            Item("farines-et-cereales", "Pois chiches du causse", "kg", "500 g", "3.90", (),
                 ALL_YEAR, "Une nuit de trempage, puis houmous ou couscous."),
        ),
    ),
    Farm(
        name="Ferme des Prés du Ségala", commune="46160", legal_name="GAEC Malbert",
        place="Les Prés Hauts",
        story="À 600 mètres d'altitude, Latronquière a plus de pluie que le causse et de "
              "l'herbe tout l'été. Les Malbert élèvent des limousines dont les veaux tètent "
              "matin et soir, pour le veau d'Aveyron et du Ségala.",
        labels=("igp", "label-rouge"),
        markets=(SAINT_CERE,),
        products=(
            Item("boeuf-et-veau", "Colis de veau d'Aveyron et du Ségala", "kg", "5 kg", "19.50",
                 IGP_LR, ALL_YEAR, "Escalopes, rôti, côtes et blanquette, sous vide."),
            Item("boeuf-et-veau", "Escalopes de veau", "kg", "500 g", "32.00", IGP_LR,
                 ALL_YEAR, "Taillées dans la noix, fines et rosées."),
            Item("boeuf-et-veau", "Blanquette de veau", "kg", "1 kg", "17.00", IGP_LR,
                 ALL_YEAR, "Tendron et flanchet, pour mijoter avec des champignons."),
            Item("boeuf-et-veau", "Colis de bœuf limousin", "kg", "10 kg", "16.00", LR,
                 ALL_YEAR, "Steaks, rôti, bourguignon et haché, de génisses de quatre ans."),
            Item("boeuf-et-veau", "Côte de bœuf limousin", "kg", "1,2 kg environ", "33.00", LR,
                 ALL_YEAR, "Maturée trois semaines, pour deux ou trois personnes."),
            Item("boeuf-et-veau", "Bavette de bœuf limousin", "kg", "500 g", "26.00", LR,
                 ALL_YEAR, "À saisir très chaud, avec des échalotes."),
        ),
    ),
    Farm(
        name="Élevage de la Vallée du Célé", commune="46093", legal_name="EARL Fabre",
        place="Le Moulinet",
        story="Sous les falaises d'Espagnac, Lucie Fabre élève des blondes d'Aquitaine et une "
              "dizaine de porcs sur paille. Elle a installé en 2022 un laboratoire de découpe "
              "pour vendre toute sa viande en direct.",
        labels=("bienvenue-a-la-ferme",),
        markets=(CAJARC,),
        shop=SHOP_FIGEAC,
        products=(
            Item("boeuf-et-veau", "Colis de bœuf blonde d'Aquitaine", "kg", "5 kg", "17.00", (),
                 ALL_YEAR, "Un tiers de morceaux à griller, deux tiers à mijoter."),
            Item("boeuf-et-veau", "Steaks hachés de bœuf", "lot", "4 × 125 g", "9.50", (),
                 ALL_YEAR, "Pur bœuf, 15 % de matière grasse, surgelés à plat."),
            Item("boeuf-et-veau", "Pot-au-feu", "kg", "1,5 kg", "13.00", (), (10, 11, 12, 1, 2),
                 "Jarret, plat de côtes et macreuse, avec un os à moelle."),
            Item("porc", "Rôti de porc fermier", "kg", "1 kg", "15.50", (), ALL_YEAR,
                 "Échine ou filet, porcs nourris aux céréales de la ferme."),
            Item("charcuterie", "Saucisse de Toulouse", "kg", "1 kg", "14.00", (), ALL_YEAR,
                 "Pur porc, hachage gros, à cuire au feu de bois."),
            Item("boeuf-et-veau", "Bourguignon de bœuf", "kg", "1 kg", "15.00", (), ALL_YEAR,
                 "Paleron et joue en gros cubes, pour une cuisson de trois heures."),
        ),
    ),
    Farm(
        name="Les Cochons du Bois de Lavercantière", commune="46164",
        legal_name="EARL Roumégoux", place="Bois Bas",
        story="Dans les bois de châtaigniers de la Bouriane, une cinquantaine de porcs gascons "
              "cherchent les glands et les châtaignes toute l'année. Ils grandissent quatorze "
              "mois, deux fois plus qu'en élevage, et toute la charcuterie sort du séchoir de "
              "la ferme.",
        labels=("bienvenue-a-la-ferme",),
        markets=(GOURDON,),
        shop=SHOP_GOURDON,
        products=(
            Item("charcuterie", "Jambon sec de porc gascon", "kg", "200 g tranché", "42.00", (),
                 ALL_YEAR, "Dix-huit mois de séchage, gras fondant au goût de noisette."),
            Item("charcuterie", "Saucisson sec de porc gascon", "piece", "300 g", "10.50", (),
                 ALL_YEAR, "Poivre et ail, séché au courant d'air du séchoir."),
            Item("charcuterie", "Pâté de campagne", "pot", "200 g", "5.20", (), ALL_YEAR,
                 "Gorge et foie de porc, un trait d'armagnac, cuit en bocal.",
                 picture="conserves"),
            Item("charcuterie", "Boudin noir aux châtaignes", "kg", "500 g", "13.00", (),
                 (10, 11, 12, 1, 2, 3), "Sang, oignons confits et châtaignes de nos bois."),
            Item("porc", "Côtes de porc gascon", "kg", "1 kg", "17.50", (), ALL_YEAR,
                 "Viande rouge et persillée, à saisir puis à laisser reposer."),
            Item("porc", "Colis de porc gascon", "kg", "5 kg", "14.50", (), (11, 12, 1, 2),
                 "Rôti, côtes, sauté, saucisses et un bocal de rillettes."),
        ),
    ),
    Farm(
        name="Ferme de la Borie Haute", commune="46220", legal_name="EARL de la Borie Haute",
        place="La Borie Haute",
        story="Au-dessus de la Dordogne, à Pinsac, la famille Lascoux gave ses canards mulards "
              "au maïs grain entier qu'elle cultive elle-même, en petits lots de quarante. "
              "Foies gras et confits sont préparés dans la conserverie de la ferme.",
        labels=("igp", "bienvenue-a-la-ferme"),
        markets=(SOUILLAC,),
        products=(
            Item("canard-et-foie-gras", "Foie gras de canard entier", "pot", "180 g", "29.00",
                 IGP, ALL_YEAR, "Foie entier, sel et poivre, stérilisé en bocal : il "
                 "s'améliore pendant deux ans."),
            Item("canard-et-foie-gras", "Foie gras de canard cru", "kg", "500 g environ",
                 "65.00", IGP, (11, 12), "Foie extra à cuire en terrine ou à poêler, sur "
                 "réservation pour les fêtes."),
            Item("canard-et-foie-gras", "Magret de canard", "piece", "400 g", "12.50", IGP,
                 ALL_YEAR, "À quadriller côté peau et à saisir, rosé à cœur."),
            Item("canard-et-foie-gras", "Cuisses de canard confites", "pot", "4 cuisses",
                 "26.00", IGP, ALL_YEAR, "Confites quatre heures dans leur graisse."),
            Item("canard-et-foie-gras", "Gésiers de canard confits", "pot", "380 g", "9.50", (),
                 ALL_YEAR, "Pour la salade quercynoise, tièdes sur la frisée."),
            Item("canard-et-foie-gras", "Graisse de canard", "pot", "320 g", "4.50", (),
                 ALL_YEAR, "Pour les pommes de terre sautées à l'ail et au persil."),
            Item("canard-et-foie-gras", "Pâté de canard au poivre vert", "pot", "180 g", "5.80",
                 (), ALL_YEAR, "Chair et foie de canard, grains de poivre vert entiers."),
        ),
    ),
    Farm(
        name="Conserverie du Pech Merle", commune="46040",
        legal_name="SARL Conserverie du Pech Merle", place="Route de la grotte",
        story="Près de la grotte ornée de Cabrerets, une ancienne grange abrite la conserverie "
              "d'Hélène et Bruno. Ils élèvent des oies et des canards et cuisinent les recettes "
              "de la grand-mère d'Hélène : cassoulet, civet, cou farci.",
        labels=("bienvenue-a-la-ferme",),
        markets=(CAJARC, CAHORS),
        shop=SHOP_CAHORS,
        products=(
            Item("canard-et-foie-gras", "Foie gras d'oie entier", "pot", "130 g", "32.00", (),
                 ALL_YEAR, "Plus doux que le canard, une texture de beurre."),
            Item("canard-et-foie-gras", "Rillettes d'oie", "pot", "180 g", "7.00", (), ALL_YEAR,
                 "Effilochées à la fourchette, pas trop grasses."),
            Item("conserves", "Cassoulet à l'oie confite", "pot", "840 g", "15.50", (),
                 ALL_YEAR, "Lingots du Lauragais, confit d'oie et saucisse, pour deux."),
            Item("conserves", "Civet de canard au vin de Cahors", "pot", "750 g", "16.00", (),
                 ALL_YEAR, "Mijoté trois heures dans un vin de Cahors."),
            Item("canard-et-foie-gras", "Cou de canard farci", "pot", "300 g", "12.00", (),
                 ALL_YEAR, "Farce de porc et de foie gras, à servir froid en tranches."),
            Item("canard-et-foie-gras", "Grattons de canard", "pot", "150 g", "5.80", (),
                 ALL_YEAR, "Les petits morceaux croustillants de la fonte, pour l'apéritif."),
        ),
    ),
    Farm(
        name="Les Foies Gras de la Tour", commune="46058", legal_name="SARL Maison de la Tour",
        place="La Tour", status="suspended",
        story="Maison familiale de Carennac, au bord de la Dordogne, qui prépare le foie gras "
              "au torchon et le magret séché à l'ancienne.",
        labels=(),
        markets=(MARTEL,),
        products=(
            Item("canard-et-foie-gras", "Foie gras au torchon", "piece", "250 g", "34.00", (),
                 (11, 12), "Poché dans un bouillon, roulé dans un linge, à trancher froid."),
            Item("canard-et-foie-gras", "Magret de canard séché", "piece", "250 g", "14.00", (),
                 ALL_YEAR, "Frotté au sel et au poivre, séché trois semaines."),
            Item("canard-et-foie-gras", "Terrine de canard au foie gras", "pot", "180 g", "9.00",
                 (), ALL_YEAR, "Chair de canard et 20 % de foie gras."),
            Item("canard-et-foie-gras", "Aiguillettes de canard", "kg", "500 g", "19.00", (),
                 ALL_YEAR, "Les filets du magret, à poêler deux minutes."),
        ),
    ),
    Farm(
        name="Volailles des Châtaigniers", commune="46012", legal_name="EARL Delmas",
        place="Les Castanhals",
        story="Poulets cou-nu, pintades et chapons courent sous les châtaigniers d'Aynac, "
              "nourris au maïs et au blé de la ferme. Ils sont abattus et plumés à la main dans "
              "la petite tuerie de la ferme, agréée en 2014.",
        labels=("label-rouge",),
        markets=(SAINT_CERE, GRAMAT),
        products=(
            Item("volailles", "Poulet fermier cou-nu", "kg", "2 kg environ", "11.80", LR,
                 ALL_YEAR, "Élevé 110 jours en plein air, prêt à cuire."),
            Item("volailles", "Pintade fermière", "kg", "1,5 kg environ", "13.50", LR,
                 ALL_YEAR, "Chair fine et un peu giboyeuse, à rôtir au chou."),
            Item("volailles", "Chapon fermier", "kg", "3,5 kg environ", "19.00", LR, (12,),
                 "Élevé 150 jours, sur réservation avant le 10 décembre."),
            Item("volailles", "Poule au pot", "kg", "2 kg environ", "8.50", (), ALL_YEAR,
                 "Poule de réforme pour le bouillon et la farce du dimanche."),
            Item("volailles", "Cuisses de poulet fermier", "kg", "1 kg", "12.50", (), ALL_YEAR,
                 "Par quatre, pour la plancha ou le four."),
            Item("oeufs", "Œufs de nos poules", "douzaine", "12 œufs", "4.20", (), ALL_YEAR,
                 "Les œufs des poules pondeuses qui vivent avec les poulets."),
            Item("volailles", "Dinde fermière de Noël", "kg", "4 kg environ", "16.50", LR, (12,),
                 "Dinde noire élevée six mois, sur réservation."),
        ),
    ),
    Farm(
        name="La Ferme aux Œufs Bleus", commune="46009", legal_name="EI Mathilde Roques",
        place="Les Grèzes",
        story="Mathilde élève 600 poules en bio à Assier, dont une centaine d'araucanas qui "
              "pondent des œufs bleu-vert. Les poules changent de parcours chaque mois, derrière "
              "une clôture mobile.",
        labels=AB,
        markets=(FIGEAC,),
        products=(
            Item("oeufs", "Œufs bio plein air", "douzaine", "12 œufs", "4.80", AB, ALL_YEAR,
                 "Calibres mélangés, ramassés deux fois par jour."),
            Item("oeufs", "Demi-douzaine d'œufs bio", "demi-douzaine", "6 œufs", "2.50", AB,
                 ALL_YEAR, "Pour les petits foyers."),
            Item("oeufs", "Œufs bleus d'araucana", "demi-douzaine", "6 œufs", "3.60", AB,
                 ALL_YEAR, "Coquille bleu-vert, jaune très orangé."),
            Item("oeufs", "Œufs de cane", "lot", "6 œufs", "4.00", AB, (3, 4, 5, 6),
                 "Gros œufs pour la pâtisserie, au printemps seulement."),
            Item("farines-et-cereales", "Pâtes fraîches aux œufs", "lot", "400 g", "5.50", AB,
                 ALL_YEAR, "Tagliatelles à la farine de blé dur et aux œufs du jour."),
        ),
    ),
]
