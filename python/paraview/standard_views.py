"""Renders the standard views of a proscale results directory to PNG, with ParaView.

    xvfb-run -a pvpython python/paraview/standard_views.py RESULTS_DIR [PNG_DIR]
    (Debian's ParaView renders through X: without a display, charts crash even with
    --force-offscreen-rendering; with a desktop session plain pvpython will do)

Reads the ParaView files of `proscale run` (docs/reference/outputs.md) and writes into PNG_DIR
(default RESULTS_DIR/views):
  psd_last.png          the last size distribution, dN/dlog10(L) [1/m^3] over a log size axis
                        (its area is the number density N)
  psd_map.png           log10 dN/dlog10(L) over log10 size x log10 time, twelve decades of colour
  number_density.png    N [1/m^3] over time, log-log (t = 0 left out: no place on a log axis)
  mean_size.png         the number mean diameter [m] over time, log-log
Files that the run did not write (no size distribution: QMOM, moments) are skipped with a note.
Tried with ParaView 5.11.0 (Debian 12: python3-paraview 5.11.0+dfsg-1+b1, libexpat1
2.5.0-1+deb12u5) on the flagship's results.
"""
import pathlib
import sys

from paraview.simple import (ColorBy, CreateView, ExtractSubset, GetColorTransferFunction,
                             GetScalarBar, PlotData, SaveScreenshot, Show,
                             XMLRectilinearGridReader)

PSD_ARRAY = "number_per_log10_size [1/m^3]"
MAP_ARRAY = "log10_number_per_log10_size [log10(1/m^3)]"
RESOLUTION = [1200, 800]


def line_chart(title, x_title, y_title, log_x, log_y):
    view = CreateView("XYChartView")
    view.ViewSize = RESOLUTION
    view.ChartTitle = title
    view.BottomAxisTitle = x_title
    view.LeftAxisTitle = y_title
    view.BottomAxisLogScale = int(log_x)
    view.LeftAxisLogScale = int(log_y)
    view.ShowLegend = 0
    return view


def plot(source, view, attribute, x_array, y_array):
    display = Show(PlotData(Input=source), view)
    display.AttributeType = attribute
    display.UseIndexForXAxis = 0
    display.XArrayName = x_array
    display.SeriesVisibility = [y_array]
    display.SeriesLineThickness = [y_array, "3"]
    return display


def last_psd(results, png_dir):
    pieces = sorted((results / "psd").glob("psd_*.vtr"))
    if not pieces:
        print("no psd/psd_*.vtr: no size distribution, psd_last.png skipped")
        return
    reader = XMLRectilinearGridReader(FileName=[str(pieces[-1])])
    reader.UpdatePipeline()
    time = reader.FieldData["TimeValue"] if "TimeValue" in reader.FieldData.keys() else None
    label = f" at t = {time.GetRange()[0]:g} s" if time else ""
    view = line_chart("last size distribution" + label, "size L [m]",
                      "dN/dlog10(L) [1/m^3]", log_x=True, log_y=False)
    plot(reader, view, "Cell Data", "size [m]", PSD_ARRAY)
    SaveScreenshot(str(png_dir / "psd_last.png"), view, ImageResolution=RESOLUTION)


def size_time_map(results, png_dir):
    path = results / "psd_map.vtr"
    if not path.exists():
        print("no psd_map.vtr: no size distribution, psd_map.png skipped")
        return
    reader = XMLRectilinearGridReader(FileName=[str(path)])
    reader.UpdatePipeline()
    low, high = reader.CellData[MAP_ARRAY].GetRange()
    view = CreateView("RenderView")
    view.ViewSize = RESOLUTION
    view.InteractionMode = "2D"
    view.OrientationAxesVisibility = 0
    display = Show(reader, view)
    ColorBy(display, ("CELLS", MAP_ARRAY))
    lut = GetColorTransferFunction(MAP_ARRAY)
    lut.ApplyPreset("Viridis (matplotlib)", True)
    lut.RescaleTransferFunction(low, high)  # the floor (1e-12 of the top) to the top
    display.SetScalarBarVisibility(view, True)
    bar = GetScalarBar(lut, view)
    bar.Title = "log10 dN/dlog10(L) [1/m^3]"
    bar.ComponentTitle = ""
    bar.TitleFontSize = 20
    bar.LabelFontSize = 16
    grid = view.AxesGrid
    grid.Visibility = 1
    grid.XTitle = "log10(size / m)"
    grid.YTitle = "log10(time / s)"
    grid.XTitleFontSize = grid.YTitleFontSize = 20
    grid.XLabelFontSize = grid.YLabelFontSize = 16
    # Fit the whole map with room for the axis labels (x ~4 decades of size, y ~5 of time).
    x0, x1, y0, y1 = reader.GetDataInformation().GetBounds()[:4]
    centre = [(x0 + x1) / 2, (y0 + y1) / 2]
    view.CameraFocalPoint = centre + [0.0]
    view.CameraPosition = centre + [10.0]
    view.CameraViewUp = [0.0, 1.0, 0.0]
    aspect = RESOLUTION[0] / RESOLUTION[1]
    view.CameraParallelProjection = 1
    view.CameraParallelScale = 0.62 * max(y1 - y0, (x1 - x0) / aspect)
    SaveScreenshot(str(png_dir / "psd_map.png"), view, ImageResolution=RESOLUTION)


def series(results, png_dir):
    path = results / "timeseries.vtr"
    reader = XMLRectilinearGridReader(FileName=[str(path)])
    reader.UpdatePipeline()
    names = list(reader.PointData.keys())
    times = reader.PointData["time [s]"]
    first = 1 if times.GetRange()[0] <= 0 else 0  # t = 0 has no place on a log time axis
    count = reader.GetDataInformation().GetNumberOfPoints()
    source = ExtractSubset(Input=reader, VOI=[first, count - 1, 0, 0, 0, 0]) if first else reader
    for name, title, png, log_y in (
            ("number_density [1/m^3]", "number density N", "number_density.png", True),
            ("mean_diameter [m]", "number mean diameter", "mean_size.png", True)):
        if name not in names:
            print(f"timeseries.vtr has no '{name}': {png} skipped")
            continue
        view = line_chart(title, "time t [s]", name, log_x=True, log_y=log_y)
        plot(source, view, "Point Data", "time [s]", name)
        SaveScreenshot(str(png_dir / png), view, ImageResolution=RESOLUTION)


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    results = pathlib.Path(sys.argv[1])
    png_dir = pathlib.Path(sys.argv[2]) if len(sys.argv) == 3 else results / "views"
    if not (results / "timeseries.vtr").exists():
        sys.exit(f"{results} has no timeseries.vtr (run proscale with output.vtk: true)")
    png_dir.mkdir(parents=True, exist_ok=True)
    last_psd(results, png_dir)
    size_time_map(results, png_dir)
    series(results, png_dir)
    print("wrote", ", ".join(sorted(p.name for p in png_dir.glob("*.png"))), "in", png_dir)


if __name__ == "__main__":
    main()
