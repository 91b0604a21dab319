"""Who may use the dashboard: the password, signed-in browsers and the slow-down after failures.

The password comes from `LIFTBOARD_PASSWORD`, from the first line of the file named by
`LIFTBOARD_PASSWORD_FILE`, or from `password` under `[liftboard]` in a Streamlit secrets file
(`~/.streamlit/secrets.toml`, `.streamlit/secrets.toml`). Any of them may hold the password or a
hash made by `hash_password` (`scrypt$...`). Only a salted scrypt hash is kept in memory; the
environment variable is removed once read, so no child process inherits it.

Nothing here imports Streamlit: the dashboard's sign-in form, the server's request guard and
`liftboard serve` all use these functions.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
import os
import secrets
import threading
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from pipelines.errors import LiftboardError

ENV_PASSWORD = "LIFTBOARD_PASSWORD"  # noqa: S105 - a variable name, not a password
ENV_PASSWORD_FILE = "LIFTBOARD_PASSWORD_FILE"  # noqa: S105 - likewise
COOKIE = "liftboard_browser"
FREE_FAILURES = 5  # failures from one client before each further one makes it wait
MAX_WAIT_S = 60.0
SIGNED_IN_FOR_S = 30 * 24 * 3600.0
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


def hash_password(password: str, *, salt: bytes | None = None) -> str:
    """A salted scrypt hash of `password`, as one printable string (`scrypt$n$r$p$salt$hash`)."""
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, **_SCRYPT)
    parts = (str(_SCRYPT["n"]), str(_SCRYPT["r"]), str(_SCRYPT["p"]), _b64(salt), _b64(digest))
    return "scrypt$" + "$".join(parts)


def check_password(stored: str, attempt: str) -> bool:
    """True when `attempt` matches the hash `stored`; compared in constant time."""
    try:
        _, n, r, p, salt, digest = stored.split("$")
        expected = base64.b64decode(digest)
        got = hashlib.scrypt(
            attempt.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p)
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, expected)


def is_loopback(host: str) -> bool:
    """True for an address that only this computer can reach (127.0.0.0/8, ::1, localhost)."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def secrets_files(project: Path | None = None) -> list[Path]:
    """Where Streamlit looks for secrets: the user's file, then the project's."""
    folder = project if project is not None else Path.cwd()
    return [Path.home() / ".streamlit" / "secrets.toml", folder / ".streamlit" / "secrets.toml"]


def read_password_hash(
    environ: dict[str, str] | os._Environ[str] | None = None,
    secret_files: list[Path] | None = None,
) -> str | None:
    """The configured password as a salted hash, or None when none is configured.

    Raises:
        LiftboardError: `LIFTBOARD_PASSWORD_FILE` names a file that cannot be read, or the
            configured password is empty.
    """
    env = os.environ if environ is None else environ
    source, value = _configured_password(env, secret_files or secrets_files())
    if value is None:
        return None
    if not value.strip():
        raise LiftboardError(f"The password from {source} is empty; set a non-empty one.")
    return value if value.startswith("scrypt$") else hash_password(value)


def _configured_password(
    env: dict[str, str] | os._Environ[str], files: list[Path]
) -> tuple[str, str | None]:
    if env.get(ENV_PASSWORD) is not None:
        return ENV_PASSWORD, env[ENV_PASSWORD]
    if env.get(ENV_PASSWORD_FILE):
        path = Path(env[ENV_PASSWORD_FILE]).expanduser()
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) else "it is not text"
            raise LiftboardError(
                f"The password file {path} (from {ENV_PASSWORD_FILE}) cannot be read: {reason}."
            ) from None
        return str(path), lines[0] if lines else ""
    for path in reversed(files):  # the project's file wins over the user's, as in Streamlit
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            continue
        section = data.get("liftboard")
        if isinstance(section, dict) and isinstance(section.get("password"), str):
            return str(path), section["password"]
    return "", None


@dataclass
class _Failures:
    count: int = 0
    last: float = 0.0


@dataclass
class Gate:
    """The process's sign-in state: the password hash, signed-in browsers, failures per client.

    Browsers are known by a random cookie the server gives them; only a SHA-256 of it is kept,
    with the time the sign-in ends. Everything is in memory: restarting the server signs
    everyone out.
    """

    password_hash: str | None
    _browsers: dict[str, float] = field(default_factory=dict)
    _failures: dict[str, _Failures] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def required(self) -> bool:
        """True when a password is configured."""
        return self.password_hash is not None

    def wait_s(self, client: str, now: float | None = None) -> float:
        """Seconds `client` must wait before its next attempt counts (0 when it may try now)."""
        now = time.monotonic() if now is None else now
        with self._lock:
            seen = self._failures.get(client)
            if seen is None or seen.count < FREE_FAILURES:
                return 0.0
            wait = min(2.0 ** (seen.count - FREE_FAILURES), MAX_WAIT_S)
            return max(0.0, seen.last + wait - now)

    def attempt(self, client: str, password: str, now: float | None = None) -> bool:
        """Check a sign-in attempt; a failure counts against `client`, a success clears it.

        An attempt while `client` must still wait is refused unchecked (see `wait_s`).
        """
        now = time.monotonic() if now is None else now
        if self.password_hash is None:
            return True
        if self.wait_s(client, now) > 0:
            return False
        ok = check_password(self.password_hash, password)
        with self._lock:
            if ok:
                self._failures.pop(client, None)
            else:
                seen = self._failures.setdefault(client, _Failures())
                seen.count += 1
                seen.last = now
        return ok

    def sign_in(self, browser: str | None, now: float | None = None) -> None:
        """Remember that the browser holding cookie `browser` signed in."""
        if browser:
            now = time.monotonic() if now is None else now
            with self._lock:
                self._browsers[_digest(browser)] = now + SIGNED_IN_FOR_S

    def signed_in(self, browser: str | None, now: float | None = None) -> bool:
        """True when the browser holding cookie `browser` is signed in (or none is needed)."""
        if self.password_hash is None:
            return True
        if not browser:
            return False
        now = time.monotonic() if now is None else now
        with self._lock:
            until = self._browsers.get(_digest(browser))
            if until is not None and until <= now:
                del self._browsers[_digest(browser)]
                return False
            return until is not None

    def sign_out(self, browser: str | None) -> None:
        """Forget the browser's sign-in."""
        if browser:
            with self._lock:
                self._browsers.pop(_digest(browser), None)


_gate: Gate | None = None
_gate_lock = threading.Lock()


def gate() -> Gate:
    """This process's gate, made on first use from the configured password (see module doc).

    Reading the password removes `LIFTBOARD_PASSWORD` from the environment.
    """
    global _gate
    with _gate_lock:
        if _gate is None:
            _gate = Gate(read_password_hash())
            os.environ.pop(ENV_PASSWORD, None)
        return _gate


def new_browser_token() -> str:
    """A fresh random cookie value that names one browser."""
    return secrets.token_urlsafe(32)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()
