// Contour lines of a function sampled on a regular grid (marching squares), for the loss
// landscape's colour maps: QCustomPlot draws none. Pure functions: no widgets, no torch.
#pragma once

#include <QPointF>
#include <QVector>

namespace rx {

// A regular grid of samples: values[j·columns + i] at x = x0 + i·(x1 − x0)/(columns − 1),
// y = y0 + j·(y1 − y0)/(rows − 1). NaN marks a missing sample: cells touching one get no line.
struct SampledGrid {
    const QVector<double>& values;
    int columns = 0, rows = 0;
    double x0 = 0, x1 = 1, y0 = 0, y1 = 1;
};

// The lines where the sampled function crosses `level`, each a polyline in (x, y) (linear
// interpolation along the cells' edges; a saddle cell is resolved by its centre's mean). A closed
// line repeats its first point at the end; open lines end on the grid's border or at missing
// samples.
QVector<QVector<QPointF>> contourLines(const SampledGrid& grid, double level);

// `count` levels spaced evenly in log scale from `low` to `high` (both > 0), both ends included.
QVector<double> logLevels(double low, double high, int count);

}  // namespace rx
