"""Demo craftspeople: each sells what their own trade makes (a potter pots, a soap maker soap)."""

from marketplace.demo.data.records import (
    ALL_YEAR,
    CAJARC,
    FIGEAC,
    GOURDON,
    PRAYSSAC,
    PUY_L_EVEQUE,
    SHOP_GOURDON,
    Farm,
    Item,
)

FARMS = [
    Farm(
        name="Atelier Terre de Causse", commune="46045", legal_name="EI Inès Cabanès",
        place="Rue de la Peyrolerie",
        story="Inès tourne le grès dans un ancien chai de Cajarc et cuit au four à gaz à "
              "1 280 °C. Ses émaux sont faits avec les cendres des sarments et du chêne du "
              "voisinage, d'où leurs verts et leurs bruns.",
        labels=(),
        markets=(CAJARC,),
        products=(
            Item("poterie", "Bol en grès émaillé", "piece", "40 cl", "22.00", (), ALL_YEAR,
                 "Tourné à la main, émail de cendre, passe au lave-vaisselle."),
            Item("poterie", "Tasse à café en grès", "piece", "12 cl", "16.00", (), ALL_YEAR,
                 "Petite tasse sans anse qui tient chaud dans la main."),
            Item("poterie", "Assiette plate en grès", "piece", "26 cm", "28.00", (), ALL_YEAR,
                 "Bord brut, émail vert céladon."),
            Item("poterie", "Saladier en grès", "piece", "28 cm", "48.00", (), ALL_YEAR,
                 "Pour les grandes salades de l'été."),
            Item("poterie", "Pichet en grès", "piece", "1 L", "38.00", (), ALL_YEAR,
                 "Bec verseur qui ne goutte pas, anse tirée à la main."),
            Item("poterie", "Théière en grès", "piece", "80 cl", "65.00", (), ALL_YEAR,
                 "Filtre percé dans la terre, couvercle qui tient quand on verse."),
        ),
    ),
    Farm(
        name="Poterie de Terre Rouge", commune="46089", legal_name="EI Yves Lagarrigue",
        place="La Tuilerie",
        story="À Duravel, Yves travaille l'argile rouge qu'il extrait lui-même à la tuilerie "
              "abandonnée de la commune. Il fait de la terre vernissée pour la cuisine : "
              "cassoles, plats à four, pots à confit.",
        labels=(),
        markets=(PUY_L_EVEQUE, PRAYSSAC),
        products=(
            Item("poterie", "Cassole en terre vernissée", "piece", "2 L", "42.00", (), ALL_YEAR,
                 "Le plat à cassoulet, va au four et sur la braise."),
            Item("poterie", "Plat à gratin en terre", "piece", "30 cm", "34.00", (), ALL_YEAR,
                 "Vernis jaune miel à l'intérieur, terre nue dehors."),
            Item("poterie", "Pot à confit", "piece", "3 L", "55.00", (), ALL_YEAR,
                 "Le grand pot à graisse d'autrefois, avec son couvercle."),
            Item("poterie", "Beurrier à eau", "piece", "", "24.00", (), ALL_YEAR,
                 "Le beurre reste frais et mou sans réfrigérateur."),
            Item("poterie", "Pichet à vin en terre rouge", "piece", "50 cl", "26.00", (),
                 ALL_YEAR, "Le pichet des tables de ferme, vernis à l'intérieur seulement."),
        ),
    ),
    Farm(
        name="Savonnerie des Causses", commune="46107", legal_name="EI Laure Fontanel",
        place="Les Vignes Hautes",
        story="Laure fabrique ses savons à froid à Floressas, avec le lait d'une chèvrerie "
              "voisine, l'huile de noix du Quercy et la lavande de son jardin. Chaque fournée "
              "sèche six semaines sur des claies avant d'être vendue.",
        labels=("nature-et-progres",),
        markets=(PUY_L_EVEQUE, PRAYSSAC),
        products=(
            Item("cosmetiques", "Savon au lait de chèvre", "piece", "100 g", "6.00", (),
                 ALL_YEAR, "Doux et crémeux, pour le visage et les peaux sensibles."),
            Item("cosmetiques", "Savon à l'huile de noix", "piece", "100 g", "6.00", (),
                 ALL_YEAR, "Riche et nourrissant, mousse fine."),
            Item("cosmetiques", "Savon à la lavande", "piece", "100 g", "6.00", (), ALL_YEAR,
                 "Huile essentielle de lavande fine et fleurs séchées."),
            Item("cosmetiques", "Savon au miel et à l'avoine", "piece", "100 g", "6.50", (),
                 ALL_YEAR, "Légèrement exfoliant, miel d'un apiculteur du Lot."),
            Item("cosmetiques", "Shampoing solide à l'ortie", "piece", "80 g", "9.00", (),
                 ALL_YEAR, "Pour cheveux normaux à gras, remplace trois flacons."),
            Item("cosmetiques", "Baume à lèvres à la cire d'abeille", "piece", "10 ml", "5.00",
                 (), ALL_YEAR, "Cire, beurre de karité et huile de noix.", picture="baumes"),
        ),
    ),
    Farm(
        name="Tournerie sur bois de Gourdon", commune="46127", legal_name="EI Gilles Verdier",
        place="Le Mas de Vern",
        story="Gilles récupère les noyers, les buis et les cerisiers abattus dans les jardins de "
              "la Bouriane et les tourne dans son atelier de Gourdon. Aucune pièce n'est "
              "vernie : tout est fini à l'huile de noix.",
        labels=(),
        markets=(GOURDON,),
        shop=SHOP_GOURDON,
        products=(
            Item("bois", "Bol en noyer", "piece", "15 cm", "38.00", (), ALL_YEAR,
                 "Tourné dans le bois vert puis séché un an, veinage sombre."),
            Item("bois", "Planche à découper en noyer", "piece", "40 cm", "35.00", (), ALL_YEAR,
                 "Bois de bout, ne marque pas sous le couteau."),
            Item("bois", "Cuillère en buis", "piece", "25 cm", "14.00", (), ALL_YEAR,
                 "Sculptée à la main, le buis ne prend pas les odeurs."),
            Item("bois", "Saladier en cerisier", "piece", "30 cm", "85.00", (), ALL_YEAR,
                 "Une seule pièce de bois, teinte rosée qui fonce avec le temps."),
            Item("bois", "Moulin à poivre en noyer", "piece", "20 cm", "45.00", (), ALL_YEAR,
                 "Mécanisme en céramique, réglable."),
            Item("bois", "Toupie en buis", "piece", "6 cm", "9.00", (), ALL_YEAR,
                 "Tournée d'une seule pièce, pour les enfants de trois à cent ans."),
        ),
    ),
    Farm(
        name="La Laine des Caussenardes", commune="46094", legal_name="EI Agathe Vermeil",
        place="Le Mas del Pech",
        story="Dans le Lot, la laine des brebis caussenardes était jetée faute d'acheteurs. "
              "Agathe la rachète aux éleveurs d'Espédaillac, la fait laver et filer, puis la "
              "teint avec les plantes du causse : noyer, garance, genêt.",
        labels=(),
        markets=(FIGEAC,),
        products=(
            Item("textile", "Écheveau de laine caussenarde", "piece", "100 g", "12.00", (),
                 ALL_YEAR, "Laine filée deux brins, couleur naturelle ou teinte aux plantes."),
            Item("textile", "Laine cardée à feutrer", "lot", "200 g", "9.00", (), ALL_YEAR,
                 "En nappe, pour le feutrage à l'aiguille ou à l'eau."),
            Item("textile", "Chaussettes en laine du causse", "piece", "", "24.00", (), ALL_YEAR,
                 "Tricotées en France, talon renforcé."),
            Item("textile", "Bonnet tricoté main", "piece", "", "35.00", (), (10, 11, 12, 1, 2),
                 "Laine teinte au brou de noix."),
            Item("textile", "Plaid en laine caussenarde", "piece", "130 × 170 cm", "120.00", (),
                 ALL_YEAR, "Tissé dans une filature du Tarn avec notre laine."),
            Item("textile", "Coussin en laine feutrée", "piece", "40 × 40 cm", "48.00", (),
                 ALL_YEAR, "Feutré à la main, housse amovible, couleurs du causse."),
        ),
    ),
]
