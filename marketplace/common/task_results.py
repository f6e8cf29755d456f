"""Background tasks that failed for good: what staff must look at.

The database backend (django-tasks-db) keeps every run's result. A task of `retrying_task`
records a FAILED result for each failed attempt and enqueues the next one (its `attempt`
keyword counts them) before that failure is recorded; so a failure is final when no later
attempt of the same task with the same arguments exists. A plain task has no later attempt:
its failure is final at once."""

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

WINDOW = timedelta(days=30)
LIMIT = 200


@dataclass(frozen=True)
class FailedTask:
    id: str
    name: str  # the task's dotted path
    arguments: str
    attempts: int
    failed_at: datetime | None
    error: str  # the exception's class and message
    traceback: str


def kept_by_database() -> bool:
    """Whether results are kept at all (the immediate backend of development keeps none)."""
    return any(backend["BACKEND"].startswith("django_tasks_db")
               for backend in settings.TASKS.values())


def _identity(task_path: str, args_kwargs: dict[str, Any]) -> tuple[str, str]:
    kwargs = {k: v for k, v in (args_kwargs.get("kwargs") or {}).items() if k != "attempt"}
    return task_path, json.dumps([args_kwargs.get("args") or [], kwargs], sort_keys=True,
                                 default=str)


def _attempt(args_kwargs: dict[str, Any]) -> int:
    return int((args_kwargs.get("kwargs") or {}).get("attempt", 1))


def _error(row: DBTaskResult) -> str:
    lines = [line for line in row.traceback.strip().splitlines() if line.strip()]
    return lines[-1] if lines else row.exception_class_path


def failed_tasks(*, window: timedelta = WINDOW, limit: int = LIMIT) -> list[FailedTask]:
    """Tasks given up on within `window`, the latest first."""
    since = timezone.now() - window
    failed = list(DBTaskResult.objects.filter(status="FAILED", enqueued_at__gte=since)
                  .order_by("-finished_at")[:limit * 4])
    retries = (DBTaskResult.objects.filter(enqueued_at__gte=since,
                                           args_kwargs__kwargs__has_key="attempt")
               .values_list("task_path", "args_kwargs"))
    later = {(*_identity(path, args), _attempt(args)) for path, args in retries}
    given_up = [row for row in failed
                if (*_identity(row.task_path, row.args_kwargs),
                    _attempt(row.args_kwargs) + 1) not in later]
    return [FailedTask(
        id=str(row.id), name=row.task_path,
        arguments=_identity(row.task_path, row.args_kwargs)[1],
        attempts=_attempt(row.args_kwargs), failed_at=row.finished_at, error=_error(row),
        traceback=row.traceback,
    ) for row in given_up[:limit]]
