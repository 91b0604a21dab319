"""Exercise-name normalisation, shared by the catalog build and by importers at run time.

Other apps spell the same exercise many ways (`Squat (Barbell)`, `Pull-Up`, `pull up`);
comparing normalised names lets an alias table match them without caring about case,
punctuation or spacing.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

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


# --- the structure of a name: movement, equipment, details --------------------------------
#
# Strong and Hevy write `Movement (Equipment)` (`Bench Press (Barbell)`, `Triceps Pushdown
# (Cable - Straight Bar)`, `Bench Press - Close Grip (Barbell)`); FitNotes and the catalog put
# the equipment inside the name (`Flat Dumbbell Bench Press`, `Leg Extension Machine`). Both
# sides are reduced to the same canonical tokens so that movement and equipment can be compared.

# Translations of the words lifters use in German, French, Spanish, Portuguese, Italian and
# Dutch, so localised exports and free-text names match too. Keys are compared after
# `normalise_name` (so `ß` is `ss`); longer phrases are applied first.
_TRANSLATION_WORDS: dict[str, str] = {
    # German
    "langhantel": "barbell",
    "kurzhantel": "dumbbell",
    "kurzhanteln": "dumbbell",
    "kabelzug": "cable",
    "kabel": "cable",
    "maschine": "machine",
    "körpergewicht": "bodyweight",
    "schrägbankdrücken": "incline bench press",
    "bankdrücken": "bench press",
    "kniebeugen": "squat",
    "kniebeuge": "squat",
    "rumänisches kreuzheben": "romanian deadlift",
    "kreuzheben": "deadlift",
    "klimmzüge": "pull up",
    "klimmzug": "pull up",
    "schulterdrücken": "shoulder press",
    "überkopfdrücken": "overhead press",
    "rudern": "row",
    "langhantelrudern": "barbell row",
    "kurzhantelrudern": "dumbbell row",
    "bizepscurls": "curl",
    "bizepscurl": "curl",
    "hammercurls": "hammer curl",
    "hammercurl": "hammer curl",
    "trizepsdrücken": "triceps pushdown",
    "beinpresse": "leg press",
    "beinstrecker": "leg extension",
    "beinbeuger": "leg curl",
    "latziehen": "lat pulldown",
    "ausfallschritte": "lunge",
    "ausfallschritt": "lunge",
    "seitheben": "lateral raise",
    "liegestütze": "push up",
    "liegestütz": "push up",
    "wadenheben": "calf raise",
    "hüftstoßen": "hip thrust",
    "hüftstoß": "hip thrust",
    "unterarmstütz": "plank",
    "stehend": "standing",
    "sitzend": "seated",
    "liegend": "lying",
    "einarmig": "one arm",
    "schrägbank": "incline",
    "fliegende": "fly",
    "butterfly": "butterfly",
    "dips": "dips",
    # French
    "développé couché": "bench press",
    "développé incliné": "incline bench press",
    "développé militaire": "overhead press",
    "développé épaules": "shoulder press",
    "soulevé de terre roumain": "romanian deadlift",
    "soulevé de terre": "deadlift",
    "tractions": "pull up",
    "traction": "pull up",
    "rowing": "row",
    "curl biceps": "curl",
    "curl marteau": "hammer curl",
    "extension triceps": "triceps extension",
    "presse à cuisses": "leg press",
    "tirage vertical": "lat pulldown",
    "tirage horizontal": "seated cable row",
    "fentes": "lunge",
    "fente": "lunge",
    "élévations latérales": "lateral raise",
    "élévation latérale": "lateral raise",
    "pompes": "push up",
    "pompe": "push up",
    "gainage": "plank",
    "haltères": "dumbbell",
    "haltère": "dumbbell",
    "barre": "barbell",
    "poulie": "cable",
    "poids du corps": "bodyweight",
    "mollets": "calf raise",
    "mollet": "calf raise",
    "couché": "lying",
    "debout": "standing",
    "assis": "seated",
    "incliné": "incline",
    "écarté": "fly",
    "écartés": "fly",
    # Spanish
    "press de banca": "bench press",
    "press banca": "bench press",
    "press militar": "overhead press",
    "inclinado": "incline",
    "mancuernas": "dumbbell",
    "mancuerna": "dumbbell",
    "barra": "barbell",
    "polea": "cable",
    "máquina": "machine",
    "sentadillas": "squat",
    "sentadilla": "squat",
    "peso muerto rumano": "romanian deadlift",
    "peso muerto": "deadlift",
    "remo": "row",
    "jalón al pecho": "lat pulldown",
    "jalón": "lat pulldown",
    "prensa de piernas": "leg press",
    "prensa": "leg press",
    "curl de bíceps": "curl",
    "elevaciones laterales": "lateral raise",
    "elevación lateral": "lateral raise",
    "dominadas": "pull up",
    "dominada": "pull up",
    "extensión de cuádriceps": "leg extension",
    "elevación de talones": "calf raise",
    "elevaciones de talones": "calf raise",
    "gemelos": "calf raise",
    "fondos": "dips",
    "zancadas": "lunge",
    "zancada": "lunge",
    "curl femoral": "leg curl",
    "aperturas": "fly",
    "flexiones": "push up",
    "de pie": "standing",
    "sentado": "seated",
    "tumbado": "lying",
    # Portuguese
    "supino reto": "bench press",
    "supino inclinado": "incline bench press",
    "supino": "bench press",
    "agachamento livre": "squat",
    "agachamento": "squat",
    "levantamento terra": "deadlift",
    "remada curvada": "bent over row",
    "remada": "row",
    "puxada frontal": "lat pulldown",
    "puxada": "lat pulldown",
    "rosca direta": "barbell curl",
    "rosca": "curl",
    "elevação lateral": "lateral raise",
    "cadeira extensora": "leg extension",
    "cadeira flexora": "seated leg curl",
    "mesa flexora": "lying leg curl",
    "panturrilha em pé": "standing calf raise",
    "panturrilha": "calf raise",
    "halteres": "dumbbell",
    "polia": "cable",
    "desenvolvimento": "shoulder press",
    "crucifixo": "fly",
    "flexão": "push up",
    "barra fixa": "pull up",
    "afundo": "lunge",
    # Italian
    "panca piana": "bench press",
    "panca inclinata": "incline bench press",
    "panca": "bench press",
    "bilanciere": "barbell",
    "manubri": "dumbbell",
    "manubrio": "dumbbell",
    "stacco rumeno": "romanian deadlift",
    "stacco da terra": "deadlift",
    "stacco": "deadlift",
    "rematore": "row",
    "lat machine": "lat pulldown",
    "alzate laterali": "lateral raise",
    "alzate": "raise",
    "trazioni": "pull up",
    "cavi": "cable",
    "cavo": "cable",
    "piegamenti": "push up",
    "affondi": "lunge",
    "polpacci": "calf raise",
    # Dutch
    "bankdrukken": "bench press",
    "halters": "dumbbell",
    "halter": "dumbbell",
    "roeien": "row",
    "kuitheffen": "calf raise",
    "optrekken": "pull up",
    "schouderdrukken": "shoulder press",
    "beenpers": "leg press",
    "lange halter": "barbell",
}
_TRANSLATIONS: dict[str, str] = {normalise_name(k): v for k, v in _TRANSLATION_WORDS.items()}

# Spelling variants, compounds and abbreviations, applied in order (regex on normalised text).
_REWRITES: tuple[tuple[str, str], ...] = (
    # Words that say nothing about the movement: a user's note, a coach, a set scheme.
    (r"\bcoach [a-z]+\b", " "),
    (r"\brpe ?\d+(?: \d)?\b|\b\d+ ?x ?\d+\b|\b\d+s\b|\b\d+\b", " "),
    (r"\bfront lever\b", "frontlever"),
    (r"\biso ?lateral\b|\biso\b|\bconverging\b|\bdiverging\b|\bhydraulic\b", " machine "),
    (
        r"\b(?:technogym|cybex|life fitness|nautilus|matrix|hoist|precor|panatta|gym80|prime)\b",
        " machine ",
    ),
    (r"\bsitting\b", "seated"),
    (r"\bface ?pulls?\b|\bfacepulls?\b", "face pull"),
    (r"\bside raises?\b", "lateral raise"),
    (r"\bfront delt raises?\b", "front raise"),
    (r"\binner thigh(?: machine)?\b", "hip adduction machine"),
    (r"\bouter thigh(?: machine)?\b", "hip abduction machine"),
    (r"\bstair ?master\b", "stair climber"),
    (r"\btriceps? pull ?downs?\b", "tricep pushdown"),
    (r"\brope pull ?downs?\b", "tricep rope pushdown"),
    (r"\bcgbp\b", "closegrip bench press"),
    (r"\bcg\b", "closegrip"),
    (r"\bsl\b", "oneleg"),
    (r"\batg\b", " "),
    (r"\bdl\b|\bdls\b", "deadlift"),
    (r"\bdumbell|\bdumbel\b", "dumbbell"),
    (r"\bdb\b", "dumbbell"),
    (r"\bbb\b", "barbell"),
    (r"\bkb\b", "kettlebell"),
    (r"\bbw\b", "bodyweight"),
    (r"\bbody ?weight\b|\bbody only\b", "bodyweight"),
    (r"\brdls?\b", "romanian deadlift"),
    (r"\bsldls?\b", "stiff leg deadlift"),
    (r"\bohp\b", "overhead press"),
    (r"\bdead ?lifts?\b", "deadlift"),
    (r"\bpull ?ups?\b", "pullup"),
    (r"\bchin ?ups?\b", "chinup"),
    (r"\bpush ?ups?\b", "pushup"),
    (r"\bsit ?ups?\b", "situp"),
    (r"\bstep ?ups?\b", "stepup"),
    (r"\bmuscle ?ups?\b", "muscleup"),
    (r"\bget ?ups?\b", "getup"),
    (r"\bpick ?ups?\b", "pickup"),
    (r"\bup ?downs?\b", "updown"),
    (r"\bv ?ups?\b", "vup"),
    (r"\bpull ?downs?\b", "pulldown"),
    (r"\b(?:push|press) ?downs?\b", "pushdown"),
    (r"\bpull ?overs?\b", "pullover"),
    (r"\bpull ?throughs?\b", "pullthrough"),
    (r"\bkick ?backs?\b", "kickback"),
    (r"\bskull ?crushers?\b", "skullcrusher"),
    (r"\bhyper ?extensions?\b", "hyperextension"),
    (r"\bflye?s\b|\bflyes\b|\bflies\b|\bflye\b", "fly"),
    (r"\bt ?bar\b", "tbar"),
    (r"\bv ?bar\b|\bv (?:handle|grip)\b", "vbar"),
    (r"\be ?z(?: curl)? ?bar\b|\beasy bar\b|\bez\b", "ezbar"),
    (r"\b(?:trap|hex) ?bar\b", "trapbar"),
    (r"\bsafety squat bar\b|\bssb\b", "barbell"),
    (r"\bstraight bar\b", "straightbar"),
    (r"\bsmith(?: machine)?\b", "smith"),
    (r"\bplate loaded\b|\bhammer strength\b|\bleverage\b|\blever\b", "machine"),
    (r"\bmachines\b", "machine"),
    (r"\b(?:resistance|mini|loop) bands?\b", "band"),
    (r"\b(?:medicine|med) ?balls?\b", "medicineball"),
    (r"\b(?:stability|swiss|exercise|physio) ?balls?\b|\bphysioball\b", "ball"),
    (r"\b(?:suspension|trx)(?: trainer| straps?)?\b", "suspension"),
    (r"\bstraight ?arm\b", "straightarm"),
    (r"\bstiff ?legged\b|\bstiff leg\b|\bstraight ?legged\b|\bstraight leg\b", "stiffleg"),
    (r"\b(?:single|one|1) ?arms?\b|\bunilateral\b", "onearm"),
    (r"\b(?:single|one|1) ?legs?(?:ged)?\b", "oneleg"),
    (r"\b(?:close|narrow)(?: grip)?\b", "closegrip"),
    (r"\bwide(?: grip)?\b", "widegrip"),
    (r"\bmedium grip\b", "mediumgrip"),
    (r"\bneutral(?: grip)?\b", "neutralgrip"),
    (r"\b(?:reverse grip|underhand(?: grip)?|supinated(?: grip)?)\b", "underhand"),
    (r"\b(?:overhand(?: grip)?|pronated(?: grip)?)\b", "overhand"),
    (r"\bbent ?over\b", "bentover"),
    (r"\bchest supported\b", "supported"),
    (r"\bpaused?\b", "paused"),
    (r"\balternat(?:e|ing)\b", "alternating"),
    (r"\bback squat\b", "squat"),
    (r"\bbench\s*$", "bench press"),
    (r"\b(incline|decline)((?: [a-z]+)?) press\b", r"\1\2 bench press"),
    (r"\bbench bench\b", "bench"),
    (r"\bside lateral\b", "lateral"),
    (r"\b(?:chest|pec) fly\b", "fly"),
    (r"\bbiceps? curl\b", "curl"),
    (r"\blat pulldown\b", "pulldown"),
    (r"\bcalves\b", "calf"),
    (r"\bwalking\b", "walk"),
    (r"\brunning\b", "run"),
    (r"\bjogging\b", "jog"),
)
_COMPILED_REWRITES = tuple((re.compile(p), r) for p, r in _REWRITES)
# Most names need no rewrite at all; one search tells, before running each rule in turn.
_ANY_REWRITE = re.compile("|".join(f"(?:{p})" for p, _ in _REWRITES))
_TRANSLATION_PATTERN = re.compile(
    r"(?<!\w)("
    + "|".join(re.escape(k) for k in sorted(_TRANSLATIONS, key=len, reverse=True))
    + r")(?!\w)"
)

STOPWORDS = frozenset(
    {
        "the",
        "a",
        "an",
        "with",
        "on",
        "of",
        "to",
        "and",
        "in",
        "at",
        "for",
        "from",
        "off",
        "using",
        "style",
        "attachment",
        "exercise",
        "w",
        # German, Spanish, Portuguese, Italian, French, Dutch fillers
        "am",
        "mit",
        "der",
        "die",
        "das",
        "con",
        "de",
        "del",
        "al",
        "en",
        "la",
        "el",
        "com",
        "em",
        "da",
        "do",
        "no",
        "na",
        "à",
        "au",
        "aux",
        "avec",
        "du",
        "des",
        "met",
        "op",
    }
)

# Canonical equipment tokens (after the rewrites above).
EQUIPMENT = frozenset(
    {
        "barbell",
        "dumbbell",
        "kettlebell",
        "cable",
        "machine",
        "smith",
        "band",
        "bodyweight",
        "weighted",
        "assisted",
        "ezbar",
        "trapbar",
        "plate",
        "landmine",
        "medicineball",
        "ball",
        "bosu",
        "suspension",
        "rope",
        "straightbar",
        "vbar",
        "chain",
    }
)

# Modifiers that do not change which muscles work: dropped before a second comparison.
SOFT_MODIFIERS = frozenset(
    {
        "flat",
        "standing",
        "seated",
        "lying",
        "kneeling",
        "bentover",
        "paused",
        "tempo",
        "alternating",
        "mediumgrip",
        "conventional",
        "traditional",
        "regular",
        "strict",
        "full",
        "classic",
        "normal",
        "slow",
        "controlled",
        "supported",
        "horizontal",
        "45",
        "degree",
    }
)

# Modifiers that change the emphasis but not the muscle groups much: dropped last.
HARD_MODIFIERS = frozenset(
    {
        "closegrip",
        "widegrip",
        "neutralgrip",
        "underhand",
        "overhand",
        "onearm",
        "oneleg",
        "incline",
        "decline",
        "deficit",
        "partial",
        "banded",
        "isometric",
        "stance",
    }
)

_WORD_FORMS = {
    "flyes": "fly",
    "flys": "fly",
    "calves": "calf",
    "biceps": "bicep",
    "triceps": "tricep",
    "presses": "press",
    "crunches": "crunch",
}
_DASH_SPLIT = re.compile(r"\s[-\u2013\u2014]\s*|\s*[-\u2013\u2014]\s")
_PARENS = re.compile(r"\(([^()]*)\)")


def _stem(word: str) -> str:
    """Reduce a plural to its singular with a few safe rules (`curls` → `curl`)."""
    if word in _WORD_FORMS:
        return _WORD_FORMS[word]
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith(("ches", "shes", "xes")):
        return word[:-2]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def name_tokens(text: str) -> list[str]:
    """Canonical tokens of a name: translated, rewritten, singular, without filler words.

    Example:
        `name_tokens("Flat Dumbbell Bench Presses")` returns
        `["flat", "dumbbell", "bench", "press"]`.
    """
    spaced = f" {normalise_name(text)} "
    spaced = _TRANSLATION_PATTERN.sub(lambda m: _TRANSLATIONS[m.group(1)], spaced)
    if _ANY_REWRITE.search(spaced):
        for pattern, replacement in _COMPILED_REWRITES:
            spaced = pattern.sub(replacement, spaced)
    return [_stem(word) for word in spaced.split() if word not in STOPWORDS]


class NameParts(NamedTuple):
    """A name taken apart: what is done, with what, and any further detail."""

    movement: frozenset[str]
    equipment: frozenset[str]
    details: frozenset[str]


def name_parts(text: str) -> NameParts:
    """Split an exercise name into movement, equipment and detail tokens.

    Text in parentheses and after a spaced dash is detail or equipment; equipment words inside
    the name itself (`Dumbbell Bench Press`, `Leg Extension Machine`) are equipment too.

    Example:
        `name_parts("Triceps Pushdown (Cable - Straight Bar)")` gives movement
        `{"tricep", "pushdown"}` and equipment `{"cable", "straightbar"}`.
    """
    inside = _PARENS.findall(text)
    outside = _PARENS.sub(" ", text)
    pieces = _DASH_SPLIT.split(outside)
    head = name_tokens(pieces[0])
    extra = [token for piece in [*pieces[1:], *inside] for token in name_tokens(piece)]
    equipment = frozenset(t for t in [*head, *extra] if t in EQUIPMENT)
    movement = frozenset(t for t in head if t not in EQUIPMENT)
    details = frozenset(t for t in extra if t not in EQUIPMENT) - movement
    if not movement and details:
        # `(Barbell) Squat`-like oddities: whatever is not equipment is the movement.
        movement, details = details, frozenset()
    return NameParts(movement, equipment, details)
