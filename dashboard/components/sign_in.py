"""The sign-in form every page sits behind when a password is configured, and the sign-out.

The browser is known by the `liftboard_browser` cookie the server gives it (see
`dashboard/server.py`); signing in marks that cookie as signed in for the server's request
guard too, so downloads and uploads work only for a signed-in browser. Without a password
configured, nothing is asked and nothing is shown.
"""

from __future__ import annotations

import math

import streamlit as st

from pipelines import access

SIGNED_IN = "sign_in_ok"


def _browser() -> str | None:
    token = st.context.cookies.get(access.COOKIE)
    return str(token) if token else None


def _client() -> str:
    """Who the failures count against: the client's address (one key for this computer)."""
    return str(st.context.ip_address or "this computer")


def _sign_out() -> None:
    access.gate().sign_out(_browser())
    st.session_state[SIGNED_IN] = False


def signed_in() -> bool:
    """Show the sign-in form unless this browser may see the pages; True when it may.

    Call it before anything else is rendered, and stop the script when it returns False.
    """
    gate = access.gate()
    if not gate.required:
        return True
    browser = _browser()
    if gate.signed_in(browser) or (st.session_state.get(SIGNED_IN) and browser is None):
        st.sidebar.button(
            "Sign out", icon=":material/logout:", on_click=_sign_out, key="sign_in_out"
        )
        return True
    _form(gate, browser)
    return False


def _form(gate: access.Gate, browser: str | None) -> None:
    st.title("Liftboard")
    st.caption("This dashboard is protected by a password.")
    with st.form("sign_in_form", clear_on_submit=True, border=True):
        password = st.text_input("Password", type="password", key="sign_in_password")
        submitted = st.form_submit_button("Sign in", type="primary")
    if not submitted:
        return
    client = _client()
    wait = gate.wait_s(client)
    if wait > 0:
        st.error(
            f"Too many wrong passwords from this device. Try again in {math.ceil(wait)} s.",
            icon=":material/hourglass_top:",
        )
        return
    if gate.attempt(client, password or ""):
        gate.sign_in(browser)
        st.session_state[SIGNED_IN] = True
        st.rerun()
    st.error("Wrong password.", icon=":material/lock:")
