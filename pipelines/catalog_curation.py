"""Curated facts that the exercise catalog build adds to free-exercise-db.

Everything here is data: the muscle-group vocabulary with regions, the anatomy that the seed
article names, the four seed moves the source lacks, per-exercise overrides of the load-type
and unilateral heuristics, bodyweight factors, stance and cues, aliases used by other apps,
variations, and the beginner back-and-legs template. `pipelines.build_catalog` turns it into
`data/*.csv`. All prose is Liftboard's own wording.
"""

from __future__ import annotations

from typing import NamedTuple


class MuscleGroup(NamedTuple):
    """One of the 17 free-exercise-db muscle groups and the body region it belongs to."""

    muscle_group: str
    region: str


class Muscle(NamedTuple):
    """A named anatomical muscle mapped onto a muscle group."""

    muscle: str
    muscle_group: str
    description: str


class SeedExercise(NamedTuple):
    """An exercise of the seed workout that free-exercise-db does not have."""

    exercise_id: str
    name: str
    category: str
    equipment: str
    mechanic: str
    force: str
    level: str
    primary: tuple[str, ...]
    secondary: tuple[str, ...]


class Variation(NamedTuple):
    """A way to make an exercise harder, easier, or do it with other equipment."""

    exercise_id: str
    variation: str
    kind: str
    description: str
    target_exercise_id: str


class Template(NamedTuple):
    """A workout template: rounds done in order, each round repeated `passes_per_round` times."""

    template_id: str
    name: str
    description: str
    rounds: int
    passes_per_round: int
    rest_s: int
    minutes_min: int
    minutes_max: int
    defaults_note: str


class TemplateItem(NamedTuple):
    """One exercise slot of a template; `reps` or `seconds` is set, never both."""

    template_id: str
    round_no: int
    exercise_id: str
    reps: int | None
    seconds: int | None
    per_side: bool
    role: str
    notes: str


LOAD_TYPES = ("weighted", "bodyweight", "weighted_bodyweight", "assisted", "timed", "distance")
VARIATION_KINDS = ("harder", "easier", "equipment")

# In display order: back, legs, core, shoulders, chest, arms.
MUSCLE_GROUPS: tuple[MuscleGroup, ...] = (
    MuscleGroup("lats", "back"),
    MuscleGroup("middle back", "back"),
    MuscleGroup("lower back", "back"),
    MuscleGroup("traps", "back"),
    MuscleGroup("quadriceps", "legs"),
    MuscleGroup("hamstrings", "legs"),
    MuscleGroup("glutes", "legs"),
    MuscleGroup("calves", "legs"),
    MuscleGroup("adductors", "legs"),
    MuscleGroup("abductors", "legs"),
    MuscleGroup("abdominals", "core"),
    MuscleGroup("shoulders", "shoulders"),
    MuscleGroup("neck", "shoulders"),
    MuscleGroup("chest", "chest"),
    MuscleGroup("biceps", "arms"),
    MuscleGroup("triceps", "arms"),
    MuscleGroup("forearms", "arms"),
)

MUSCLES: tuple[Muscle, ...] = (
    Muscle(
        "gastrocnemius",
        "calves",
        "The bigger, two-headed calf muscle that shapes the back of the lower leg and crosses "
        "both the knee and the ankle. Straight-leg calf raises, jumps and running train it.",
    ),
    Muscle(
        "soleus",
        "calves",
        "A flat calf muscle lying underneath the gastrocnemius, running from just below the "
        "knee to the heel. Calf raises with bent knees, such as seated ones, load it most.",
    ),
    Muscle(
        "quadriceps",
        "quadriceps",
        "Four muscles on the front of the thigh that straighten the knee. Squats, lunges, "
        "leg presses and leg extensions build them.",
    ),
    Muscle(
        "hamstrings",
        "hamstrings",
        "Three muscles along the back of the thigh that bend the knee and drive the hip back. "
        "Romanian deadlifts, good mornings and leg curls work them.",
    ),
    Muscle(
        "latissimus dorsi",
        "lats",
        "The largest upper-body muscle: a wide sheet over the back of the rib cage, reaching "
        "from the pelvis up to just under the shoulder blades. Pull-ups and lat pulldowns are "
        "its signature exercises.",
    ),
    Muscle(
        "erector spinae",
        "lower back",
        "A long column of muscle on each side of the spine, from the pelvis all the way up to "
        "the neck, that holds the back upright. Deadlifts, back extensions and Supermans work it.",
    ),
    Muscle(
        "trapezius",
        "traps",
        "A broad, diamond-shaped muscle over the upper back that surrounds the shoulder blades "
        "and runs from the middle of the back up to the neck. Rows, shrugs and high pulls "
        "train it.",
    ),
    Muscle(
        "rhomboid major",
        "middle back",
        "Sits under the trapezius between the spine and the shoulder blade, below the rhomboid "
        "minor, and draws the shoulder blades together. It pulls alongside the lats in rows "
        "such as the renegade row.",
    ),
    Muscle(
        "rhomboid minor",
        "middle back",
        "A small band of muscle just above the rhomboid major that ties the upper spine to the "
        "shoulder blade. It helps squeeze the shoulder blades back in rows and other pulls.",
    ),
    Muscle(
        "gluteus maximus",
        "glutes",
        "The big muscle of the buttock, which extends the hip and turns the thigh outwards. "
        "Hip thrusts, deadlifts, squats and lunges train it.",
    ),
    Muscle(
        "rectus abdominis",
        "abdominals",
        "The long paired muscle down the front of the belly that curls the trunk forward and "
        "braces it. Crunches, leg raises and planks work it.",
    ),
    Muscle(
        "deltoids",
        "shoulders",
        "The rounded cap over the shoulder joint, with front, side and rear parts that lift the "
        "arm. Overhead presses, lateral raises and reverse flyes train it.",
    ),
)

# The seed workout's moves that free-exercise-db lacks (muscles as in REFERENCE.md §2).
SEED_EXERCISES: tuple[SeedExercise, ...] = (
    SeedExercise(
        "Suitcase_Deadlift",
        "Suitcase Deadlift",
        "strength",
        "dumbbell",
        "compound",
        "pull",
        "beginner",
        ("glutes", "quadriceps", "hamstrings"),
        ("lower back", "abdominals", "traps", "forearms"),
    ),
    SeedExercise(
        "Plank_Up-Down",
        "Plank Up-Down",
        "strength",
        "body only",
        "compound",
        "push",
        "beginner",
        ("abdominals",),
        ("shoulders", "triceps", "chest"),
    ),
    SeedExercise(
        "Single-Leg_Pick-Up",
        "Single-Leg Pick-Up",
        "strength",
        "body only",
        "compound",
        "pull",
        "beginner",
        ("hamstrings", "glutes"),
        ("lower back", "adductors", "calves", "abdominals"),
    ),
    SeedExercise(
        "Windmill_Skater",
        "Windmill Skater",
        "plyometrics",
        "body only",
        "compound",
        "push",
        "beginner",
        ("glutes", "quadriceps"),
        ("adductors", "abductors", "hamstrings", "calves", "abdominals", "lower back"),
    ),
)

