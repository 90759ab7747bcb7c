import pytest
from django.conf import settings
from django.core.cache import cache


def _clear_cache() -> None:
    """Forget rate-limit counters between tests, without flushing the shared Redis database."""
    backend = settings.CACHES["default"]["BACKEND"]
    if backend.endswith("RedisCache"):
        client = cache._cache.get_client(write=True)
        prefix = settings.CACHES["default"].get("KEY_PREFIX", "")
        keys = list(client.scan_iter(match=f"{prefix}:*"))
        if keys:
            client.delete(*keys)
    else:
        cache.clear()


@pytest.fixture(autouse=True)
def _isolated_cache():
    _clear_cache()
    yield
    _clear_cache()


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    """Run what a request queued for after commit (emails, tasks), as production would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
