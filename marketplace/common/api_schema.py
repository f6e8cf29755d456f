"""drf-spectacular hooks: what every operation of the API may answer beyond its own."""

from typing import Any

TOO_MANY = {"description": "Trop de requêtes : réessayez plus tard (limites par réseau et par "
                           "compte).",
            "content": {"application/json": {"schema": {
                "type": "object", "properties": {"detail": {"type": "string"}}}}}}
TOO_LARGE = {"description": "Requête trop volumineuse.",
             "content": TOO_MANY["content"]}


def add_limit_answers(result: dict[str, Any], generator: Any, request: Any,
                      public: bool) -> dict[str, Any]:
    """Every operation may be throttled (429); every write may be too large (413)."""
    for item in result.get("paths", {}).values():
        for method, operation in item.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            operation["responses"].setdefault("429", TOO_MANY)
            if method in {"post", "put", "patch"}:
                operation["responses"].setdefault("413", TOO_LARGE)
    return result
