"""Writing checked rows: producers upserted by SIRET, then products by (producer, name key), in
batches, each batch preloading just what it compares against. Runs inside the import's
transaction; compares before writing, so an unchanged row costs no write at all.

New producers are created approved (the CCI vouches for its file); an existing producer keeps
its status and its owners whatever the file says. Stock goes through the locked stock service,
like every other stock change."""

from array import array
from collections import defaultdict
from datetime import datetime
from itertools import batched

from django.utils.text import slugify
from django.utils.translation import gettext as _

from marketplace.common.text import clean_line, clean_text, name_key
from producers.catalogue_io.report import ImportReport
from producers.catalogue_io.validation import CatalogueRow, ProducerValues
from producers.catalogue_io.values import same_phone
from producers.models import Producer, ProducerOrigin, ProducerStatus, Product, ProductStatus
from producers.services.stock import stock_set_many

QUERY_CHUNK = 500
MAX_SLUG = 120
ProductLabel = Product.labels.through


def _slug_base(name: str, fallback: str) -> str:
    # The same shape as producers.slugs: room left for a "-NN" suffix.
    return (slugify(name) or fallback)[: MAX_SLUG - 4].strip("-") or fallback


def _first_free(base: str, taken: set[str]) -> str:
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


class CatalogueWriter:
    def __init__(self, *, present: frozenset[str], report: ImportReport, now: datetime) -> None:
        self.present = present
        self.report = report
        self.now = now
        self.producer_ids: dict[str, int] = {}
        # For the search index: producers created or changed, products created or changed and
        # the producers of those products.
        self.changed_producer_ids: set[int] = set()
        # Two arrays of 8-byte integers rather than a list of tuples: 40,000 rows stay small.
        self.changed_product_ids = array("q")
        self.changed_product_producers = array("q")
        self.producers_of_changed_products: set[int] = set()

    # --- producers ------------------------------------------------------------------------

    def write_producers(self, producers: dict[str, ProducerValues]) -> None:
        new: list[ProducerValues] = []
        changed: list[Producer] = []
        fields = ["nom", "commune", "updated_at",
                  *(f for f, c in (("email", "producer_email"), ("phone", "producer_phone"),
                                   ("description", "producer_description"))
                    if c in self.present)]
        for chunk in batched(producers, QUERY_CHUNK):
            found = {p.siret: p for p in Producer.objects.filter(siret__in=chunk).only(
                "id", "siret", "nom", "commune_id", "email", "phone", "description", "status",
                "updated_at")}
            for siret in chunk:
                current = found.get(siret)
                if current is None:
                    new.append(producers[siret])
                    continue
                self.producer_ids[siret] = current.pk
                if self._update_producer(current, producers[siret]):
                    changed.append(current)
                else:
                    self.report.producers.unchanged += 1
        Producer.objects.bulk_update(changed, fields, batch_size=QUERY_CHUNK)
        self.report.producers.updated += len(changed)
        self.changed_producer_ids.update(p.pk for p in changed)
        self._create_producers(new)

    def _update_producer(self, current: Producer, new: ProducerValues) -> bool:
        changes: dict[str, object] = {}
        if clean_line(current.nom) != new.nom:
            changes["nom"] = new.nom
        if current.commune_id != new.commune_id:
            changes["commune_id"] = new.commune_id
        if "producer_email" in self.present and current.email.strip() != new.email:
            changes["email"] = new.email
        if "producer_phone" in self.present and not same_phone(current.phone, new.phone):
            changes["phone"] = new.phone
        if ("producer_description" in self.present
                and clean_text(current.description) != new.description):
            changes["description"] = new.description
        if current.status != ProducerStatus.APPROVED:
            # A review, a refusal or a suspension is a curation decision: the file cannot undo it.
            self.report.warnings.append(_(
                "SIRET %(siret)s (%(name)s) : producteur « %(status)s », statut conservé."
            ) % {"siret": new.siret, "name": new.nom, "status": current.get_status_display()})
        for name, value in changes.items():
            setattr(current, name, value)
        if changes:
            current.updated_at = self.now
        return bool(changes)

    def _create_producers(self, new: list[ProducerValues]) -> None:
        if not new:
            return
        taken = set(Producer.objects.values_list("slug", flat=True))
        objects = [
            Producer(
                siret=values.siret, nom=values.nom, slug=_first_free(
                    _slug_base(values.nom, "producteur"), taken),
                commune_id=values.commune_id, email=values.email, phone=values.phone,
                description=values.description, status=ProducerStatus.APPROVED,
                origin=ProducerOrigin.IMPORT,
                approved_at=self.now, status_changed_at=self.now,
            )
            for values in new
        ]
        Producer.objects.bulk_create(objects, batch_size=QUERY_CHUNK)
        self.producer_ids.update((p.siret, p.pk) for p in objects if p.siret)
        self.changed_producer_ids.update(p.pk for p in objects)
        self.report.producers.created += len(objects)

    # --- products -------------------------------------------------------------------------

    def write_products(self, rows: list[CatalogueRow]) -> None:
        producer_ids = {self.producer_ids[row.producer.siret] for row in rows}
        known: dict[tuple[int, str], int] = {}
        slugs: dict[int, set[str]] = defaultdict(set)
        for chunk in batched(producer_ids, QUERY_CHUNK):
            for pk, producer_id, key, slug in (
                Product.objects.filter(producer_id__in=chunk).order_by("pk")
                .values_list("pk", "producer_id", "name_key", "slug")
            ):
                known.setdefault((producer_id, key), pk)
                slugs[producer_id].add(slug)
        matched: dict[int, CatalogueRow] = {}
        new: list[Product] = []
        new_labels: list[frozenset[int]] = []
        for row in rows:
            producer_id = self.producer_ids[row.producer.siret]
            existing = known.get((producer_id, row.key))
            if existing is not None:
                matched[existing] = row
                continue
            new.append(Product(
                producer_id=producer_id, nom=row.nom, name_key=row.key,
                category_id=row.category_id,
                slug=_first_free(_slug_base(row.nom, "produit"), slugs[producer_id]),
                description=row.description, price=row.price, unit=row.unit, stock=row.stock,
                status=ProductStatus.PUBLISHED, status_changed_at=self.now,
            ))
            new_labels.append(row.label_ids)
        self._update_products(matched)
        Product.objects.bulk_create(new, batch_size=QUERY_CHUNK)
        ProductLabel.objects.bulk_create(
            [ProductLabel(product_id=product.pk, label_id=label_id)
             for product, label_ids in zip(new, new_labels, strict=True)
             for label_id in label_ids],
            batch_size=QUERY_CHUNK * 2,
        )
        self.report.products.created += len(new)
        self._changed(new)

    def _update_products(self, matched: dict[int, CatalogueRow]) -> None:
        if not matched:
            return
        current = Product.objects.only(
            "id", "producer_id", "nom", "category_id", "description", "price", "unit", "stock",
            "updated_at",
        ).in_bulk(list(matched))
        label_changes = self._label_changes(matched) if "labels" in self.present else {}
        fields = ["nom", "name_key", "category", "price", "unit", "updated_at",
                  *(["description"] if "product_description" in self.present else [])]
        stock = {pk: row.stock for pk, row in matched.items()
                 if "stock" in self.present and current[pk].stock != row.stock}
        changed = [product for pk, product in current.items()
                   if self._update_product(product, matched[pk]) or pk in label_changes
                   or pk in stock]
        for product in changed:
            product.updated_at = self.now
            product.name_key = name_key(product.nom)
        Product.objects.bulk_update(changed, fields, batch_size=QUERY_CHUNK)
        stock_set_many(stock)
        self._write_labels(label_changes)
        self.report.products.updated += len(changed)
        self.report.products.unchanged += len(current) - len(changed)
        self._changed(changed)

    def _changed(self, products: list[Product]) -> None:
        self.changed_product_ids.extend(p.pk for p in products)
        self.changed_product_producers.extend(p.producer_id for p in products)
        self.producers_of_changed_products.update(p.producer_id for p in products)

    def _update_product(self, product: Product, row: CatalogueRow) -> bool:
        changes: dict[str, object] = {}
        if clean_line(product.nom) != row.nom:
            changes["nom"] = row.nom
        if product.category_id != row.category_id:
            changes["category_id"] = row.category_id
        if product.price != row.price:
            changes["price"] = row.price
        if product.unit != row.unit:
            changes["unit"] = row.unit
        if ("product_description" in self.present
                and clean_text(product.description) != row.description):
            changes["description"] = row.description
        for name, value in changes.items():
            setattr(product, name, value)
        return bool(changes)

    def _label_changes(
        self, matched: dict[int, CatalogueRow]
    ) -> dict[int, tuple[set[int], list[int]]]:
        """Per product whose labels differ: label ids to add, link ids to remove."""
        links: dict[int, dict[int, int]] = defaultdict(dict)
        for link_id, product_id, label_id in ProductLabel.objects.filter(
            product_id__in=list(matched)
        ).values_list("id", "product_id", "label_id"):
            links[product_id][label_id] = link_id
        changes = {}
        for pk, row in matched.items():
            current = links.get(pk, {})
            add = set(row.label_ids) - current.keys()
            remove = [link for label, link in current.items() if label not in row.label_ids]
            if add or remove:
                changes[pk] = (add, remove)
        return changes

    def _write_labels(self, changes: dict[int, tuple[set[int], list[int]]]) -> None:
        removed = [link for _add, remove in changes.values() for link in remove]
        for chunk in batched(removed, QUERY_CHUNK):
            ProductLabel.objects.filter(id__in=chunk).delete()
        ProductLabel.objects.bulk_create(
            [ProductLabel(product_id=pk, label_id=label_id)
             for pk, (add, _remove) in changes.items() for label_id in add],
            batch_size=QUERY_CHUNK * 2,
        )

