#!/usr/bin/python3
"""Every ParaView file of a real run opens as ParaView opens it and says what the CSV says.

Requirement: each .vtr/.vtp/.pvd that `proscale run` writes shall be well-formed XML for the
system's libexpat (Python's xml.parsers.expat links Debian's libexpat, as Debian's ParaView
does; raw appended data fails there since its security update), carry only inline binary
arrays, read back with VTK without error, and hold the arrays docs/reference/outputs.md names,
with TimeValue in every piece and values equal to timeseries.csv and psd.csv; also when a
species is named <A&B> (defect 5 of issue 10).

Usage: test_vtk_files.py PROSCALE_BINARY SOURCE_DIR WORK_DIR
"""
import csv
import math
import pathlib
import shutil
import subprocess
import sys
import xml.parsers.expat

import vtk
from vtk.util.numpy_support import vtk_to_numpy

FAILURES = []


def check(condition, what):
    if not condition:
        FAILURES.append(what)
        print("FAIL:", what)


def parse_with_expat(path):
    """The whole file through expat; returns the DataArray elements' attributes."""
    arrays = []
    parser = xml.parsers.expat.ParserCreate()
    parser.StartElementHandler = lambda name, attrs: arrays.append(attrs) if name == "DataArray" else None
    try:
        parser.Parse(path.read_bytes(), True)
    except xml.parsers.expat.ExpatError as error:
        check(False, f"{path}: expat: {error}")
    return arrays


class ErrorObserver:
    def __init__(self):
        self.messages = []

    def __call__(self, obj, event):
        self.messages.append(event)


def read_grid(path):
    reader = vtk.vtkXMLRectilinearGridReader()
    errors = ErrorObserver()
    reader.AddObserver("ErrorEvent", errors)
    reader.SetFileName(str(path))
    reader.Update()
    check(not errors.messages, f"{path}: VTK reader reported errors")
    return reader.GetOutput()


def array(data, name, size):
    values = data.GetArray(name)
    check(values is not None, f"array '{name}' missing")
    if values is None:
        return None
    out = vtk_to_numpy(values)
    check(len(out) == size, f"array '{name}' has {len(out)} values, expected {size}")
    return out


def read_csv(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], [[float(v) for v in row] for row in rows[1:]]


def close(a, b, rel=1e-12):
    return abs(a - b) <= rel * max(abs(a), abs(b)) or a == b


