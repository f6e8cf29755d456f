"""drf-spectacular hooks: what every operation of the API may answer beyond its own."""

from typing import Any

TOO_MANY = {"description": "Trop de requêtes : réessayez plus tard (limites par réseau et par "
                           "compte).",
            "content": {"application/json": {"schema": {
                "type": "object", "properties": {"detail": {"type": "string"}}}}}}
TOO_LARGE = {"description": "Requête trop volumineuse.",
             "content": TOO_MANY["content"]}
TOO_LONG = {"description": "Adresse trop longue : la chaîne de requête dépasse la longueur "
                           "maximale (QUERY_STRING_MAX_LENGTH).",
            "content": TOO_MANY["content"]}
BAD_TOKEN = {"description": "Jeton non valide ou expiré (un jeton donné est vérifié, même pour "
                            "une lecture publique).",
             "content": TOO_MANY["content"]}


def add_limit_answers(result: dict[str, Any], generator: Any, request: Any,
                      public: bool) -> dict[str, Any]:
    """Every operation may be throttled (429), refuse a bad token (401) or an address longer
    than any the site makes (414, config/middleware.py); every write may be too large (413)."""
    for item in result.get("paths", {}).values():
        for method, operation in item.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            operation["responses"].setdefault("429", TOO_MANY)
            operation["responses"].setdefault("401", BAD_TOKEN)
            operation["responses"].setdefault("414", TOO_LONG)
            if method in {"post", "put", "patch"}:
                operation["responses"].setdefault("413", TOO_LARGE)
    return result
