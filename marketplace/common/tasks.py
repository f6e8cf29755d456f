"""Background tasks (Django's tasks framework) that try again before they give up.

Production runs them on the database backend (django-tasks-db) with `manage.py db_worker`; a
task that raises is enqueued again after a growing delay, and its last failure stays recorded
as FAILED, with its traceback, where staff see it. Development and tests run them at once.
Every task of the project is written so that running it twice does no harm (an e-mail records
that it was sent, a release checks what is still held)."""

import functools
import logging
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.tasks import Task, task
from django.utils import timezone

logger = logging.getLogger(__name__)

ATTEMPTS = 4
BACKOFF = timedelta(minutes=2)  # 2, then 4, then 6 minutes between the attempts


def retrying_task(*, attempts: int = ATTEMPTS, backoff: timedelta = BACKOFF,
                  **options: Any) -> Callable[[Callable[..., Any]], Task[Any, Any]]:
    """`@task()`, plus: an exception enqueues the task again (`attempt` counts) until
    `attempts`. Each failed attempt is raised, so its result says FAILED; the last one's
    (`attempt == attempts` in its arguments) is the one staff must look at."""
    def decorate(function: Callable[..., Any]) -> Task[Any, Any]:
        holder: dict[str, Task[Any, Any]] = {}

        @functools.wraps(function)
        def body(*args: Any, attempt: int = 1, **kwargs: Any) -> Any:
            try:
                return function(*args, **kwargs)
            except Exception:
                if attempt >= attempts:
                    logger.exception("Task %s failed %d times: given up.", function.__name__,
                                     attempt)
                    raise
                logger.warning("Task %s failed (attempt %d of %d): enqueued again.",
                               function.__name__, attempt, attempts, exc_info=True)
                again = holder["task"]
                if again.get_backend().supports_defer:
                    again = again.using(run_after=timezone.now() + backoff * attempt)
                again.enqueue(*args, attempt=attempt + 1, **kwargs)
                raise

        holder["task"] = task(**options)(body)
        return holder["task"]
    return decorate
