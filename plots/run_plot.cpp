#include "run_plot.h"

#include <algorithm>

namespace rx {

namespace {
// The layer of the faint raw curves: under every run's smoothed curve, over the grid.
constexpr char kRawLayer[] = "raw";
constexpr int kRawAlpha = 60;  // of 255
}  // namespace

RunPlot::RunPlot(std::initializer_list<MetricKind> kinds, QWidget* parent)
    : PlotBase(parent), kinds_(kinds) {
    addLayer(QLatin1String(kRawLayer), layer("main"), QCustomPlot::limBelow);
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
    QCPGraph* raw = addRunGraph(run, tr("%1 (raw)").arg(name), QPen(faint, 1), {}, valueAxis);
    raw->setLayer(QLatin1String(kRawLayer));
    raw->removeFromLegend();
    raw->setVisible(smoothing_ > 0);  // at 0 the smoothed curve is the raw one
    QCPGraph* smooth = addRunGraph(run, name, pen, {}, valueAxis);
    run.curves << SmoothedCurve{raw, smooth, Smoother(smoothing_)};
    return int(run.curves.size()) - 1;
}

void RunPlot::addSmoothedData(Run& run, int curve, double key, double value) {
    SmoothedCurve& c = run.curves[curve];
    c.raw->addData(key, value);
    c.smooth->addData(key, c.smoother.add(value));
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
        for (SmoothedCurve& curve : run.curves)
            curve.smoother = Smoother(smoothing_);
        for (qsizetype i = 0; i < run.records.size(); ++i)
            draw(run, i);
    }
    requestReplot();
}

}  // namespace rx
