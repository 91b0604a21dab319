"""Weight units: every weight is stored in kilograms and shown in the athlete's unit."""

from __future__ import annotations

from pipelines.schemas import LB_TO_KG

# Words people and exports use for a unit, mapped to the stored code.
UNIT_WORDS = {
    "kg": "kg",
    "kgs": "kg",
    "kilogram": "kg",
    "kilograms": "kg",
    "lb": "lb",
    "lbs": "lb",
    "pound": "lb",
    "pounds": "lb",
}


def to_kg(weight: float, unit: str) -> float:
    """Convert a weight in `unit` (kg or lb) to kilograms (1 lb = 0.45359237 kg)."""
    return float(weight) * LB_TO_KG if unit == "lb" else float(weight)


def from_kg(weight_kg: float, unit: str) -> float:
    """Convert kilograms to `unit` (kg or lb)."""
    return float(weight_kg) / LB_TO_KG if unit == "lb" else float(weight_kg)
