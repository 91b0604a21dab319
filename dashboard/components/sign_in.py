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
    # The only page until then: a hidden navigation of one page also clears the menu a
    # signed-out session may still show, and every address lands on this form.
    st.navigation([st.Page(_form, title="Sign in", default=True)], position="hidden").run()
    return False


def _form() -> None:
    gate = access.gate()
    browser = _browser()
    st.title("Liftboard")
    st.caption("This dashboard is protected by a password.")
    with st.form("sign_in_form", clear_on_submit=True, border=True, width=480):
        password = st.text_input("Password", type="password", key="sign_in_password")
        submitted = st.form_submit_button("Sign in", type="primary")
    if not submitted:
        return
    tries = int(st.session_state.get("sign_in_tries", 0)) + 1  # numbered, so each answer is new
    st.session_state["sign_in_tries"] = tries
    client = _client()
    wait = gate.wait_s(client)
    if wait > 0:
        st.error(
            f"Too many wrong passwords from this device: try again in {math.ceil(wait)} s "
            f"(try {tries}).",
            icon=":material/hourglass_top:",
        )
        return
    if gate.attempt(client, password or ""):
        gate.sign_in(browser)
        st.session_state[SIGNED_IN] = True
        st.rerun()
    st.error(f"Wrong password (try {tries}).", icon=":material/lock:")
