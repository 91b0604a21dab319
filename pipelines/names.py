"""Exercise-name normalisation, shared by the catalog build and by importers at run time.

Other apps spell the same exercise many ways (`Squat (Barbell)`, `Pull-Up`, `pull up`);
comparing normalised names lets an alias table match them without caring about case,
punctuation or spacing.
"""

from __future__ import annotations

import re
import unicodedata

# Apostrophes are dropped rather than turned into spaces, so "Farmer's Walk" and
# "Farmers Walk" normalise alike.
_APOSTROPHES = str.maketrans("", "", "'\u2018\u2019\u02bc`\u00b4")
_SPACES = re.compile(r"\s+")


def _is_separator(char: str) -> bool:
    """Punctuation and symbols (`-`, `_`, `/`, `(`, `.`, `&` …) separate words."""
    return unicodedata.category(char)[0] in {"P", "S"}


def normalise_name(text: str) -> str:
    """Normalise an exercise name for matching.

    NFKC, casefold, apostrophes removed, every other punctuation or symbol character
    treated as a space, whitespace collapsed and trimmed.

    Example:
        `normalise_name("  Squat (Barbell) ")` returns `"squat barbell"`.
    """
    folded = unicodedata.normalize("NFKC", text).casefold().translate(_APOSTROPHES)
    spaced = "".join(" " if _is_separator(char) else char for char in folded)
    return _SPACES.sub(" ", spaced).strip()
