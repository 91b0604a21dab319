"""The rest countdown after a set: counted down in the browser, so no rerun every second.

The server keeps only when the rest ends (in session state) and sends the seconds left each
time the page is drawn; the phone's browser counts them down. A rerun (another set, a page
change, a reload of the part) draws it again from the same end, so the countdown carries on
where it was instead of starting over.
"""

from __future__ import annotations

import html
import math
import time

import streamlit as st

# Each timer (one per mode of the Log page) keeps in session state, under its own name:
# `<name>_until`, the time.time() at which its rest ends, and `<name>_next`, what comes after.

# The page's own script: it finds its element by id, counts down from the seconds it was given,
# stops when the element leaves the page, and says "Go" at zero (with a short buzz on phones).
_SCRIPT = """
(() => {
  const box = document.getElementById("%(id)s");
  if (!box) return;
  const end = performance.now() + Number(box.dataset.leftMs);
  const shown = box.querySelector(".lb-rest-time");
  const tick = () => {
    if (!box.isConnected) { clearInterval(timer); return; }
    const left = Math.max(0, Math.ceil((end - performance.now()) / 1000));
    shown.textContent = left > 0
      ? `${Math.floor(left / 60)}:${String(left %% 60).padStart(2, "0")}` : "Go";
    box.dataset.left = String(left);
    if (left === 0) {
      clearInterval(timer);
      box.classList.add("lb-rest-over");
      if (navigator.vibrate) navigator.vibrate(200);
    }
  };
  const timer = setInterval(tick, 250);
  tick();
})();
"""

_STYLE = """
.lb-rest { display: inline-flex; flex-wrap: wrap; align-items: baseline; gap: 0 0.6rem;
  padding: 0.2rem 0.8rem;
  border: 1px solid rgba(128, 128, 128, 0.35); border-radius: 0.5rem; }
.lb-rest-label { font-size: 0.95rem; opacity: 0.8; }
.lb-rest-time { font-size: 1.9rem; font-weight: 600; font-variant-numeric: tabular-nums; }
.lb-rest-next { font-size: 0.9rem; opacity: 0.8; }
.lb-rest-over .lb-rest-time { color: #21a366; }
"""


def start_rest(timer: str, seconds: int, next_up: str = "") -> None:
    """Start (or restart) the rest countdown `timer`: `seconds` from now; 0 means no rest."""
    if seconds <= 0:
        skip_rest(timer)
        return
    st.session_state[f"{timer}_until"] = time.time() + seconds
    st.session_state[f"{timer}_next"] = next_up


def skip_rest(timer: str) -> None:
    """End the rest of `timer` now (also a button's callback)."""
    st.session_state.pop(f"{timer}_until", None)
    st.session_state.pop(f"{timer}_next", None)


def countdown_html(left_ms: int, next_up: str, element_id: str) -> str:
    """The countdown's markup and script, starting at `left_ms` milliseconds."""
    left = math.ceil(left_ms / 1000)
    shown = f"{left // 60}:{left % 60:02d}"
    after = f'<span class="lb-rest-next">Next: {html.escape(next_up)}</span>' if next_up else ""
    return (
        f"<style>{_STYLE}</style>"
        f'<div class="lb-rest" id="{element_id}" role="timer" data-left-ms="{left_ms}" '
        f'data-left="{left}"><span class="lb-rest-label">Rest</span>'
        f'<span class="lb-rest-time">{shown}</span>{after}</div>'
        f"<script>{_SCRIPT % {'id': element_id}}</script>"
    )


def render_rest(timer: str, *, skip: bool = True) -> bool:
    """The running countdown of `timer` (a Skip button beside it when `skip`).

    Returns False, and draws nothing, when that timer has no rest running.
    """
    until = st.session_state.get(f"{timer}_until")
    ends = 0.0 if until is None else float(until)
    left_ms = int((ends - time.time()) * 1000)
    if left_ms <= 0:
        skip_rest(timer)
        return False
    next_up = str(st.session_state.get(f"{timer}_next") or "")
    element_id = f"lb-rest-{timer}-{int(ends * 1000)}"
    markup = countdown_html(left_ms, next_up, element_id)
    if not skip:
        st.html(markup, width="content", unsafe_allow_javascript=True)
        return True
    with st.container(horizontal=True, vertical_alignment="center", key=f"{timer}_box"):
        st.html(markup, width="content", unsafe_allow_javascript=True)
        st.button(
            "Skip rest", key=f"{timer}_skip", on_click=skip_rest, args=(timer,), width="content"
        )
    return True
