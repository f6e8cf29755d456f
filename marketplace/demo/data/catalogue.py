"""The demo catalogue: fifty-odd producers of the Lot, each with its own story, place, markets
and products (marketplace/demo/data/farms_*.py hold them by trade).

Product facts (appellations, seasons) follow the public descriptions of the Lot's products:
Rocamadour AOP, Cahors AOC, Coteaux du Quercy AOC, truffe noire du Quercy, safran du Quercy,
noix du Périgord AOP, agneau fermier du Quercy IGP, melon du Quercy IGP, veau d'Aveyron et du
Ségala IGP, canard à foie gras du Sud-Ouest IGP. Prices are typical direct-sale prices, TTC.
"""

from itertools import chain, zip_longest

from marketplace.demo.data import (
    farms_crafts,
    farms_dairy,
    farms_drinks,
    farms_fields,
    farms_meat,
    farms_pantry,
)
from marketplace.demo.data.records import Farm

# The demo producer's farm first (its owner is the README's login), then one farm of each
# trade in turn, so that the first ones (featured on the home page) are varied.
_TRADES = [farms_dairy.FARMS, farms_drinks.FARMS, farms_pantry.FARMS, farms_fields.FARMS,
           farms_meat.FARMS, farms_crafts.FARMS]
FARMS: list[Farm] = [farm for farm in chain.from_iterable(zip_longest(*_TRADES)) if farm]
