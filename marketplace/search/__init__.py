"""Full-text search over products and producers (one interface, a backend per database)."""
