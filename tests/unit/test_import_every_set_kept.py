"""Every set of a real export is kept: translated headers, distances in the unit they were
typed in, failed attempts, unlikely values flagged rather than rejected, and rejections that
give their true reason, grouped."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import duckdb
import pytest

from pipelines.db import connect
from pipelines.importers import detect_layout, import_file
from pipelines.importers.strong_export import strong_csv_bytes, strong_export
from pipelines.schemas import LB_TO_KG
from pipelines.strength import estimated_1rm
from pipelines.weekly_volume import weekly_muscle_volume

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"
BENCH = "Barbell_Bench_Press_-_Medium_Grip"
ENGLISH = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE"
)


def sets(con: duckdb.DuckDBPyConnection) -> list[tuple[Any, ...]]:
    """(set index, exercise id, type, kg, entered, unit, reps, seconds, metres, rpe, notes)."""
    return con.execute(
        "select x.set_index, x.exercise_id, x.set_type, x.weight_kg, x.entered_weight, "
        "x.entered_unit, x.reps, x.duration_s, x.distance_m, x.rpe, x.notes "
        "from sets as x inner join sessions as s using (session_id) "
        "order by s.started_at, x.set_index"
    ).fetchall()


# --- translated headers ----------------------------------------------------------------------


def test_a_chinese_strong_export_with_every_column_translated_gives_exact_sets(con):
    report = import_file(con, FIXTURES / "strong_chinese_translated.csv", unit="kg")

    assert report.layout == "strong-classic"
    assert report.rejected == []
    assert con.execute("select started_at, ended_at, name, notes from sessions").fetchall() == [
        (dt.datetime(2025, 2, 3, 7, 30), dt.datetime(2025, 2, 3, 8, 35), "上肢训练", "状态不错，💪")  # noqa: RUF001 - the file's own script
    ]
    assert sets(con) == [
        (1, BENCH, "warmup", 40.0, 40.0, "kg", 10, None, None, None, ""),
        (2, BENCH, "working", 80.0, 80.0, "kg", 5, None, None, 8.0, "暂停 2 秒"),
        (3, BENCH, "working", 80.0, 80.0, "kg", 5, None, None, 8.5, ""),
        (4, BENCH, "failure", 85.0, 85.0, "kg", 0, None, None, None, "失败"),
        (5, "Pullups", "working", None, None, None, 8, None, None, None, ""),
        (6, "Rowing_Stationary", "working", None, None, None, None, 480.0, 2000.0, None, ""),
    ]
    assert dict(report.non_set_rows) == {"rest timer": 1}


TRANSLATIONS = {
    "japanese": "日付,ワークアウト名,時間,エクササイズ名,セット順,重量,レップ,距離,秒,メモ,"
    "ワークアウトメモ,RPE",
    "korean": "날짜,운동 이름,시간,운동명,세트 순서,무게,횟수,거리,초,메모,운동 메모,RPE",
    "spanish": "Fecha,Nombre del entrenamiento,Duración,Nombre del ejercicio,Orden de la serie,"
    "Peso,Repeticiones,Distancia,Segundos,Notas,Notas del entrenamiento,RPE",
    "portuguese": "Data,Nome do treino,Duração,Nome do exercício,Ordem da série,Peso,"
    "Repetições,Distância,Segundos,Notas,Notas do treino,RPE",
    "italian": "Data,Nome dell'allenamento,Durata,Nome dell'esercizio,Ordine della serie,Peso,"
    "Ripetizioni,Distanza,Secondi,Note,Note dell'allenamento,RPE",
    "russian": "Дата,Название тренировки,Продолжительность,Название упражнения,"
    "Порядок подходов,Вес,Повторения,Расстояние,Секунды,Заметки,Заметки к тренировке,RPE",  # noqa: RUF001 - the file's own script
    "french": "Date,Nom de l'entraînement,Durée,Nom de l'exercice,Ordre de la série,Poids,Réps,"
    "Distance,Secondes,Notes,Notes de l'entraînement,RPE",
    "german": "Datum,Workout-Name,Dauer,Name der Übung,Reihenfolge festlegen,Gewicht,Wiederh.,"
    "Distanz,Sekunden,Notizen,Workout-Notizen,RPE",
    "chinese": "日期,锻炼名称,时长,运动名称,设置顺序,重量,次,距离,秒,备注,锻炼备注,RPE",
}


@pytest.mark.parametrize("language", sorted(TRANSLATIONS))
def test_every_column_of_a_localised_strong_header_is_known(con, language):
    header = TRANSLATIONS[language]
    rows = (
        '2025-04-01 07:00:00,"A",45m,"Squat (Barbell)",1,100,5,0,0,"knee",,8\n'
        '2025-04-01 07:00:00,"A",45m,"Squat (Barbell)",F,110,0,0,0,,"done",\n'
    )
    data = f"{header}\n{rows}".encode()

    layout = detect_layout(data)
    report = import_file(con, data, unit="kg")

    assert layout.by_position == ()
    assert None not in layout.columns
    assert [(r[2], r[3], r[6], r[9], r[10]) for r in sets(con)] == [
        ("working", 100.0, 5, 8.0, "knee"),
        ("failure", 110.0, 0, None, ""),
    ]
    assert con.execute("select notes, ended_at from sessions").fetchall() == [
        ("done", dt.datetime(2025, 4, 1, 7, 45))
    ]
    assert report.rejected == []


def test_an_unknown_language_with_strongs_shape_is_read_by_position_and_the_report_says_so(con):
    report = import_file(con, FIXTURES / "strong_turkish.csv", unit="kg")

    assert [(r[1], r[3], r[6], r[9], r[10]) for r in sets(con)] == [
        ("Barbell_Squat", 100.0, 5, None, ""),
        ("Barbell_Squat", 100.0, 5, 9.0, "Derin"),
        ("Leg_Press", 200.0, 10, None, ""),
    ]
    assert "columns read by position" in report.layout_description
    assert report.warnings[0].startswith(
        "Some column headers were not recognised; the rows have the shape of a Strong export, "
        "so those columns were read by their position: Tarih as Date, Antrenman Adı as Workout "  # noqa: RUF001 - the file's own script
        "Name,"
    )


def test_a_partly_known_header_reads_only_the_unknown_cells_by_position(con):
    header = ENGLISH.replace("Set Order", "Sıra").replace("Reps", "Tekrar")  # noqa: RUF001 - the file's own script
    data = f'{header}\n2025-04-01 07:00:00,"A",45m,"Squat (Barbell)",1,100,5,0,0,,,\n'.encode()

    layout = detect_layout(data)
    import_file(con, data, unit="kg")

    assert layout.by_position == ("Sıra", "Tekrar")  # noqa: RUF001 - the file's own script
    assert [(r[1], r[3], r[6]) for r in sets(con)] == [("Barbell_Squat", 100.0, 5)]


# --- distances -------------------------------------------------------------------------------


def test_a_pound_file_reads_rowing_1000_in_4_minutes_as_metres_and_running_as_miles(con):
    report = import_file(con, FIXTURES / "strong_classic_lb_rowing.csv", unit="lb")

    assert [(r[1], r[3], r[4], r[5], r[7], r[8]) for r in sets(con)] == [
        ("Rowing_Stationary", None, None, None, 240.0, 1000.0),
        ("Rowing_Stationary", None, None, None, 236.0, 1000.0),
        ("Rowing_Stationary", None, None, None, 115.0, 500.0),
        ("Running_Treadmill", None, None, None, 1560.0, pytest.approx(3.1 * 1609.344)),
        ("Barbell_Deadlift", pytest.approx(315 * LB_TO_KG), 315.0, "lb", None, None),
    ]
    assert report.rejected == []
    assert report.warnings == [
        "Distances of Rowing (Machine) were read as metres, not miles (a typical set: 1000 in "
        "3 min 56 s); choose the distance unit to read them otherwise."
    ]


def test_the_distance_unit_chosen_wins_and_an_impossible_distance_keeps_its_set(con):
    report = import_file(
        con, FIXTURES / "strong_classic_lb_rowing.csv", unit="lb", distance_unit="mi"
    )

    rowing = [(r[7], r[8]) for r in sets(con) if r[1] == "Rowing_Stationary"]
    # 1000 miles is 1,609 km: the set stays, its distance is left out and flagged.
    assert rowing == [(240.0, None), (236.0, None), (115.0, pytest.approx(500 * 1609.344))]
    assert report.sets_added == 5
    assert [(f.line, f.column, f.value) for f in report.flags] == [
        (2, "Distance", "1.60934e+06 m"),
        (3, "Distance", "1.60934e+06 m"),
    ]
    assert report.flags[0].reason == (
        "beyond 1000 km (or below 0): the set was kept without its distance"
    )


def test_the_command_line_takes_a_distance_unit(db_file):
    from pipelines.cli import main

    status = main(
        [
            "import",
            str(FIXTURES / "strong_classic_lb_rowing.csv"),
            "--db",
            str(db_file),
            "--unit",
            "lb",
            "--distance-unit",
            "m",
        ]
    )

    assert status == 0
    with duckdb.connect(str(db_file), read_only=True) as con:
        running = con.execute(
            "select distance_m from sets where exercise_id = 'Running_Treadmill'"
        ).fetchall()
    assert running == [(3.1,)]


# --- failed attempts -------------------------------------------------------------------------


def test_strong_failed_attempts_are_failure_sets_of_0_reps(con):
    report = import_file(con, FIXTURES / "strong_failed_attempts.csv", unit="lb")

    snatch = "Snatch"
    assert [(r[1], r[2], r[4], r[6], r[10]) for r in sets(con)] == [
        (snatch, "warmup", 95.0, 3, ""),
        (snatch, "working", 135.0, 1, ""),
        (snatch, "failure", 145.0, 0, "Missed it behind"),
        (snatch, "failure", 145.0, 0, ""),
        (snatch, "failure", 140.0, 0, ""),  # a working set of 0 reps: a failed attempt
        ("Barbell_Squat", "warmup", 135.0, 0, ""),
        ("Barbell_Squat", "working", 225.0, 5, ""),
        ("Plank", "working", None, None, ""),  # 0 reps on a timed set means none
    ]
    assert report.failed_attempts == 3
    assert report.rejected == []
    assert [(f.line, f.reason) for f in report.flags] == [
        (6, "0 reps at a weight: kept as a failed attempt (a failure set of 0 reps)"),
        (7, "a warm-up of 0 reps: kept"),
    ]


def test_hevy_and_fitnotes_failed_attempts_are_kept_too(con):
    hevy = (
        b'"title","start_time","end_time","description","exercise_title","superset_id",'
        b'"exercise_notes","set_index","set_type","weight_kg","reps","distance_km",'
        b'"duration_seconds","rpe"\n'
        b'"Heavy","8 Apr 2026, 16:50","8 Apr 2026, 17:50","","Squat (Barbell)","","","0",'
        b'"normal","100","5","","",""\n'
        b'"Heavy","8 Apr 2026, 16:50","8 Apr 2026, 17:50","","Squat (Barbell)","","","1",'
        b'"failure","120","0","","",""\n'
        b'"Heavy","8 Apr 2026, 16:50","8 Apr 2026, 17:50","","Pull Up","","","0",'
        b'"failure","","0","","",""\n'
    )
    fitnotes = (
        b"Date,Exercise,Category,Weight (kgs),Reps,Distance,Distance Unit,Time\n"
        b"2026-04-09,Deadlift,Back,180,0,,,\n"
    )
    import_file(con, hevy)
    import_file(con, fitnotes)

    assert [(r[1], r[2], r[3], r[6]) for r in sets(con)] == [
        ("Barbell_Squat", "working", 100.0, 5),
        ("Barbell_Squat", "failure", 120.0, 0),
        ("Pullups", "failure", None, 0),
        ("Barbell_Deadlift", "failure", 180.0, 0),
    ]


def test_a_failed_attempt_is_exported_and_reads_back_as_one(con):
    import_file(con, FIXTURES / "strong_failed_attempts.csv", unit="lb")
    data = strong_csv_bytes(strong_export(con, unit="lb"))
    fresh = connect(":memory:")
    try:
        import_file(fresh, data, unit="lb")
        back = sets(fresh)
    finally:
        fresh.close()

    assert [(r[2], r[4], r[6]) for r in back][:5] == [
        ("warmup", 95.0, 3),
        ("working", 135.0, 1),
        ("failure", 145.0, 0),
        ("failure", 145.0, 0),
        ("failure", 140.0, 0),
    ]


def test_a_failed_attempt_gives_no_estimated_max(con):
    import_file(con, FIXTURES / "strong_failed_attempts.csv", unit="lb")

    estimates = estimated_1rm(con, exercise_id="Snatch")
    assert estimates["weight_kg"].tolist() == [pytest.approx(135 * LB_TO_KG)]


def test_a_failed_attempt_adds_no_hard_set(con):
    import_file(con, FIXTURES / "strong_failed_attempts.csv", unit="lb")

    weeks = weekly_muscle_volume(con, live=True)
    quads = weeks[weeks["muscle_group"] == "quadriceps"]
    # The snatch's one good working set and the squat's one working set; the three misses none.
    assert quads["direct_sets"].sum() == 2


# --- rejections: only rows that are not sets, each with its true reason -----------------------


def test_a_date_before_1900_is_rejected_as_such_not_as_later_than_tomorrow(con):
    data = (
        f"{ENGLISH}\n"
        '1899-12-31 07:00:00,"A",45m,"Squat (Barbell)",1,100,5,0,0,,,\n'
        '2025-04-01 07:00:00,"A",45m,"Squat (Barbell)",1,100,5,0,0,,,\n'
        '2999-04-01 07:00:00,"A",45m,"Squat (Barbell)",1,100,5,0,0,,,\n'
    ).encode()

    report = import_file(con, data, unit="kg")

    assert [(r.line, r.column, r.value, r.reason) for r in report.rejected] == [
        (2, "Date", "1899-12-31 07:00:00", "the date is before 1900"),
        (4, "Date", "2999-04-01 07:00:00", "the date is after tomorrow"),
    ]
    assert report.sets_added == 1


def test_rejections_are_grouped_by_reason_with_the_main_cause_first(con):
    good = '2025-04-01 07:00:00,"A",45m,"Squat (Barbell)",{n},100,5,0,0,,,'
    early = '1800-01-0{d} 07:00:00,"A",45m,"Squat (Barbell)",1,100,5,0,0,,,'
    broken = '#REF!,"A",45m,"Squat (Barbell)",1,100,5,0,0,,,'
    lines = [ENGLISH, good.format(n=1)]
    lines += [broken] * 3 + [early.format(d=1 + i % 9) for i in range(40)]
    report = import_file(con, "\n".join(lines).encode(), unit="kg")

    groups = [(g.reason, g.count) for g in report.rejected_by_reason]
    assert groups == [("the date is before 1900", 40), ("it is not a date and time", 3)]
    text = report.render()
    assert (
        "Rows rejected: 43.\n  40 row(s): the date is before 1900:\n"
        "      line 6, Date = '1800-01-01 07:00:00'\n"
    ) in text
    assert "      … and 37 more.\n  3 row(s): it is not a date and time:" in text


def test_the_problems_list_downloads_as_csv_with_every_row(con):
    data = (FIXTURES / "strong_classic.csv").read_bytes() + b'\r\n=cmd,"X",1m,"Squat",1,1,1,0,0,,,'
    report = import_file(con, data, unit="kg")

    lines = report.problems_csv().splitlines()
    assert lines[0] == "kind,line,column,value,reason"
    assert lines[1] == "rejected,22,Date,'=cmd,it is not a date and time"
    assert lines[2] == 'flagged,17,Weight,650 kg,"over 500 kg: imported, check it"'
    assert len(lines) == 1 + 1 + len(report.flags)


# --- the same three files through the command line, as they were reported -------------------


@pytest.mark.parametrize(
    ("name", "sets_added", "failures"),
    [
        ("strong_chinese_translated.csv", 6, 1),  # was refused: headers not recognised
        ("strong_classic_lb_rowing.csv", 5, 0),  # rowing rejected: 1000 read as miles
        ("strong_failed_attempts.csv", 8, 3),  # failed attempts rejected: 0 reps
    ],
)
def test_the_reported_files_import_every_set_from_the_command_line(
    db_file, capsys, name, sets_added, failures
):
    from pipelines.cli import main

    status = main(["import", str(FIXTURES / name), "--db", str(db_file), "--unit", "lb"])

    out = capsys.readouterr().out
    assert status == 0
    assert f"Sets added: {sets_added} in 1 new session(s)." in out
    assert "Rows rejected: 0." in out
    with duckdb.connect(str(db_file), read_only=True) as con:
        counted = con.execute(
            "select count(*), count(*) filter (where set_type = 'failure' and reps = 0) from sets"
        ).fetchone()
    assert counted == (sets_added, failures)
