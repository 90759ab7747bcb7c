"""The load generator: wrk (Debian's `apt-get install -y wrk`) pinned to the load core, or a small
Python generator (threads, keep-alive connections) where wrk is missing."""

import http.client
import re
import shutil
import subprocess  # nosec B404  (fixed argument lists, no shell)
import threading
import time
import urllib.parse
from dataclasses import dataclass

from benchmarks.common import percentile
from benchmarks.server import LOAD_CORE, pinned

# As the TLS-terminating proxy would: the site sees HTTPS (no redirect, secure cookies valid).
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}


@dataclass
class LoadResult:
    requests_per_second: float
    p99_ms: float
    requests: int
    errors: int  # non-2xx/3xx answers and socket errors
    tool: str


def wrk_available() -> bool:
    return shutil.which("wrk") is not None


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _wrk(url: str, connections: int, seconds: float, headers: dict) -> LoadResult:
    command = [
        "wrk", "-t1", f"-c{connections}", f"-d{max(1, round(seconds))}s", "--latency",
        "--timeout", "30s",  # a slow page is measured, not counted as a socket error
    ]  # fmt: skip
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run(  # nosec B603
        pinned([*command, url], LOAD_CORE), capture_output=True, text=True, check=True
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    value, unit = re.search(r"\s99%\s+([\d.]+)(us|ms|s)", output).groups()
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    errors = 0
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", output):
        errors += int(match.group(1))
    if match := re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    ):
        errors += sum(int(n) for n in match.groups())
    return LoadResult(rps, round(float(value) * _UNITS[unit], 2), requests, errors, "wrk")


def _python(url: str, connections: int, seconds: float, headers: dict) -> LoadResult:
    parts = urllib.parse.urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    samples: list[float] = []
    errors = 0
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client():
        nonlocal errors
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        mine, failed = [], 0
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                response.read()
                if response.status >= 400:
                    failed += 1
            except (OSError, http.client.HTTPException):
                failed += 1
                conn.close()
                conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
            mine.append((time.perf_counter() - started) * 1000)
        with lock:
            samples.extend(mine)
            errors += failed

    started = time.monotonic()
    threads = [threading.Thread(target=client) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    return LoadResult(
        round(len(samples) / elapsed, 1),
        round(percentile(samples, 0.99), 2) if samples else 0.0,
        len(samples),
        errors,
        "python",
    )


def drive(url: str, *, connections: int, seconds: float, headers: dict | None = None) -> LoadResult:
    headers = {**PROXY_HEADERS, **(headers or {})}
    if wrk_available():
        return _wrk(url, connections, seconds, headers)
    return _python(url, connections, seconds, headers)


def fetch(url: str, *, headers: dict | None = None, method: str = "GET", body: bytes | None = None):
    """One request (no redirects followed): (status, headers, body)."""
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    try:
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        conn.request(method, path, body=body, headers={**PROXY_HEADERS, **(headers or {})})
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()