def main():
    binary, source, work = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
    out = work / "run"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    # A batch precipitation on a fixed grid: logarithmic output times from t = 0 (as the
    # flagship), a burst and growth, a few seconds of computing.
    run = subprocess.run(
        [binary, "run", str(source / "cases/pbe_benchmark_growth.yaml"), "-o", str(out),
         "--set", "output.count=12", "--set", "output.spacing=logarithmic",
         "--set", "output.vtk=true"],
        capture_output=True, text=True)
    print(run.stdout, run.stderr)
    if run.returncode not in (0, 4):
        sys.exit(f"proscale exited {run.returncode}")

    files = sorted(p for p in out.rglob("*") if p.suffix in (".vtr", ".vtp", ".pvd"))
    print(len(files), "VTK files")
    check(len(files) == 12 + 3, f"{len(files)} VTK files, expected 12 pieces, psd.pvd, "
                                "psd_map.vtr and timeseries.vtr")
    for path in files:
        for attrs in parse_with_expat(path):
            check(attrs.get("format") == "binary",
                  f"{path}: DataArray '{attrs.get('Name')}' is {attrs.get('format')}, not inline binary")

    # timeseries.vtr: one point array per CSV column, named as its header, equal values.
    header, rows = read_csv(out / "timeseries.csv")
    times = [row[0] for row in rows]
    grid = read_grid(out / "timeseries.vtr")
    points = grid.GetPointData()
    names = [points.GetArrayName(j) for j in range(points.GetNumberOfArrays())]
    check(names == header, f"timeseries.vtr arrays {names} differ from the CSV header {header}")
    check(header[0] == "time [s]", "the first column is not time [s]")
    for c, name in enumerate(header):
        values = array(points, name, len(rows))
        if values is not None:
            check(list(values) == [row[c] for row in rows], f"timeseries.vtr '{name}' differs from the CSV")
    check(list(vtk_to_numpy(grid.GetXCoordinates())) == times, "timeseries.vtr x is not time")

    # psd.csv: class columns, then one n@t=<t>s [1/m^4] column per output time.
    psd_header, psd_rows = read_csv(out / "psd.csv")
    classes = len(psd_rows)
    faces = [row[1] for row in psd_rows] + [psd_rows[-1][3]]
    pivots = [row[2] for row in psd_rows]
    widths = [row[4] for row in psd_rows]
    psd_times = [float(h[len("n@t="):h.index("s [")]) for h in psd_header[5:]]
    check(psd_times == times, "psd.csv times differ from timeseries.csv")
    density = [[row[5 + k] for row in psd_rows] for k in range(len(times))]  # [time][class]
    log_faces = [math.log10(f) for f in faces]

    # psd.pvd lists every piece with its time; each piece carries the same TimeValue.
    parser = xml.parsers.expat.ParserCreate()
    entries = []
    parser.StartElementHandler = lambda name, attrs: entries.append(attrs) if name == "DataSet" else None
    parser.Parse((out / "psd.pvd").read_bytes(), True)
    check([float(e["timestep"]) for e in entries] == times, "psd.pvd timesteps differ from the CSV")
    for k, entry in enumerate(entries):
        piece = read_grid(out / entry["file"])
        check(piece.GetNumberOfCells() == classes, f"{entry['file']}: {piece.GetNumberOfCells()} cells")
        time_value = piece.GetFieldData().GetArray("TimeValue")
        check(time_value is not None and time_value.GetValue(0) == times[k],
              f"{entry['file']}: TimeValue is not {times[k]}")
        x = vtk_to_numpy(piece.GetXCoordinates())
        check(all(close(a, b) for a, b in zip(x, log_faces)), f"{entry['file']}: x is not log10(faces)")
        cells = piece.GetCellData()
        n = array(cells, "number_density_per_size [1/m^4]", classes)
        per_class = array(cells, "number_per_class [1/m^3]", classes)
        per_log = array(cells, "number_per_log10_size [1/m^3]", classes)
        logs = array(cells, "log10_number_per_log10_size [log10(1/m^3)]", classes)
        size = array(cells, "size [m]", classes)
        check(array(cells, "volume_fraction_per_size [1/m]", classes) is not None, "volume array")
        check(list(n) == density[k], f"{entry['file']}: number density differs from psd.csv")
        check(list(size) == pivots, f"{entry['file']}: size differs from psd.csv L [m]")
        expected_per_log = [density[k][i] * widths[i] / (log_faces[i + 1] - log_faces[i])
                            for i in range(classes)]
        check(all(close(a, b, 1e-9) for a, b in zip(per_class, [d * w for d, w in zip(density[k], widths)])),
              f"{entry['file']}: number per class is not n dL")
        check(all(close(a, b, 1e-9) for a, b in zip(per_log, expected_per_log)),
              f"{entry['file']}: number per log10 size is not N / dlog10 L")
        top = max(expected_per_log)
        if top > 0:
            floor = math.log10(top * 1e-12)
            expected_logs = [math.log10(max(v, top * 1e-12)) for v in expected_per_log]
            check(all(abs(a - b) < 1e-9 for a, b in zip(logs, expected_logs)),
                  f"{entry['file']}: log10 array is not floored at 1e-12 of its largest value")
            check(abs(piece.GetFieldData().GetArray("log10_floor [log10(1/m^3)]").GetValue(0) - floor) < 1e-9,
                  f"{entry['file']}: log10_floor")

    # psd_map.vtr: log size x log time, cell (i, k) = i + k * classes.
    grid = read_grid(out / "psd_map.vtr")
    m = len(times)
    check(list(grid.GetDimensions()) == [classes + 1, m + 1, 1], f"psd_map.vtr dimensions {grid.GetDimensions()}")
    check(all(close(a, b) for a, b in zip(vtk_to_numpy(grid.GetXCoordinates()), log_faces)),
          "psd_map.vtr x is not log10(faces)")
    y = vtk_to_numpy(grid.GetYCoordinates())
    for k in range(1, m):  # each positive time inside its log10 cell
        check(y[k] < math.log10(times[k]) < y[k + 1], f"psd_map.vtr: t = {times[k]} s not in its cell")
    cells = grid.GetCellData()
    n = array(cells, "number_density_per_size [1/m^4]", classes * m)
    t = array(cells, "time [s]", classes * m)
    check(list(n) == [v for row in density for v in row], "psd_map.vtr density differs from psd.csv")
    check(list(t) == [tk for tk in times for _ in range(classes)], "psd_map.vtr time [s] cells")
    logs = array(cells, "log10_number_per_log10_size [log10(1/m^3)]", classes * m)
    field = grid.GetFieldData()
    check(list(vtk_to_numpy(field.GetArray("output_times [s]"))) == times, "psd_map.vtr output_times")
    floor = field.GetArray("log10_floor [log10(1/m^3)]").GetValue(0)
    check(abs(max(logs) - 12 - floor) < 1e-9, "psd_map.vtr floor is not 12 decades below the top")
    check(min(logs) >= floor, "psd_map.vtr has values below its floor")

    # Defect 5: a species named <A&B> gave a timeseries.vtr that is not well-formed XML. The
    # same case with A renamed: every file parses, the array name is made safe.
    case = (source / "cases/pbe_benchmark_growth.yaml").read_text()
    renamed = case.replace("    A: {initial", '    "<A&B>": {initial').replace(
        "equation: A -> C", 'equation: "<A&B> -> C"')
    check(renamed.count("<A&B>") == 2, "the case file no longer has species A where expected")
    (work / "amp.yaml").write_text(renamed)
    out = work / "amp"
    run = subprocess.run([binary, "run", str(work / "amp.yaml"), "-o", str(out), "--set",
                          "output.count=4", "--set", "output.vtk=true"], capture_output=True, text=True)
    check(run.returncode in (0, 4), f"the <A&B> case exited {run.returncode}: {run.stderr}")
    for path in sorted(p for p in out.rglob("*") if p.suffix in (".vtr", ".pvd")):
        parse_with_expat(path)
    header, rows = read_csv(out / "timeseries.csv")
    check("c_<A&B> [mol/m^3]" in header, "timeseries.csv lost the name c_<A&B>")
    points = read_grid(out / "timeseries.vtr").GetPointData()
    values = array(points, "c__A_B_ [mol/m^3]", len(rows))
    if values is not None:
        column = header.index("c_<A&B> [mol/m^3]")
        check(list(values) == [row[column] for row in rows], "c__A_B_ differs from the CSV column")

    if FAILURES:
        sys.exit(f"{len(FAILURES)} failures")
    print("all", len(files), "VTK files parse with expat", xml.parsers.expat.EXPAT_VERSION,
          "and read back with VTK", vtk.vtkVersion.GetVTKVersion())


if __name__ == "__main__":
    main()