# Where the name/equipment heuristics of the build get the load type wrong.
LOAD_TYPE_OVERRIDES: dict[str, str] = {
    # The seed workout.
    "Suitcase_Deadlift": "weighted",
    "Kettlebell_Sumo_High_Pull": "weighted",
    "Plank_Up-Down": "bodyweight",
    "Single-Leg_Pick-Up": "bodyweight",
    "Windmill_Skater": "bodyweight",
    "Superman": "bodyweight",
    # Listed as stretches in the source, but done for reps with the body as the load.
    "Split_Squats": "bodyweight",
    "Sit_Squats": "bodyweight",
    "Frog_Hops": "bodyweight",
    "Crossover_Reverse_Lunge": "bodyweight",
    # The body is the load; the equipment only guides it (or it is a band).
    "Bodyweight_Flyes": "bodyweight",
    "Single-Leg_High_Box_Squat": "bodyweight",
    "Seated_Band_Hamstring_Curl": "bodyweight",
    # Conditioning work measured by time.
    "Battling_Ropes": "timed",
    "Balance_Board": "timed",
    # A loaded sled pushed, and a sledgehammer swung: logged with their load.
    "Prowler_Sprint": "weighted",
    "Sledgehammer_Swings": "weighted",
}

# Where the name heuristics of the build get "one side at a time" wrong.
UNILATERAL_OVERRIDES: dict[str, bool] = {
    "Suitcase_Deadlift": True,
    "Single-Leg_Pick-Up": True,
    "Windmill_Skater": True,
    "Concentration_Curls": True,
    "Standing_Concentration_Curl": True,
    "Dumbbell_Side_Bend": True,
    "Bent_Press": True,
    "Kettlebell_Turkish_Get-Up_Lunge_style": True,
    "Kettlebell_Turkish_Get-Up_Squat_style": True,
    "Split_Jump": False,
}

# Share of bodyweight moved, for tonnage estimates of bodyweight-type moves; 0 = no estimate.
_PULL_UPS = (
    "Pullups",
    "Chin-Up",
    "Wide-Grip_Rear_Pull-Up",
    "V-Bar_Pullup",
    "Mixed_Grip_Chin",
    "Gironda_Sternum_Chins",
    "Side_To_Side_Chins",
    "One_Arm_Chin-Up",
    "Rocky_Pull-Ups_Pulldowns",
    "Weighted_Pull_Ups",
    "Band_Assisted_Pull-Up",
    "Muscle_Up",
    "Kipping_Muscle_Up",
)
_DIPS = ("Parallel_Bar_Dip", "Dips_-_Chest_Version", "Dips_-_Triceps_Version", "Ring_Dips")
_PUSH_UPS = (
    "Pushups",
    "Push-Up_Wide",
    "Push-Ups_-_Close_Triceps_Position",
    "Pushups_Close_and_Wide_Hand_Positions",
    "Clock_Push-Up",
    "Close-Grip_Push-Up_off_of_a_Dumbbell",
    "Single-Arm_Push-Up",
    "Push_Up_to_Side_Plank",
    "Plyo_Push-up",
    "Suspended_Push-Up",
)
# Hands raised on a box carry less of the body, feet raised more (Ebben et al. 2011).
_INCLINE_PUSH_UPS = (
    "Incline_Push-Up",
    "Incline_Push-Up_Close-Grip",
    "Incline_Push-Up_Medium",
    "Incline_Push-Up_Reverse_Grip",
    "Incline_Push-Up_Wide",
)
_DECLINE_PUSH_UPS = ("Decline_Push-Up", "Push-Ups_With_Feet_Elevated")
_INVERTED_ROWS = ("Inverted_Row", "Inverted_Row_with_Straps", "Suspended_Row", "Bodyweight_Mid_Row")
_SQUATS_AND_LUNGES = ("Bodyweight_Squat", "Bodyweight_Walking_Lunge", "Split_Squats")

BODYWEIGHT_FACTORS: dict[str, float] = {
    **dict.fromkeys(_PULL_UPS, 1.0),
    **dict.fromkeys(_DIPS, 1.0),
    **dict.fromkeys(_PUSH_UPS, 0.64),
    **dict.fromkeys(_INCLINE_PUSH_UPS, 0.55),
    **dict.fromkeys(_DECLINE_PUSH_UPS, 0.7),
    **dict.fromkeys(_INVERTED_ROWS, 0.6),
    **dict.fromkeys(_SQUATS_AND_LUNGES, 0.7),
}

# Stance and cues for the seed workout's six moves: (stance, cues).
STANCE_AND_CUES: dict[str, tuple[str, str]] = {
    "Suitcase_Deadlift": (
        "Feet shoulder-width apart and level; go a little wider or narrower if that is "
        "more comfortable.",
        "Hold one weight at your side like a suitcase. Hinge at the hips and stand tall "
        "without leaning towards the weight. Finish one side, then switch.",
    ),
    "Kettlebell_Sumo_High_Pull": (
        "Wide: about 2 to 3 ft (60 to 90 cm) between the feet, depending on your height.",
        "Use a kettlebell or a dumbbell, never a barbell. Sit down between the heels, then "
        "drive up and pull the weight to chest height, elbows leading high.",
    ),
    "Plank_Up-Down": (
        "Feet hip-width apart or closer so they move as one; hands right under the shoulders.",
        "From a high plank, jump the feet in and back out together, bending both knees at "
        "once. Keep the hips level and the core braced.",
    ),
    "Single-Leg_Pick-Up": (
        "Stand on one leg with the knee slightly bent.",
        "Hinge forward and touch the floor with the hand opposite the standing leg while the "
        "free leg stays straight behind you. Pick a starting side and keep that order all round.",
    ),
    "Windmill_Skater": (
        "Land on one leg at a time, moving side to side.",
        "Jump sideways onto one leg and reach the opposite hand across your body to the floor. "
        "Keep the shoulders back and the lower back straight, then push off to the other side.",
    ),
    "Superman": (
        "Lying face down, arms stretched out past the head, legs long.",
        "Lift the arms, chest and legs off the floor together, squeeze the back and glutes, "
        "then lower with control. For a timed set, hold the top position.",
    ),
}

