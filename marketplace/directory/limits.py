"""How often visitors may send messages through the contact forms (applied in urls.py;
docs/security.md lists every limit). Per network, so one visitor cannot flood anyone; per
producer, so many networks together cannot flood one farm either."""

from django.http import HttpRequest

from marketplace.common.ratelimit import Limit


def producer_slug(group: str, request: HttpRequest) -> str:
    match = request.resolver_match
    return str(match.kwargs.get("slug", "")) if match is not None else ""


PRODUCER_CONTACT = (Limit("contact-ip", "5/h"),
                    Limit("contact-producer", "20/h", producer_slug))
TEAM_CONTACT = (Limit("contact-ip", "5/h"), Limit("contact-team", "100/d", lambda g, r: "team"))
