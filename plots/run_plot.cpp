#include "run_plot.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace rx {

namespace {
// The layer of the faint raw curves: under every run's smoothed curve, over the grid.
constexpr char kRawLayer[] = "raw";
constexpr int kRawAlpha = 60;  // of 255
}  // namespace

RunPlot::RunPlot(std::initializer_list<MetricKind> kinds, QWidget* parent)
    : PlotBase(parent), kinds_(kinds) {
    addLayer(QLatin1String(kRawLayer), layer("main"), QCustomPlot::limBelow);
    // Every replot (appends, zoom, drag, resize), once the axis rect has its size: the smoothed
    // curves at the current resolution.
    connect(this, &QCustomPlot::afterLayout, this, [this] {
        for (Run& run : runs_)
            for (SmoothedCurve& curve : run.curves)
                showSmoothed(curve);
    });
}

void RunPlot::addRun(const QString& id, const RunStyle& style) {
    if (runs_.contains(id))
        return;
    Run run;
    run.id = id;
    run.style = style;
    createRun(run);
    runs_.insert(id, run);
    runsChanged();
    updateLegend();
    requestReplot();
}

void RunPlot::removeRun(const QString& id) {
    auto it = runs_.find(id);
    if (it == runs_.end())
        return;
    for (QCPGraph* graph : it->graphs)
        removeGraph(graph);
    for (QCPAbstractItem* item : it->items)
        removeItem(item);
    runs_.erase(it);
    runsChanged();
    updateLegend();
    requestReplot();
}

int RunPlot::records(const QString& id) const {
    const Run* r = run(id);
    return r ? int(r->records.size()) : 0;
}

const RunPlot::Run* RunPlot::run(const QString& id) const {
    auto it = runs_.find(id);
    return it == runs_.end() ? nullptr : &*it;
}

void RunPlot::append(const QString& runId, const MetricRecord& record) {
    if (!shows(kindOf(record)))
        return;
    auto it = runs_.find(runId);
    if (it == runs_.end())
        return;
    it->records << record;
    draw(*it, it->records.size() - 1);
    requestReplot();
}

void RunPlot::appendAll(const QString& runId, const QVector<MetricRecord>& records) {
    for (const MetricRecord& record : records)
        append(runId, record);
    runLoaded(runId);
}

QCPGraph* RunPlot::addRunGraph(Run& run, const QString& name, const QPen& pen,
                               const QCPScatterStyle& scatter, QCPAxis* valueAxis) {
    QCPGraph* graph = addGraph(xAxis, valueAxis ? valueAxis : yAxis);
    graph->setName(name);
    graph->setPen(scaled(pen));
    graph->setScatterStyle(scaled(scatter));
    if (name.isEmpty())
        graph->removeFromLegend();
    run.graphs << graph;
    return graph;
}

int RunPlot::addSmoothedCurve(Run& run, const QString& name, const QPen& pen, QCPAxis* valueAxis) {
    QColor faint = pen.color();
    faint.setAlpha(kRawAlpha);
    // A hairline (width 0) at every scale: Qt draws it on its fast path, where a wider pen
    // strokes each of the thousands of segments of a noisy curve as a path.
    QCPGraph* raw = addRunGraph(run, tr("%1 (raw)").arg(name), QPen(faint, 0), {}, valueAxis);
    raw->setLayer(QLatin1String(kRawLayer));
    raw->removeFromLegend();
    raw->setVisible(smoothing_ > 0);  // at 0 the smoothed curve is the raw one
    QCPGraph* smooth = addRunGraph(run, name, pen, {}, valueAxis);
    SmoothedCurve curve;
    curve.raw = raw;
    curve.smooth = smooth;
    curve.smoother = Smoother(smoothing_);
    run.curves << curve;
    return int(run.curves.size()) - 1;
}

void RunPlot::addSmoothedData(Run& run, int curve, double key, double value) {
    SmoothedCurve& c = run.curves[curve];
    c.raw->addData(key, value);
    c.keys << key;
    c.values << c.smoother.add(value);
    if (c.shownWidth == 0 && c.shownCount == c.keys.size() - 1) {  // every point shown: add it
        c.smooth->addData(key, c.values.last());
        c.shownCount = c.keys.size();
    }
}

void RunPlot::showSmoothed(SmoothedCurve& c) {
    constexpr int kMinWidth = 20;  // narrower: the plot has not been laid out yet
    QCPAxis* keyAxis = c.smooth->keyAxis();
    const int axisWidth = axisRect()->width();
    // 0: every point as it is (few points, or the plot not laid out yet), whatever the range.
    const int width = axisWidth < kMinWidth || c.keys.size() <= axisWidth ? 0 : axisWidth;
    if (c.shownCount == c.keys.size() && c.shownWidth == width &&
        (width == 0 || c.shownRange == keyAxis->range()))
        return;
    c.shownCount = c.keys.size();
    c.shownWidth = width;
    c.shownRange = keyAxis->range();
    if (width == 0) {
        c.smooth->setData(c.keys, c.values);
        return;
    }
    // One point a pixel column: the mean key and the mean of the finite values (NaN when none,
    // a gap as in the raw data).
    QVector<double> keys, values;
    keys.reserve(2 * width + 2);
    values.reserve(2 * width + 2);
    double keySum = 0, valueSum = 0, column = 0;
    int points = 0, finite = 0;
    const auto close = [&] {
        keys << keySum / points;
        values << (finite > 0 ? valueSum / finite : std::numeric_limits<double>::quiet_NaN());
        keySum = valueSum = 0;
        points = finite = 0;
    };
    for (qsizetype i = 0; i < c.keys.size(); ++i) {
        const double pixel = std::floor(keyAxis->coordToPixel(c.keys[i]));
        if (points > 0 && pixel != column)
            close();
        column = pixel;
        keySum += c.keys[i];
        ++points;
        if (std::isfinite(c.values[i]))
            valueSum += c.values[i], ++finite;
    }
    if (points > 0)
        close();
    c.smooth->setData(keys, values, true);
}

void RunPlot::setSmoothing(double weight) {
    weight = std::clamp(weight, 0.0, kMaxSmoothing);
    if (weight == smoothing_)
        return;
    smoothing_ = weight;
    bool any = false;
    for (Run& run : runs_)
        for (SmoothedCurve& curve : run.curves) {
            curve.raw->setVisible(weight > 0);
            any = true;
        }
    if (any)
        redraw();
}

void RunPlot::retranslateUi() {
    for (Run& run : runs_) {
        for (QCPGraph* graph : run.graphs)
            removeGraph(graph);
        for (QCPAbstractItem* item : run.items)
            removeItem(item);
        run.graphs.clear();
        run.items.clear();
        run.curves.clear();
        createRun(run);
    }
    if (!runs_.isEmpty()) {
        redraw();
        updateLegend();
    }
}

void RunPlot::redraw() {
    for (Run& run : runs_) {
        for (QCPGraph* graph : run.graphs)
            graph->data()->clear();
        for (QCPAbstractItem* item : run.items)
            removeItem(item);
        run.items.clear();
        for (SmoothedCurve& curve : run.curves) {
            curve.smoother = Smoother(smoothing_);
            curve.keys.clear();
            curve.values.clear();
            curve.shownCount = 0;
            curve.shownWidth = 0;
        }
        for (qsizetype i = 0; i < run.records.size(); ++i)
            draw(run, i);
    }
    requestReplot();
}

}  // namespace rx
