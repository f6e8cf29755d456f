"""The marketplace: reference data and search at the bottom, the public directory, its API,
the demo data and the staff area on top (the layers are drawn in docs/architecture.md)."""
