"""The password and sign-in rules behind the dashboard's gate (`pipelines/access.py`)."""

from __future__ import annotations

import os

import pytest

from dashboard.server import browser_cookie, config_from_environment, guarded
from pipelines import access
from pipelines.access import FREE_FAILURES, Gate, check_password, hash_password, is_loopback
from pipelines.errors import LiftboardError

SECRET = "correct horse battery staple"


def test_the_password_is_kept_only_as_a_salted_hash():
    first, second = hash_password(SECRET), hash_password(SECRET)
    assert first != second  # a fresh salt each time
    assert SECRET not in first
    assert check_password(first, SECRET)
    assert not check_password(first, SECRET + " ")
    assert not check_password("not a hash", SECRET)


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.8.9.1", True),
        ("::1", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("192.168.1.20", False),
        ("::", False),
        ("example.org", False),
    ],
)
def test_only_loopback_addresses_count_as_this_computer(host, loopback):
    assert is_loopback(host) is loopback


def test_the_password_comes_from_the_variable_the_file_or_the_secrets(tmp_path):
    secret_file = tmp_path / "password"
    secret_file.write_text(SECRET + "\nignored second line\n")
    secrets_toml = tmp_path / "secrets.toml"
    secrets_toml.write_text(f'[liftboard]\npassword = "{SECRET}"\n')
    from_env = access.read_password_hash({"LIFTBOARD_PASSWORD": SECRET}, [])
    from_file = access.read_password_hash({"LIFTBOARD_PASSWORD_FILE": str(secret_file)}, [])
    from_secrets = access.read_password_hash({}, [secrets_toml])
    for stored in (from_env, from_file, from_secrets):
        assert stored is not None
        assert check_password(stored, SECRET)
    assert access.read_password_hash({}, [tmp_path / "missing.toml"]) is None
    stored = hash_password(SECRET)
    assert access.read_password_hash({"LIFTBOARD_PASSWORD": stored}, []) == stored


def test_an_empty_password_is_refused_with_a_sentence():
    with pytest.raises(LiftboardError, match="empty"):
        access.read_password_hash({"LIFTBOARD_PASSWORD": "  "}, [])


def test_reading_the_password_removes_the_variable(monkeypatch):
    monkeypatch.setattr(access, "_gate", None)
    monkeypatch.setenv("LIFTBOARD_PASSWORD", SECRET)
    gate = access.gate()
    assert gate.required
    assert "LIFTBOARD_PASSWORD" not in os.environ
    monkeypatch.setattr(access, "_gate", None)


def test_after_five_failures_each_attempt_waits_longer_and_the_right_one_then_works():
    gate = Gate(hash_password(SECRET))
    now = 1000.0
    for _ in range(FREE_FAILURES):
        assert gate.wait_s("phone", now) == 0
        assert not gate.attempt("phone", "wrong", now)
    first_wait = gate.wait_s("phone", now)
    assert first_wait > 0
    assert not gate.attempt("phone", SECRET, now)  # refused unchecked while waiting
    assert gate.wait_s("laptop", now) == 0  # another client is not held up
    now += first_wait
    assert not gate.attempt("phone", "wrong again", now)
    assert gate.wait_s("phone", now) > first_wait  # the wait grows
    now += gate.wait_s("phone", now)
    assert gate.attempt("phone", SECRET, now)
    assert gate.wait_s("phone", now) == 0  # a success clears the count


def test_signing_out_ends_the_browsers_sign_in_and_only_a_digest_is_kept():
    gate = Gate(hash_password(SECRET))
    token = access.new_browser_token()
    assert not gate.signed_in(token)
    gate.sign_in(token)
    assert gate.signed_in(token)
    assert not gate.signed_in(access.new_browser_token())
    assert token not in repr(gate._browsers)
    gate.sign_out(token)
    assert not gate.signed_in(token)


def test_without_a_password_nothing_is_asked():
    gate = Gate(None)
    assert not gate.required
    assert gate.signed_in(None)


@pytest.mark.parametrize(
    ("path", "needs_sign_in"),
    [
        ("/", False),
        ("/trends", False),
        ("/static/js/index.js", False),
        ("/_stcore/health", False),
        ("/_stcore/host-config", False),
        ("/media/abc.csv", True),
        ("/_stcore/upload_file/s/f", True),
        ("/_stcore/metrics", True),
        ("/_stcore/agent/interact", True),
        ("/component/x/index.html", True),
        ("/app/static/x.png", True),
    ],
)
def test_the_request_guard_covers_every_path_that_moves_data(path, needs_sign_in):
    assert guarded(path) is needs_sign_in


def test_the_browser_cookie_is_read_among_others():
    headers = [(b"cookie", b"a=1; liftboard_browser=tok-123; _streamlit_xsrf=z")]
    assert browser_cookie(headers) == "tok-123"
    assert browser_cookie([(b"cookie", b"a=1")]) is None


def test_streamlit_settings_from_the_environment_still_apply():
    got = config_from_environment(
        {
            "STREAMLIT_SERVER_MAX_UPLOAD_SIZE": "1",
            "STREAMLIT_SERVER_HEADLESS": "true",
            "STREAMLIT_SERVER_COOKIE_SECRET": "never passed on",
        }
    )
    assert got["server.maxUploadSize"] == 1
    assert got["server.headless"] is True
    assert "server.cookieSecret" not in got
