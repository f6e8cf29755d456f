"""Demo farms: goat, sheep and cow milk (Rocamadour AOP only where it is made, on the causse)."""

from marketplace.demo.data.records import (
    AB,
    ALL_YEAR,
    AOP,
    CAHORS,
    FIGEAC,
    GRAMAT,
    MARTEL,
    SAINT_CERE,
    SHOP_CAHORS,
    SHOP_FIGEAC,
    SOUILLAC,
    Farm,
    Item,
)

SPRING_TO_AUTUMN = (3, 4, 5, 6, 7, 8, 9, 10)

FARMS = [
    Farm(
        name="Chèvrerie du Causse", commune="46240", legal_name="EARL Delpech",
        place="Le Bournac",
        story="Jeanne Delpech a repris en 2009 la chèvrerie de ses parents, à trois kilomètres "
              "de la cité de Rocamadour. Ses 90 chèvres alpines sortent sur les parcours de "
              "chênes et de genévriers dès que l'herbe pousse, et le lait est caillé le jour "
              "même, au lait cru, selon le cahier des charges de l'AOP.",
        labels=("aop", "bienvenue-a-la-ferme"),
        markets=(GRAMAT, SAINT_CERE),
        products=(
            Item("fromages-de-chevre", "Rocamadour AOP", "piece", "35 g", "1.30", AOP, ALL_YEAR,
                 "Le petit palet du causse, affiné une dizaine de jours : croûte fine, cœur "
                 "crémeux, goût de lait frais et de noisette."),
            Item("fromages-de-chevre", "Plateau de 6 Rocamadour", "lot", "6 pièces", "7.50", AOP,
                 ALL_YEAR, "Six Rocamadour de la semaine, à poser sur une tranche de pain "
                 "grillé et à passer trois minutes au four."),
            Item("fromages-de-chevre", "Rocamadour AOP bien sec", "piece", "30 g", "1.40", AOP,
                 ALL_YEAR, "Laissé trois semaines au séchoir : il se casse, se râpe sur les "
                 "pâtes et se garde au frais."),
            Item("yaourts-et-cremes", "Lait de chèvre cru", "litre", "1 L", "2.20", (),
                 SPRING_TO_AUTUMN, "Trait le matin, mis en bouteille à la ferme. À faire "
                 "bouillir pour les jeunes enfants."),
            Item("charcuterie", "Saucisson de chèvre", "piece", "250 g", "8.50", (),
                 ALL_YEAR, "Viande de nos chèvres de réforme et gras de porc, séché six "
                 "semaines dans la cave voûtée."),
            Item("viandes-et-charcuterie", "Chevreau de Pâques", "kg", "4 kg environ", "15.00",
                 (), (3, 4), "Chevreau élevé au lait de sa mère, entier ou en demi, à réserver "
                 "avant les Rameaux.", picture="boeuf-et-veau"),
        ),
    ),
    Farm(
        name="Ferme des Cabrioles", commune="46317", legal_name="GAEC des Cabrioles",
        place="Les Bories Basses",
        story="Claire et Mehdi ont quitté Lyon en 2016 pour s'installer avec quarante chèvres "
              "poitevines, une race rustique qu'ils ont vue menacée. Ils ont choisi les "
              "fromages frais et les yaourts plutôt que l'affinage, et passent en bio en 2019.",
        labels=AB,
        markets=(MARTEL, SOUILLAC),
        products=(
            Item("fromages-de-chevre", "Faisselle de chèvre", "pot", "500 g", "4.20", AB,
                 SPRING_TO_AUTUMN, "Caillé égoutté dans sa faisselle, à déguster avec du miel "
                 "ou des herbes."),
            Item("fromages-de-chevre", "Cabécou frais à l'ail des ours", "piece", "40 g", "1.50",
                 AB, (3, 4, 5), "Petit fromage de deux jours roulé dans l'ail des ours cueilli "
                 "au bord du ruisseau."),
            Item("yaourts-et-cremes", "Yaourts de chèvre nature", "lot", "4 × 125 g", "3.80",
                 AB, SPRING_TO_AUTUMN, "Brassés à la main, onctueux et à peine acidulés."),
            Item("yaourts-et-cremes", "Yaourts de chèvre à la myrtille", "lot", "4 × 125 g",
                 "4.20", AB, SPRING_TO_AUTUMN, "Un lit de myrtilles sauvages sous le yaourt."),
            Item("yaourts-et-cremes", "Crème dessert de chèvre au chocolat", "lot", "2 × 100 g",
                 "3.50", AB, SPRING_TO_AUTUMN, "Lait de la ferme, chocolat noir et rien d'autre."),
            Item("yaourts-et-cremes", "Glace au lait de chèvre", "pot", "500 ml", "7.50", AB,
                 (6, 7, 8, 9), "Vanille ou caramel salé, turbinée à la ferme en été."),
        ),
    ),
    Farm(
        name="GAEC de la Pierre Sèche", commune="46054", legal_name="GAEC de la Pierre Sèche",
        place="Mas de Laborie",
        story="Deux frères, 220 chèvres et vingt kilomètres de murets de pierre sèche qu'ils "
              "relèvent l'hiver. Toute la production part en Rocamadour AOP, moulé à la louche "
              "dans la fromagerie rénovée en 2021.",
        labels=("aop",),
        markets=(CAHORS,),
        shop=SHOP_CAHORS,
        products=(
            Item("fromages-de-chevre", "Rocamadour AOP", "piece", "35 g", "1.20", AOP, ALL_YEAR,
                 "Notre Rocamadour jeune, six à huit jours d'affinage : fondant, presque "
                 "coulant en été."),
            Item("fromages-de-chevre", "Rocamadour AOP demi-sec", "piece", "35 g", "1.30", AOP,
                 ALL_YEAR, "Deux semaines de cave, une croûte plus ferme et un goût plus "
                 "marqué."),
            Item("fromages-de-chevre", "Boîte de 12 Rocamadour", "lot", "12 pièces", "13.50",
                 AOP, ALL_YEAR, "Pour les restaurateurs et les grandes salades du dimanche."),
            Item("fromages-de-chevre", "Rocamadour AOP à l'huile de noix", "pot", "6 pièces",
                 "11.00", AOP, ALL_YEAR, "Six fromages secs conservés dans l'huile de noix "
                 "avec thym et poivre."),
            Item("fromages-de-chevre", "Tomme de chèvre du causse", "kg", "500 g", "24.00", (),
                 ALL_YEAR, "Le lait du printemps pressé en tomme et affiné trois mois."),
        ),
    ),
    Farm(
        name="Les Chèvres de Combelongue", commune="46102", legal_name="EARL de Combelongue",
        place="Combelongue",
        story="Sur les coteaux au-dessus de Figeac, Sandrine élève soixante chèvres saanen et "
              "fait des fromages lactiques à croûte fleurie, loin du Rocamadour. Elle fournit "
              "aussi la cantine de l'école de son village.",
        labels=("bienvenue-a-la-ferme",),
        markets=(FIGEAC,),
        shop=SHOP_FIGEAC,
        products=(
            Item("fromages-de-chevre", "Crottin du Célé", "piece", "80 g", "2.30", (), ALL_YEAR,
                 "Croûte fleurie, pâte serrée, affiné trois semaines."),
            Item("fromages-de-chevre", "Bûche de chèvre cendrée", "piece", "200 g", "5.60", (),
                 ALL_YEAR, "Cendrée au charbon végétal, moulée à la louche."),
            Item("fromages-de-chevre", "Fromage de chèvre frais au poivre", "piece", "120 g",
                 "3.20", (), SPRING_TO_AUTUMN, "Frais du jour, roulé dans le poivre concassé."),
            Item("fromages-de-chevre", "Pyramide de chèvre", "piece", "220 g", "6.20", (),
                 ALL_YEAR, "Pyramide tronquée à la croûte bleutée, goût franc de chèvre."),
            Item("yaourts-et-cremes", "Lait de chèvre pasteurisé", "litre", "1 L", "1.90", (),
                 ALL_YEAR, "Pasteurisé à basse température, pour les familles."),
            Item("fromages-de-chevre", "Palet de chèvre fermier", "piece", "100 g", "2.80",
                 (), ALL_YEAR, "Un fromage plat et crémeux, au lait cru, affiné une semaine."),
        ),
    ),
    Farm(
        name="La Brebis du Ségala", commune="46311", legal_name="EARL Vialard",
        place="Puech Grand",
        story="Une des rares bergeries laitières du Lot : 150 lacaunes sur les prés humides du "
              "Ségala, traites de janvier à juillet. Les tommes s'affinent quatre à huit mois "
              "dans l'ancienne cave à châtaignes.",
        labels=("bienvenue-a-la-ferme",),
        markets=(SAINT_CERE,),
        products=(
            Item("fromages-de-brebis", "Tomme de brebis du Ségala", "kg", "500 g", "26.00", (),
                 ALL_YEAR, "Pâte pressée au lait cru, affinée cinq mois, goût de noisette."),
            Item("fromages-de-brebis", "Tomme de brebis vieille", "kg", "500 g", "30.00", (),
                 ALL_YEAR, "Huit mois de cave : sèche, cristalline, à râper ou à croquer."),
            Item("fromages-de-brebis", "Caillé de brebis", "pot", "400 g", "4.50", (),
                 (1, 2, 3, 4, 5, 6, 7), "Le caillé doux, nature, à sucrer ou à saler."),
            Item("yaourts-et-cremes", "Yaourts de brebis", "lot", "2 × 125 g", "2.60", (),
                 (1, 2, 3, 4, 5, 6, 7), "Ferme et crémeux, en pot de verre consigné."),
            Item("fromages-de-brebis", "Brousse de brebis", "piece", "250 g", "4.80", (),
                 (2, 3, 4, 5, 6), "Fromage frais de petit-lait, léger, pour les tartes salées."),
            Item("agneau", "Agneau de lait", "kg", "demi-agneau, 5 kg", "16.00", (), (2, 3, 4),
                 "Les agneaux des lacaunes, nourris au lait de leur mère, à la fin de "
                 "l'hiver."),
        ),
    ),
    Farm(
        name="Ferme laitière de Lacapelle", commune="46143", legal_name="GAEC Lacombe",
        place="La Borie Neuve",
        story="Trente vaches jersiaises et montbéliardes, à l'herbe huit mois sur douze. La "
              "famille Lacombe transforme depuis 2012 la moitié du lait en beurre, crème et "
              "tommes, le reste part à la coopérative.",
        labels=(),
        markets=(SAINT_CERE, FIGEAC),
        shop=SHOP_FIGEAC,
        products=(
            Item("fromages-de-vache", "Tomme de vache du Ségala", "kg", "500 g", "19.00", (),
                 ALL_YEAR, "Lait cru, deux mois de cave, croûte naturelle brossée."),
            Item("fromages-de-vache", "Tomme fraîche pour aligot", "kg", "500 g", "13.00", (),
                 ALL_YEAR, "Tomme non affinée qui file : à fondre dans la purée avec de l'ail."),
            Item("yaourts-et-cremes", "Beurre fermier demi-sel", "piece", "250 g", "4.20", (),
                 ALL_YEAR, "Baratté à l'ancienne avec la crème des jersiaises."),
            Item("yaourts-et-cremes", "Crème crue épaisse", "pot", "50 cl", "5.00", (),
                 ALL_YEAR, "Crème de lait cru maturée deux jours, très épaisse."),
            Item("yaourts-et-cremes", "Fromage blanc en faisselle", "pot", "1 kg", "4.60", (),
                 ALL_YEAR, "Lait entier, égoutté à la louche."),
            Item("yaourts-et-cremes", "Riz au lait de la ferme", "lot", "2 × 150 g", "3.40", (),
                 ALL_YEAR, "Cuit au lait entier, vanille et zeste de citron."),
        ),
    ),
]