# Names other apps use (Strong, Hevy, FitNotes, and the seed article's own spellings),
# mapped onto the closest catalog exercise. Several spellings may normalise alike; the build
# keeps the first and fails if two spellings that normalise alike point at different ids.
ALIASES: tuple[tuple[str, str], ...] = (
    # Chest
    ("Bench Press (Barbell)", "Barbell_Bench_Press_-_Medium_Grip"),
    ("Bench Press", "Barbell_Bench_Press_-_Medium_Grip"),
    ("Barbell Bench Press", "Barbell_Bench_Press_-_Medium_Grip"),
    ("Flat Barbell Bench Press", "Barbell_Bench_Press_-_Medium_Grip"),
    ("Bench Press (Dumbbell)", "Dumbbell_Bench_Press"),
    ("Flat Dumbbell Bench Press", "Dumbbell_Bench_Press"),
    ("Bench Press (Smith Machine)", "Smith_Machine_Bench_Press"),
    ("Bench Press (Cable)", "Cable_Chest_Press"),
    ("Bench Press (Band)", "Bench_Press_-_With_Bands"),
    ("Bench Press - Close Grip (Barbell)", "Close-Grip_Barbell_Bench_Press"),
    ("Close Grip Bench Press", "Close-Grip_Barbell_Bench_Press"),
    ("Close Grip Barbell Bench Press", "Close-Grip_Barbell_Bench_Press"),
    ("Bench Press - Wide Grip (Barbell)", "Wide-Grip_Barbell_Bench_Press"),
    ("Incline Bench Press (Barbell)", "Barbell_Incline_Bench_Press_-_Medium_Grip"),
    ("Incline Barbell Bench Press", "Barbell_Incline_Bench_Press_-_Medium_Grip"),
    ("Incline Bench Press (Dumbbell)", "Incline_Dumbbell_Press"),
    ("Incline Dumbbell Bench Press", "Incline_Dumbbell_Press"),
    ("Incline Bench Press (Smith Machine)", "Smith_Machine_Incline_Bench_Press"),
    ("Incline Bench Press (Cable)", "Incline_Cable_Chest_Press"),
    ("Decline Bench Press (Barbell)", "Decline_Barbell_Bench_Press"),
    ("Decline Bench Press (Dumbbell)", "Decline_Dumbbell_Bench_Press"),
    ("Decline Bench Press (Smith Machine)", "Smith_Machine_Decline_Press"),
    ("Floor Press (Barbell)", "Floor_Press"),
    ("Floor Press (Dumbbell)", "Dumbbell_Floor_Press"),
    ("Chest Press (Machine)", "Machine_Bench_Press"),
    ("Iso-Lateral Chest Press (Machine)", "Leverage_Chest_Press"),
    ("Incline Chest Press (Machine)", "Leverage_Incline_Chest_Press"),
    ("Chest Fly (Dumbbell)", "Dumbbell_Flyes"),
    ("Flat Dumbbell Fly", "Dumbbell_Flyes"),
    ("Incline Chest Fly (Dumbbell)", "Incline_Dumbbell_Flyes"),
    ("Incline Dumbbell Fly", "Incline_Dumbbell_Flyes"),
    ("Decline Chest Fly (Dumbbell)", "Decline_Dumbbell_Flyes"),
    ("Chest Fly (Band)", "Cross_Over_-_With_Bands"),
    ("Chest Fly (Machine)", "Butterfly"),
    ("Chest Fly (Cable)", "Cable_Crossover"),
    ("Cable Fly Crossovers", "Cable_Crossover"),
    ("Low Cable Fly Crossovers", "Low_Cable_Crossover"),
    ("Incline Cable Fly", "Incline_Cable_Flye"),
    ("Pec Deck (Machine)", "Butterfly"),
    ("Butterfly (Pec Deck)", "Butterfly"),
    ("Seated Machine Fly", "Butterfly"),
    ("Push Up", "Pushups"),
    ("Push Ups", "Pushups"),
    ("Pushup", "Pushups"),
    ("Diamond Push Up", "Push-Ups_-_Close_Triceps_Position"),
    ("Close Grip Push Up", "Push-Ups_-_Close_Triceps_Position"),
    ("Wide Push Up", "Push-Up_Wide"),
    ("Decline Push Up", "Decline_Push-Up"),
    ("Incline Push Ups", "Incline_Push-Up"),
    ("Clap Push Up", "Plyo_Push-up"),
    ("Chest Dip", "Dips_-_Chest_Version"),
    ("Dips", "Parallel_Bar_Dip"),
    ("Dip", "Parallel_Bar_Dip"),
    ("Pullover (Dumbbell)", "Straight-Arm_Dumbbell_Pullover"),
    ("Dumbbell Pullover", "Straight-Arm_Dumbbell_Pullover"),
    ("Pullover (Barbell)", "Bent-Arm_Barbell_Pullover"),
    ("Around the World", "Around_The_Worlds"),
    # Back
    ("Deadlift (Barbell)", "Barbell_Deadlift"),
    ("Deadlift", "Barbell_Deadlift"),
    ("Conventional Deadlift", "Barbell_Deadlift"),
    ("Deadlift (Trap Bar)", "Trap_Bar_Deadlift"),
    ("Hex Bar Deadlift", "Trap_Bar_Deadlift"),
    ("Sumo Deadlift (Barbell)", "Sumo_Deadlift"),
    ("Deficit Deadlift (Barbell)", "Deficit_Deadlift"),
    ("Rack Pull (Barbell)", "Rack_Pulls"),
    ("Rack Pull", "Rack_Pulls"),
    ("Romanian Deadlift (Barbell)", "Romanian_Deadlift"),
    ("RDL", "Romanian_Deadlift"),
    ("Romanian Deadlift (Dumbbell)", "Stiff-Legged_Dumbbell_Deadlift"),
    ("Dumbbell Romanian Deadlift", "Stiff-Legged_Dumbbell_Deadlift"),
    ("Stiff Leg Deadlift (Barbell)", "Stiff-Legged_Barbell_Deadlift"),
    ("Stiff-Legged Deadlift", "Stiff-Legged_Barbell_Deadlift"),
    ("Straight Leg Deadlift", "Stiff-Legged_Barbell_Deadlift"),
    ("Stiff Leg Deadlift (Dumbbell)", "Stiff-Legged_Dumbbell_Deadlift"),
    ("Single Leg Romanian Deadlift (Dumbbell)", "Kettlebell_One-Legged_Deadlift"),
    ("Single Leg Romanian Deadlift (Kettlebell)", "Kettlebell_One-Legged_Deadlift"),
    ("Good Morning (Barbell)", "Good_Morning"),
    ("Pull Up", "Pullups"),
    ("Pull Ups", "Pullups"),
    ("Pullup", "Pullups"),
    ("Wide Pull Up", "Pullups"),
    ("Wide Grip Pull Up", "Pullups"),
    ("Kipping Pull Up", "Pullups"),
    ("Neutral Grip Pull Up", "V-Bar_Pullup"),
    ("Neutral Chin Up", "V-Bar_Pullup"),
    ("Pull Up (Band)", "Band_Assisted_Pull-Up"),
    ("Pull Up (Assisted)", "Band_Assisted_Pull-Up"),
    ("Assisted Pull Up", "Band_Assisted_Pull-Up"),
    ("Chin Up (Assisted)", "Band_Assisted_Pull-Up"),
    ("Pull Up (Weighted)", "Weighted_Pull_Ups"),
    ("Weighted Pull Up", "Weighted_Pull_Ups"),
    ("Chin Up", "Chin-Up"),
    ("Chin Ups", "Chin-Up"),
    ("Chinup", "Chin-Up"),
    ("Lat Pulldown (Cable)", "Wide-Grip_Lat_Pulldown"),
    ("Lat Pulldown (Machine)", "Wide-Grip_Lat_Pulldown"),
    ("Lat Pulldown", "Wide-Grip_Lat_Pulldown"),
    ("Lat Pull Down", "Wide-Grip_Lat_Pulldown"),
    ("Lat Pulldown - Wide Grip (Cable)", "Wide-Grip_Lat_Pulldown"),
    ("Lat Pulldown - Close Grip (Cable)", "Close-Grip_Front_Lat_Pulldown"),
    ("Lat Pulldown - Underhand (Cable)", "Underhand_Cable_Pulldowns"),
    ("Reverse Grip Lat Pulldown (Cable)", "Underhand_Cable_Pulldowns"),
    ("Lat Pulldown (Single Arm)", "One_Arm_Lat_Pulldown"),
    ("Single Arm Lat Pulldown", "One_Arm_Lat_Pulldown"),
    ("V Bar Lat Pulldown", "V-Bar_Pulldown"),
    ("Straight Arm Lat Pulldown (Cable)", "Straight-Arm_Pulldown"),
    ("Straight-Arm Cable Pushdown", "Straight-Arm_Pulldown"),
    ("Bent Over Row (Barbell)", "Bent_Over_Barbell_Row"),
    ("Barbell Row", "Bent_Over_Barbell_Row"),
    ("Barbell Bent Over Row", "Bent_Over_Barbell_Row"),
    ("Pendlay Row (Barbell)", "Bent_Over_Barbell_Row"),
    ("Pendlay Row", "Bent_Over_Barbell_Row"),
    ("Bent Over Row - Underhand (Barbell)", "Reverse_Grip_Bent-Over_Rows"),
    ("Bent Over Row (Dumbbell)", "Bent_Over_Two-Dumbbell_Row"),
    ("Bent Over One Arm Row (Dumbbell)", "One-Arm_Dumbbell_Row"),
    ("Dumbbell Row", "One-Arm_Dumbbell_Row"),
    ("Single Arm Dumbbell Row", "One-Arm_Dumbbell_Row"),
    ("Incline Row (Dumbbell)", "Dumbbell_Incline_Row"),
    ("Chest Supported Incline Row (Dumbbell)", "Dumbbell_Incline_Row"),
    ("Seated Cable Row", "Seated_Cable_Rows"),
    ("Seated Row (Cable)", "Seated_Cable_Rows"),
    ("Seated Cable Row - V Grip (Cable)", "Seated_Cable_Rows"),
    ("Seated Cable Row - Bar Grip", "Seated_Cable_Rows"),
    ("Seated Wide-Grip Row (Cable)", "Seated_Cable_Rows"),
    ("Single Arm Cable Row", "Seated_One-arm_Cable_Pulley_Rows"),
    ("Seated Row (Machine)", "Leverage_Iso_Row"),
    ("Iso-Lateral Row (Machine)", "Leverage_Iso_Row"),
    ("Hammer Strength Row", "Leverage_Iso_Row"),
    ("T Bar Row", "T-Bar_Row_with_Handle"),
    ("T-Bar Row", "T-Bar_Row_with_Handle"),
    ("Inverted Row (Bodyweight)", "Inverted_Row"),
    ("Australian Pull Up", "Inverted_Row"),
    ("Kettlebell Row", "One-Arm_Kettlebell_Row"),
    ("Renegade Row (Dumbbell)", "Alternating_Renegade_Row"),
    ("Renegade Row (Kettlebell)", "Alternating_Renegade_Row"),
    ("Renegade Row", "Alternating_Renegade_Row"),
    ("Shrug (Barbell)", "Barbell_Shrug"),
    ("Shrug (Dumbbell)", "Dumbbell_Shrug"),
    ("Shrug (Machine)", "Leverage_Shrug"),
    ("Machine Shrug", "Leverage_Shrug"),
    ("Shrug (Cable)", "Cable_Shrugs"),
    ("Back Extension", "Hyperextensions_Back_Extensions"),
    ("Back Extension (Hyperextension)", "Hyperextensions_Back_Extensions"),
    ("Hyperextension", "Hyperextensions_Back_Extensions"),
    ("Face Pull (Cable)", "Face_Pull"),
    ("Cable Face Pull", "Face_Pull"),
    ("Upright Row (Barbell)", "Upright_Barbell_Row"),
    ("Upright Row", "Upright_Barbell_Row"),
    ("Upright Row (Dumbbell)", "Standing_Dumbbell_Upright_Row"),
    ("Upright Row (Cable)", "Upright_Cable_Row"),
    # Shoulders
    ("Overhead Press (Barbell)", "Standing_Military_Press"),
    ("Overhead Press", "Standing_Military_Press"),
    ("Military Press", "Standing_Military_Press"),
    ("Strict Military Press (Barbell)", "Standing_Military_Press"),
    ("OHP", "Standing_Military_Press"),
    ("Overhead Press (Dumbbell)", "Standing_Dumbbell_Press"),
    ("Overhead Press (Smith Machine)", "Smith_Machine_Overhead_Shoulder_Press"),
    ("Overhead Press (Cable)", "Cable_Shoulder_Press"),
    ("Overhead Press (Kettlebell)", "Two-Arm_Kettlebell_Military_Press"),
    ("Seated Overhead Press (Barbell)", "Seated_Barbell_Military_Press"),
    ("Seated Overhead Press (Dumbbell)", "Seated_Dumbbell_Press"),
    ("Shoulder Press (Dumbbell)", "Dumbbell_Shoulder_Press"),
    ("Shoulder Press (Barbell)", "Barbell_Shoulder_Press"),
    ("Shoulder Press (Machine)", "Machine_Shoulder_Military_Press"),
    ("Shoulder Press (Plate Loaded)", "Leverage_Shoulder_Press"),
    ("Behind the Neck Barbell Press", "Standing_Barbell_Press_Behind_Neck"),
    ("Push Press (Barbell)", "Push_Press"),
    ("Arnold Press (Dumbbell)", "Arnold_Dumbbell_Press"),
    ("Arnold Press", "Arnold_Dumbbell_Press"),
    ("Arnold Press (Kettlebell)", "Kettlebell_Arnold_Press"),
    ("Lateral Raise (Dumbbell)", "Side_Lateral_Raise"),
    ("Lateral Raise", "Side_Lateral_Raise"),
    ("Lateral Dumbbell Raise", "Side_Lateral_Raise"),
    ("Dumbbell Lateral Raise", "Side_Lateral_Raise"),
    ("Lateral Raise (Cable)", "Standing_Low-Pulley_Deltoid_Raise"),
    ("Lateral Cable Raise", "Standing_Low-Pulley_Deltoid_Raise"),
    ("Single Arm Lateral Raise (Cable)", "Standing_Low-Pulley_Deltoid_Raise"),
    ("Lateral Raise (Band)", "Lateral_Raise_-_With_Bands"),
    ("Seated Lateral Raise (Dumbbell)", "Seated_Side_Lateral_Raise"),
    ("Seated Dumbbell Lateral Raise", "Seated_Side_Lateral_Raise"),
    ("Front Raise (Dumbbell)", "Front_Dumbbell_Raise"),
    ("Front Raise (Barbell)", "Standing_Front_Barbell_Raise_Over_Head"),
    ("Front Raise (Cable)", "Front_Cable_Raise"),
    ("Front Raise (Plate)", "Front_Plate_Raise"),
    ("Reverse Fly (Dumbbell)", "Reverse_Flyes"),
    ("Rear Delt Reverse Fly (Dumbbell)", "Reverse_Flyes"),
    ("Rear Delt Fly (Dumbbell)", "Reverse_Flyes"),
    ("Rear Delt Dumbbell Raise", "Seated_Bent-Over_Rear_Delt_Raise"),
    ("Reverse Fly (Cable)", "Cable_Rear_Delt_Fly"),
    ("Rear Delt Reverse Fly (Cable)", "Cable_Rear_Delt_Fly"),
    ("Reverse Fly (Machine)", "Reverse_Machine_Flyes"),
    ("Rear Delt Reverse Fly (Machine)", "Reverse_Machine_Flyes"),
    ("Handstand Push Up", "Handstand_Push-Ups"),
    ("External Rotation (Dumbbell)", "External_Rotation"),
    ("Shoulder External Rotation (Cable)", "External_Rotation_with_Cable"),
    # Arms
    ("Bicep Curl (Barbell)", "Barbell_Curl"),
    ("Biceps Curl (Barbell)", "Barbell_Curl"),
    ("Bicep Curl (Dumbbell)", "Dumbbell_Bicep_Curl"),
    ("Biceps Curl (Dumbbell)", "Dumbbell_Bicep_Curl"),
    ("Dumbbell Curl", "Dumbbell_Bicep_Curl"),
    ("Alternating Bicep Curl (Dumbbell)", "Dumbbell_Alternate_Bicep_Curl"),
    ("Bicep Curl (Cable)", "Standing_Biceps_Cable_Curl"),
    ("Cable Curl", "Standing_Biceps_Cable_Curl"),
    ("Bicep Curl (Machine)", "Machine_Bicep_Curl"),
    ("Bicep Curl (EZ Bar)", "EZ-Bar_Curl"),
    ("EZ Bar Biceps Curl", "EZ-Bar_Curl"),
    ("Hammer Curl (Dumbbell)", "Hammer_Curls"),
    ("Hammer Curl", "Hammer_Curls"),
    ("Dumbbell Hammer Curl", "Hammer_Curls"),
    ("Hammer Curl (Cable)", "Cable_Hammer_Curls_-_Rope_Attachment"),
    ("Concentration Curl (Dumbbell)", "Concentration_Curls"),
    ("Dumbbell Concentration Curl", "Concentration_Curls"),
    ("Incline Curl (Dumbbell)", "Incline_Dumbbell_Curl"),
    ("Seated Incline Dumbbell Curl", "Incline_Dumbbell_Curl"),
    ("Preacher Curl (Barbell)", "Preacher_Curl"),
    ("Preacher Curl (EZ Bar)", "Preacher_Curl"),
    ("EZ-Bar Preacher Curl", "Preacher_Curl"),
    ("Preacher Curl (Dumbbell)", "One_Arm_Dumbbell_Preacher_Curl"),
    ("Dumbbell Preacher Curl", "One_Arm_Dumbbell_Preacher_Curl"),
    ("Preacher Curl (Machine)", "Machine_Preacher_Curls"),
    ("Preacher Curl (Cable)", "Cable_Preacher_Curl"),
    ("Spider Curl (Barbell)", "Spider_Curl"),
    ("Reverse Curl (Barbell)", "Reverse_Barbell_Curl"),
    ("Reverse Curl (Dumbbell)", "Standing_Dumbbell_Reverse_Curl"),
    ("Reverse Curl (Cable)", "Reverse_Cable_Curl"),
    ("Wrist Curl (Barbell)", "Seated_Palm-Up_Barbell_Wrist_Curl"),
    ("Wrist Curl (Dumbbell)", "Seated_Dumbbell_Palms-Up_Wrist_Curl"),
    ("Seated Palms Up Wrist Curl (Dumbbell)", "Seated_Dumbbell_Palms-Up_Wrist_Curl"),
    ("Reverse Wrist Curl (Barbell)", "Seated_Palms-Down_Barbell_Wrist_Curl"),
    ("Triceps Pushdown (Cable - Straight Bar)", "Triceps_Pushdown"),
    ("Tricep Pushdown", "Triceps_Pushdown"),
    ("Cable Tricep Pushdown", "Triceps_Pushdown"),
    ("Triceps Pushdown (Cable)", "Triceps_Pushdown"),
    ("Triceps Rope Pushdown", "Triceps_Pushdown_-_Rope_Attachment"),
    ("Triceps Pushdown (Rope)", "Triceps_Pushdown_-_Rope_Attachment"),
    ("Rope Push Down", "Triceps_Pushdown_-_Rope_Attachment"),
    ("Rope Pushdown", "Triceps_Pushdown_-_Rope_Attachment"),
    ("V-Bar Push Down", "Triceps_Pushdown_-_V-Bar_Attachment"),
    ("Triceps Extension (Dumbbell)", "Standing_Dumbbell_Triceps_Extension"),
    ("Triceps Extension", "Standing_Dumbbell_Triceps_Extension"),
    ("Dumbbell Overhead Triceps Extension", "Standing_Dumbbell_Triceps_Extension"),
    ("Single Arm Triceps Extension (Dumbbell)", "Dumbbell_One-Arm_Triceps_Extension"),
    ("Triceps Extension (Cable)", "Cable_Rope_Overhead_Triceps_Extension"),
    ("Overhead Triceps Extension (Cable)", "Cable_Rope_Overhead_Triceps_Extension"),
    ("Cable Overhead Triceps Extension", "Cable_Rope_Overhead_Triceps_Extension"),
    ("Triceps Extension (Barbell)", "Standing_Overhead_Barbell_Triceps_Extension"),
    ("Triceps Extension (Machine)", "Machine_Triceps_Extension"),
    ("Skullcrusher (Barbell)", "Lying_Triceps_Press"),
    ("Skullcrusher", "Lying_Triceps_Press"),
    ("Skull Crusher", "Lying_Triceps_Press"),
    ("Lying Triceps Extension", "Lying_Triceps_Press"),
    ("Skullcrusher (EZ Bar)", "EZ-Bar_Skullcrusher"),
    ("Skullcrusher (Dumbbell)", "Lying_Dumbbell_Tricep_Extension"),
    ("Triceps Kickback (Dumbbell)", "Tricep_Dumbbell_Kickback"),
    ("Tricep Kickback", "Tricep_Dumbbell_Kickback"),
    ("Triceps Dip", "Dips_-_Triceps_Version"),
    ("Parallel Bar Triceps Dip", "Dips_-_Triceps_Version"),
    ("Ring Dip", "Ring_Dips"),
    ("Bench Dip", "Bench_Dips"),
    # Legs
    ("Squat (Barbell)", "Barbell_Squat"),
    ("Squat", "Barbell_Squat"),
    ("Back Squat", "Barbell_Squat"),
    ("Barbell Back Squat", "Barbell_Squat"),
    ("High Bar Squat", "Barbell_Squat"),
    ("Full Squat (Barbell)", "Barbell_Full_Squat"),
    ("Squat (Bodyweight)", "Bodyweight_Squat"),
    ("Air Squat", "Bodyweight_Squat"),
    ("Squat (Dumbbell)", "Dumbbell_Squat"),
    ("Squat (Smith Machine)", "Smith_Machine_Squat"),
    ("Squat (Band)", "Squats_-_With_Bands"),
    ("Front Squat (Barbell)", "Front_Barbell_Squat"),
    ("Front Squat", "Front_Barbell_Squat"),
    ("Barbell Front Squat", "Front_Barbell_Squat"),
    ("Front Squat (Kettlebell)", "Front_Squats_With_Two_Kettlebells"),
    ("Box Squat (Barbell)", "Box_Squat"),
    ("Zercher Squat (Barbell)", "Zercher_Squats"),
    ("Zercher Squat", "Zercher_Squats"),
    ("Overhead Squat (Barbell)", "Overhead_Squat"),
    ("Goblet Squat (Kettlebell)", "Goblet_Squat"),
    ("Goblet Squat (Dumbbell)", "Goblet_Squat"),
    ("Kettlebell Goblet Squat", "Goblet_Squat"),
    ("Sumo Squat (Dumbbell)", "Plie_Dumbbell_Squat"),
    ("Pistol Squat", "Kettlebell_Pistol_Squat"),
    ("Hack Squat (Machine)", "Hack_Squat"),
    ("Hack Squat (Barbell)", "Barbell_Hack_Squat"),
    ("Leg Press (Machine)", "Leg_Press"),
    ("Seated Leg Press (Machine)", "Leg_Press"),
    ("Jump Squat", "Freehand_Jump_Squat"),
    ("Split Squat (Dumbbell)", "Split_Squat_with_Dumbbells"),
    ("Bulgarian Split Squat", "Split_Squat_with_Dumbbells"),
    ("Bulgarian Split Squat (Dumbbell)", "Split_Squat_with_Dumbbells"),
    ("Bulgarian Split Squat (Barbell)", "One_Leg_Barbell_Squat"),
    ("Lunge (Barbell)", "Barbell_Lunge"),
    ("Lunge (Dumbbell)", "Dumbbell_Lunges"),
    ("Dumbbell Lunge", "Dumbbell_Lunges"),
    ("Lunge (Bodyweight)", "Bodyweight_Walking_Lunge"),
    ("Walking Lunge", "Bodyweight_Walking_Lunge"),
    ("Walking Lunge (Dumbbell)", "Dumbbell_Lunges"),
    ("Walking Lunge (Barbell)", "Barbell_Walking_Lunge"),
    ("Reverse Lunge (Dumbbell)", "Dumbbell_Rear_Lunge"),
    ("Step Up", "Dumbbell_Step_Ups"),
    ("Step Up (Dumbbell)", "Dumbbell_Step_Ups"),
    ("Step Up (Barbell)", "Barbell_Step_Ups"),
    ("Leg Extension (Machine)", "Leg_Extensions"),
    ("Leg Extension", "Leg_Extensions"),
    ("Leg Extension Machine", "Leg_Extensions"),
    ("Single Leg Extension (Machine)", "Single-Leg_Leg_Extension"),
    ("Lying Leg Curl (Machine)", "Lying_Leg_Curls"),
    ("Lying Leg Curl Machine", "Lying_Leg_Curls"),
    ("Lying Leg Curl", "Lying_Leg_Curls"),
    ("Leg Curl", "Lying_Leg_Curls"),
    ("Seated Leg Curl (Machine)", "Seated_Leg_Curl"),
    ("Seated Leg Curl Machine", "Seated_Leg_Curl"),
    ("Standing Leg Curl (Machine)", "Standing_Leg_Curl"),
    ("Glute-Ham Raise", "Glute_Ham_Raise"),
    ("Nordic Hamstring Curl", "Natural_Glute_Ham_Raise"),
    ("Nordic Hamstrings Curls", "Natural_Glute_Ham_Raise"),
    ("Hip Thrust (Barbell)", "Barbell_Hip_Thrust"),
    ("Hip Thrust", "Barbell_Hip_Thrust"),
    ("Hip Thrust (Bodyweight)", "Butt_Lift_Bridge"),
    ("Glute Bridge", "Butt_Lift_Bridge"),
    ("Glute Bridge (Barbell)", "Barbell_Glute_Bridge"),
    ("Single Leg Bridge", "Single_Leg_Glute_Bridge"),
    ("Glute Kickback (Cable)", "One-Legged_Cable_Kickback"),
    ("Cable Kickback", "One-Legged_Cable_Kickback"),
    ("Hip Abductor (Machine)", "Thigh_Abductor"),
    ("Hip Abduction (Machine)", "Thigh_Abductor"),
    ("Hip Adductor (Machine)", "Thigh_Adductor"),
    ("Hip Adduction (Machine)", "Thigh_Adductor"),
    ("Cable Pull Through", "Pull_Through"),
    ("Calf Raise (Machine)", "Standing_Calf_Raises"),
    ("Standing Calf Raise (Machine)", "Standing_Calf_Raises"),
    ("Standing Calf Raise Machine", "Standing_Calf_Raises"),
    ("Standing Calf Raise", "Standing_Calf_Raises"),
    ("Calf Raise", "Standing_Calf_Raises"),
    ("Standing Calf Raise (Barbell)", "Standing_Barbell_Calf_Raise"),
    ("Barbell Calf Raise", "Standing_Barbell_Calf_Raise"),
    ("Standing Calf Raise (Dumbbell)", "Standing_Dumbbell_Calf_Raise"),
    ("Standing Calf Raise (Smith Machine)", "Smith_Machine_Calf_Raise"),
    ("Seated Calf Raise (Machine)", "Seated_Calf_Raise"),
    ("Seated Calf Raise (Plate Loaded)", "Seated_Calf_Raise"),
    ("Seated Calf Raise Machine", "Seated_Calf_Raise"),
    ("Calf Press on Leg Press", "Calf_Press_On_The_Leg_Press_Machine"),
    ("Calf Press on Seated Leg Press", "Calf_Press_On_The_Leg_Press_Machine"),
    ("Calf Press (Machine)", "Calf_Press"),
    ("Donkey Calf Raise", "Donkey_Calf_Raises"),
    # Kettlebells, carries, plyometrics
    ("Kettlebell Swing", "One-Arm_Kettlebell_Swings"),
    ("Kettlebell Swings", "One-Arm_Kettlebell_Swings"),
    ("Single Arm Kettlebell Swing", "One-Arm_Kettlebell_Swings"),
    ("Kettlebell Turkish Get Up", "Kettlebell_Turkish_Get-Up_Squat_style"),
    ("Turkish Get Up", "Kettlebell_Turkish_Get-Up_Squat_style"),
    ("Kettlebell Clean", "One-Arm_Kettlebell_Clean"),
    ("Kettlebell Snatch", "One-Arm_Kettlebell_Snatch"),
    ("Kettlebell High Pull", "Kettlebell_Sumo_High_Pull"),
    ("Thruster (Kettlebell)", "Kettlebell_Thruster"),
    ("Farmer's Carry", "Farmers_Walk"),
    ("Farmers Carry", "Farmers_Walk"),
    ("Farmer Walk", "Farmers_Walk"),
    ("Box Jump", "Front_Box_Jump"),
    ("Box Jumps", "Front_Box_Jump"),
    ("Mountain Climber", "Mountain_Climbers"),
    ("Jump Rope", "Rope_Jumping"),
    ("Skipping Rope", "Rope_Jumping"),
    ("Battle Ropes", "Battling_Ropes"),
    ("Ball Slams", "Overhead_Slam"),
    ("Medicine Ball Slam", "Overhead_Slam"),
    # Olympic lifts
    ("Clean (Barbell)", "Clean"),
    ("Power Clean (Barbell)", "Power_Clean"),
    ("Hang Clean (Barbell)", "Hang_Clean"),
    ("Clean and Jerk (Barbell)", "Clean_and_Jerk"),
    ("Snatch (Barbell)", "Snatch"),
    ("Power Snatch (Barbell)", "Power_Snatch"),
    ("Hang Snatch (Barbell)", "Hang_Snatch"),
    ("Snatch Pull (Barbell)", "Snatch_Pull"),
    ("Clean Pull (Barbell)", "Clean_Pull"),
    ("Split Jerk (Barbell)", "Split_Jerk"),
    ("Power Jerk (Barbell)", "Power_Jerk"),
    # Core
    ("Crunch", "Crunches"),
    ("Crunch (Machine)", "Ab_Crunch_Machine"),
    ("Crunch Machine", "Ab_Crunch_Machine"),
    ("Crunch (Stability Ball)", "Exercise_Ball_Crunch"),
    ("Kneeling Cable Crunch", "Cable_Crunch"),
    ("Cable Crunch (Cable)", "Cable_Crunch"),
    ("Oblique Crunch", "Oblique_Crunches"),
    ("Cross Body Crunch", "Cross-Body_Crunch"),
    ("Bicycle Crunch", "Air_Bike"),
    ("Sit Up", "Sit-Up"),
    ("Sit Ups", "Sit-Up"),
    ("Jackknife Sit Up", "Jackknife_Sit-Up"),
    ("V Up", "Jackknife_Sit-Up"),
    ("Hanging Knee Raise", "Hanging_Leg_Raise"),
    ("Knee Raise (Captain's Chair)", "Knee_Hip_Raise_On_Parallel_Bars"),
    ("Knee Raise Parallel Bars", "Knee_Hip_Raise_On_Parallel_Bars"),
    ("Leg Raise Parallel Bars", "Knee_Hip_Raise_On_Parallel_Bars"),
    ("Lying Leg Raise", "Flat_Bench_Lying_Leg_Raise"),
    ("Flat Leg Raise", "Flat_Bench_Lying_Leg_Raise"),
    ("Toes To Bar", "Hanging_Pike"),
    ("Side Plank", "Side_Bridge"),
    ("Plank (Forearm)", "Plank"),
    ("Ab Wheel", "Ab_Roller"),
    ("Ab Wheel Rollout", "Ab_Roller"),
    ("Ab-Wheel Rollout", "Ab_Roller"),
    ("Russian Twist (Weighted)", "Russian_Twist"),
    ("Russian Twist (Bodyweight)", "Russian_Twist"),
    ("Cable Twist", "Cable_Russian_Twists"),
    ("Wood Chop (Cable)", "Standing_Cable_Wood_Chop"),
    ("Cable Wood Chop", "Standing_Cable_Wood_Chop"),
    ("Side Bend (Dumbbell)", "Dumbbell_Side_Bend"),
    ("Side Bend (Cable)", "One-Arm_High-Pulley_Cable_Side_Bends"),
    ("Landmine 180", "Landmine_180s"),
    # Cardio
    ("Running", "Running_Treadmill"),
    ("Running (Treadmill)", "Running_Treadmill"),
    ("Running (Outdoor)", "Running_Treadmill"),
    ("Treadmill", "Running_Treadmill"),
    ("Jogging", "Jogging_Treadmill"),
    ("Walking", "Walking_Treadmill"),
    ("Hiking", "Trail_Running_Walking"),
    ("Cycling", "Bicycling"),
    ("Cycling (Indoor)", "Bicycling_Stationary"),
    ("Stationary Bike", "Bicycling_Stationary"),
    ("Rowing (Machine)", "Rowing_Stationary"),
    ("Rowing Machine", "Rowing_Stationary"),
    ("Elliptical Machine", "Elliptical_Trainer"),
    ("Stair Climber", "Stairmaster"),
    ("Stair Machine", "Stairmaster"),
    # The seed article's moves, as people write them.
    ("Suitcase Deadlift (Dumbbell)", "Suitcase_Deadlift"),
    ("Suitcase Deadlift (Kettlebell)", "Suitcase_Deadlift"),
    ("Suitcase Deadlifts", "Suitcase_Deadlift"),
    ("Sumo High Pull (Kettlebell)", "Kettlebell_Sumo_High_Pull"),
    ("Sumo High Pull (Dumbbell)", "Kettlebell_Sumo_High_Pull"),
    ("Sumo High Pull", "Kettlebell_Sumo_High_Pull"),
    ("Sumo High Pulls", "Kettlebell_Sumo_High_Pull"),
    ("Plank Up Down", "Plank_Up-Down"),
    ("Plank Up-Downs", "Plank_Up-Down"),
    ("Up Down Plank", "Plank_Up-Down"),
    ("Single Leg Pick Up", "Single-Leg_Pick-Up"),
    ("Single Leg Pick Ups", "Single-Leg_Pick-Up"),
    ("Single Leg Pickup", "Single-Leg_Pick-Up"),
    ("Windmill Skaters", "Windmill_Skater"),
    ("Superman", "Superman"),
    ("Supermans", "Superman"),
    ("Superman Hold", "Superman"),
    ("Suitcase Deadlift", "Suitcase_Deadlift"),
    ("Plank", "Plank"),
    ("Leg Press", "Leg_Press"),
    ("Hack Squat", "Hack_Squat"),
    ("Romanian Deadlift", "Romanian_Deadlift"),
    ("Good Morning", "Good_Morning"),
    ("Face Pull", "Face_Pull"),
    ("Cable Crunch", "Cable_Crunch"),
    ("Cable Crossover", "Cable_Crossover"),
    ("Hanging Leg Raise", "Hanging_Leg_Raise"),
    ("Russian Twist", "Russian_Twist"),
    ("Kettlebell Windmill", "Kettlebell_Windmill"),
    ("Barbell Squat", "Barbell_Squat"),
    ("Barbell Curl", "Barbell_Curl"),
    ("Dumbbell Shrug", "Dumbbell_Shrug"),
    ("Barbell Shrug", "Barbell_Shrug"),
    ("Seated Dumbbell Press", "Seated_Dumbbell_Press"),
    ("Arnold Dumbbell Press", "Arnold_Dumbbell_Press"),
    ("Front Dumbbell Raise", "Front_Dumbbell_Raise"),
    ("Push Press", "Push_Press"),
    ("Sumo Deadlift", "Sumo_Deadlift"),
    ("Trap Bar Deadlift", "Trap_Bar_Deadlift"),
    ("Goblet Squat", "Goblet_Squat"),
    ("Muscle Up", "Muscle_Up"),
    ("Inverted Row", "Inverted_Row"),
    ("Farmer's Walk", "Farmers_Walk"),
    ("Barbell Glute Bridge", "Barbell_Glute_Bridge"),
    ("Single Leg Glute Bridge", "Single_Leg_Glute_Bridge"),
    ("Glute Ham Raise", "Glute_Ham_Raise"),
    ("Seated Calf Raise", "Seated_Calf_Raise"),
    ("Decline Crunch", "Decline_Crunch"),
    ("Reverse Crunch", "Reverse_Crunch"),
    ("Dead Bug", "Dead_Bug"),
    ("Pallof Press", "Pallof_Press"),
    ("Flutter Kicks", "Flutter_Kicks"),
    ("Band Pull Apart", "Band_Pull_Apart"),
    ("Zottman Curl", "Zottman_Curl"),
    ("Drag Curl", "Drag_Curl"),
    ("EZ-Bar Curl", "EZ-Bar_Curl"),
    ("EZ-Bar Skullcrusher", "EZ-Bar_Skullcrusher"),
    ("Triceps Pushdown", "Triceps_Pushdown"),
    ("Reverse Grip Triceps Pushdown", "Reverse_Grip_Triceps_Pushdown"),
    ("Straight-Arm Pulldown", "Straight-Arm_Pulldown"),
    ("Rope Straight-Arm Pulldown", "Rope_Straight-Arm_Pulldown"),
    ("Sled Push", "Sled_Push"),
    ("Wrist Roller", "Wrist_Roller"),
    ("Elliptical Trainer", "Elliptical_Trainer"),
    ("Power Clean", "Power_Clean"),
    ("Reverse Hyperextension", "Reverse_Hyperextension"),
    ("Lateral Box Jump", "Lateral_Box_Jump"),
    ("JM Press", "JM_Press"),
    ("Cuban Press", "Cuban_Press"),
)

