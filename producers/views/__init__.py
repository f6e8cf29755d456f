"""The producer area (/espace-producteur/): thin views over forms, selectors and services."""
