"""What the reference layer tells the layers above it, which it must not import.

The catalogue's search documents hold the names of categories, communes and labels; when staff
rename one in the admin, the catalogue (producers/reference_changes.py) re-indexes the products
and producers that carry it. A signal keeps the import arrows pointing down.
"""

from django.dispatch import Signal

# Sent inside the writing transaction, with `sender` the model (Category, Commune or Label) and
# `ids` the primary keys of the rows saved or deleted.
reference_changed = Signal()