VARIATIONS: tuple[Variation, ...] = (
    Variation(
        "Suitcase_Deadlift",
        "Dumbbell",
        "equipment",
        "Hold a single dumbbell by your side.",
        "",
    ),
    Variation(
        "Suitcase_Deadlift",
        "Kettlebell",
        "equipment",
        "Hold one kettlebell by the handle, arm long at your side.",
        "",
    ),
    Variation(
        "Suitcase_Deadlift",
        "Barbell",
        "equipment",
        "Grip a barbell in the middle with one hand, if a bar feels more natural to you; "
        "expect it to wobble more.",
        "",
    ),
    Variation(
        "Suitcase_Deadlift",
        "Heavier weight",
        "harder",
        "Move up in load once every rep feels steady and you can stay upright without tilting.",
        "",
    ),
    Variation(
        "Kettlebell_Sumo_High_Pull",
        "Kettlebell",
        "equipment",
        "The default: hold one kettlebell with both hands between the feet.",
        "",
    ),
    Variation(
        "Kettlebell_Sumo_High_Pull",
        "Dumbbell",
        "equipment",
        "Hold one dumbbell by an end with both hands; do not swap in a barbell for this move.",
        "",
    ),
    Variation(
        "Kettlebell_Sumo_High_Pull",
        "Heavier weight",
        "harder",
        "Pick a heavier kettlebell or dumbbell once the pull reaches chest height every rep.",
        "",
    ),
    Variation(
        "Plank_Up-Down",
        "With a renegade row",
        "harder",
        "Hold a dumbbell or kettlebell in each hand and row one to the ribs while in the plank, "
        "which adds the middle back, lats and biceps.",
        "Alternating_Renegade_Row",
    ),
    Variation(
        "Single-Leg_Pick-Up",
        "Holding a light weight",
        "harder",
        "Carry a light dumbbell or kettlebell in the reaching hand and set it down and pick it "
        "up at the bottom.",
        "",
    ),
    Variation(
        "Windmill_Skater",
        "Pause on landing",
        "harder",
        "Stop for a second or two on each landing before the next jump, balancing on one leg.",
        "",
    ),
    Variation(
        "Windmill_Skater",
        "Wider jumps",
        "harder",
        "Jump further to the side each time so every landing has to absorb more.",
        "",
    ),
    Variation(
        "Superman",
        "With a resistance band",
        "harder",
        "Hold a resistance band in both hands and stretch it apart as the arms come up; it "
        "trains a pattern close to a pull-up.",
        "",
    ),
    Variation(
        "Pullups",
        "Band-assisted pull-up",
        "easier",
        "Loop a resistance band over the bar and under a knee or foot so it helps at the "
        "bottom; use lighter bands as you get stronger.",
        "Band_Assisted_Pull-Up",
    ),
    Variation(
        "Pullups",
        "Weighted pull-up",
        "harder",
        "Once sets of ten or more are easy, hang extra load from a belt or hold a dumbbell "
        "between the feet.",
        "Weighted_Pull_Ups",
    ),
)

BEGINNER_BACK_LEGS = "beginner_back_legs"

TEMPLATES: tuple[Template, ...] = (
    Template(
        BEGINNER_BACK_LEGS,
        "Beginner Back and Legs",
        "A short beginner circuit for the core, legs, back and shoulders. Work through four "
        "rounds in order, from round 1 to round 4. In each round, do its exercises back to "
        "back, rest 30 seconds, then go through the same round a second time before moving on.",
        4,
        2,
        30,
        15,
        20,
        "The source workout does not fix which exercise goes in which round, nor the reps or "
        "hold times, so these are Liftboard's defaults and you can edit them.",
    ),
)

TEMPLATE_ITEMS: tuple[TemplateItem, ...] = (
    TemplateItem(
        BEGINNER_BACK_LEGS,
        0,
        "Pullups",
        5,
        None,
        False,
        "addon",
        "Optional: adds more back work.",
    ),
    TemplateItem(
        BEGINNER_BACK_LEGS,
        0,
        "Barbell_Bench_Press_-_Medium_Grip",
        10,
        None,
        False,
        "addon",
        "Optional: adds back work and trains the arms too, for more of a full-body session.",
    ),
    TemplateItem(
        BEGINNER_BACK_LEGS,
        1,
        "Suitcase_Deadlift",
        10,
        None,
        True,
        "main",
        "Start light.",
    ),
    TemplateItem(
        BEGINNER_BACK_LEGS,
        1,
        "Kettlebell_Sumo_High_Pull",
        12,
        None,
        False,
        "main",
        "Kettlebell or dumbbell, not a barbell.",
    ),
    TemplateItem(BEGINNER_BACK_LEGS, 2, "Plank_Up-Down", 10, None, False, "main", ""),
    TemplateItem(
        BEGINNER_BACK_LEGS,
        2,
        "Single-Leg_Pick-Up",
        8,
        None,
        True,
        "main",
        "Keep the same side order for the whole round.",
    ),
    TemplateItem(BEGINNER_BACK_LEGS, 3, "Windmill_Skater", 10, None, True, "main", ""),
    TemplateItem(BEGINNER_BACK_LEGS, 3, "Superman", 12, None, False, "main", ""),
    TemplateItem(BEGINNER_BACK_LEGS, 4, "Kettlebell_Sumo_High_Pull", 12, None, False, "main", ""),
    TemplateItem(
        BEGINNER_BACK_LEGS,
        4,
        "Superman",
        None,
        30,
        False,
        "main",
        "Hold the top position.",
    ),
)
