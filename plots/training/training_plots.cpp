#include "training_plots.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace rx {

namespace {

QSharedPointer<QCPAxisTickerLog> logTicker() {
    return QSharedPointer<QCPAxisTickerLog>::create();
}

void setLog(QCPAxis* axis, bool log) {
    axis->setScaleType(log ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (log)
        axis->setTicker(logTicker());
    else {
        auto ticker = QSharedPointer<QCPAxisTicker>::create();
        ticker->setTickCount(5);
        axis->setTicker(ticker);
    }
}

}  // namespace

// ---- ErrorCurvePlot ----

ErrorCurvePlot::ErrorCurvePlot(QWidget* parent) : PlotBase(parent) {
    setObjectName(QStringLiteral("errorPlot"));
    xAxis->setLabel(tr("iteration"));
    yAxis->setLabel(tr("error (%)"));
    yAxis->setRange(0, 100);
    xAxis->setRange(0, 100);
    legend->setVisible(true);
}

void ErrorCurvePlot::addRun(const QString& id, const RunStyle& style) {
    if (runs_.contains(id))
        return;
    Run run;
    run.train = addRunGraph(tr("%1 train").arg(style.name), QPen(style.color, 1, Qt::DashLine));
    run.test = addRunGraph(tr("%1 test").arg(style.name), QPen(style.color, 2.6));
    runs_.insert(id, run);
    requestReplot();
}

void ErrorCurvePlot::removeRun(const QString& id) {
    auto it = runs_.find(id);
    if (it == runs_.end())
        return;
    removeGraph(it->train);
    removeGraph(it->test);
    for (auto* line : it->drops)
        removeItem(line);
    runs_.erase(it);
    requestReplot();
}

void ErrorCurvePlot::addTrainPoint(Run& run, const TrainMetrics& m) {
    const double x = key(m.iteration, m.epoch);
    run.train->addData(x, m.error);
    if (run.lastLr > 0 && m.learningRate < run.lastLr * 0.99) {
        // A learning-rate drop (the paper's steps at 32k and 48k): a dotted vertical line.
        auto* line = new QCPItemStraightLine(this);
        line->point1->setCoords(x, 0);
        line->point2->setCoords(x, 1);
        line->setPen(QPen(run.test->pen().color(), 1, Qt::DotLine));
        run.drops << line;
    }
    run.lastLr = m.learningRate;
    if (x > xAxis->range().upper)
        xAxis->setRangeUpper(x * 1.05);
}

void ErrorCurvePlot::appendTrain(const QString& id, const TrainMetrics& m) {
    auto it = runs_.find(id);
    if (it == runs_.end())
        return;
    it->trainData << m;
    addTrainPoint(*it, m);
    requestReplot();
}

void ErrorCurvePlot::appendTest(const QString& id, const TestMetrics& m) {
    auto it = runs_.find(id);
    if (it == runs_.end())
        return;
    it->testData << m;
    const double x = key(m.iteration, m.epoch);
    it->test->addData(x, m.error);
    it->test->setScatterStyle(it->test->dataCount() < 40
                                  ? QCPScatterStyle(QCPScatterStyle::ssDisc, 5)
                                  : QCPScatterStyle());
    if (x > xAxis->range().upper)
        xAxis->setRangeUpper(x * 1.05);
    requestReplot();
}

void ErrorCurvePlot::setEpochAxis(bool epochs) {
    if (epochs == epochs_)
        return;
    epochs_ = epochs;
    xAxis->setLabel(epochs ? tr("epoch") : tr("iteration"));
    xAxis->setRange(0, 1);
    for (Run& run : runs_) {
        run.train->data()->clear();
        run.test->data()->clear();
        for (auto* line : run.drops)
            removeItem(line);
        run.drops.clear();
        run.lastLr = 0;
        for (const TrainMetrics& m : run.trainData)
            addTrainPoint(run, m);
        for (const TestMetrics& m : run.testData)
            run.test->addData(key(m.iteration, m.epoch), m.error);
    }
    rescaleAxes(true);
    yAxis->setRange(yAxis->scaleType() == QCPAxis::stLogarithmic ? QCPRange(0.5, 100)
                                                                 : QCPRange(0, 100));
    requestReplot();
}

void ErrorCurvePlot::setLogScale(bool log) {
    setLog(yAxis, log);
    yAxis->setRange(log ? QCPRange(0.5, 100) : QCPRange(0, 100));
    requestReplot();
}

int ErrorCurvePlot::trainPoints(const QString& id) const {
    return runs_.contains(id) ? runs_[id].train->dataCount() : 0;
}
int ErrorCurvePlot::testPoints(const QString& id) const {
    return runs_.contains(id) ? runs_[id].test->dataCount() : 0;
}
int ErrorCurvePlot::lrDropMarkers(const QString& id) const {
    return runs_.contains(id) ? int(runs_[id].drops.size()) : 0;
}

QString ErrorCurvePlot::csv() const {
    QString out = QStringLiteral("run,split,iteration,epoch,error_percent\n");
    for (auto it = runs_.begin(); it != runs_.end(); ++it) {
        for (const TrainMetrics& m : it->trainData)
            out += QStringLiteral("%1,train,%2,%3,%4\n")
                       .arg(it.key())
                       .arg(m.iteration)
                       .arg(m.epoch)
                       .arg(m.error);
        for (const TestMetrics& m : it->testData)
            out += QStringLiteral("%1,test,%2,%3,%4\n")
                       .arg(it.key())
                       .arg(m.iteration)
                       .arg(m.epoch)
                       .arg(m.error);
    }
    return out;
}

// ---- LossRatePlot ----

LossRatePlot::LossRatePlot(QWidget* parent) : PlotBase(parent) {
    setObjectName(QStringLiteral("lossPlot"));
    xAxis->setLabel(tr("iteration"));
    yAxis->setLabel(tr("training loss"));
    yAxis2->setVisible(true);
    yAxis2->setLabel(tr("learning rate"));
    setLog(yAxis2, true);
    yAxis2->setRange(1e-4, 1);
}

void LossRatePlot::addRun(const QString& id, const RunStyle& style) {
    if (runs_.contains(id))
        return;
    Run run;
    run.loss = addRunGraph(tr("%1 loss").arg(style.name), QPen(style.color, 1.6));
    run.lr = addRunGraph(tr("%1 learning rate").arg(style.name),
                         QPen(style.color, 1, Qt::DashDotLine), {}, yAxis2);
    runs_.insert(id, run);
}

void LossRatePlot::removeRun(const QString& id) {
    auto it = runs_.find(id);
    if (it == runs_.end())
        return;
    removeGraph(it->loss);
    removeGraph(it->lr);
    runs_.erase(it);
    requestReplot();
}

void LossRatePlot::appendTrain(const QString& id, const TrainMetrics& m) {
    auto it = runs_.find(id);
    if (it == runs_.end())
        return;
    it->loss->addData(m.iteration, m.loss);
    it->lr->addData(m.iteration, m.learningRate);
    if (m.iteration > xAxis->range().upper)
        xAxis->setRangeUpper(m.iteration * 1.05);
    if (m.loss > yAxis->range().upper)
        yAxis->setRangeUpper(m.loss * 1.1);
    requestReplot();
}

QString LossRatePlot::csv() const {
    QString out = QStringLiteral("run,iteration,loss,learning_rate\n");
    for (auto it = runs_.begin(); it != runs_.end(); ++it) {
        auto l = it->loss->data()->constBegin();
        auto r = it->lr->data()->constBegin();
        for (; l != it->loss->data()->constEnd(); ++l, ++r)
            out += QStringLiteral("%1,%2,%3,%4\n")
                       .arg(it.key())
                       .arg(l->key)
                       .arg(l->value)
                       .arg(r->value);
    }
    return out;
}

// ---- ResponsePlot ----

ResponsePlot::ResponsePlot(QWidget* parent) : PlotBase(parent) {
    setObjectName(QStringLiteral("responsePlot"));
    xAxis->setLabel(tr("layer index (original order)"));
    yAxis->setLabel(tr("std of response"));
    legend->setVisible(true);
}

void ResponsePlot::addRun(const QString& id, const RunStyle& style) {
    if (runs_.contains(id))
        return;
    Run run;
    run.graph = addRunGraph(style.name, QPen(style.color, 1.6),
                            QCPScatterStyle(QCPScatterStyle::ssCircle, style.color, 5));
    runs_.insert(id, run);
}

void ResponsePlot::removeRun(const QString& id) {
    auto it = runs_.find(id);
    if (it == runs_.end())
        return;
    removeGraph(it->graph);
    runs_.erase(it);
    requestReplot();
}

void ResponsePlot::appendResponses(const QString& id, const LayerResponses& r) {
    auto it = runs_.find(id);
    if (it == runs_.end())
        return;
    it->history << r;
    refresh();
}

void ResponsePlot::setEpochIndex(int index) {
    index_ = index;
    refresh();
}

void ResponsePlot::setSorted(bool sorted) {
    sorted_ = sorted;
    xAxis->setLabel(sorted ? tr("layer index (sorted by magnitude)")
                           : tr("layer index (original order)"));
    refresh();
}

int ResponsePlot::measurementCount() const {
    int n = 0;
    for (const Run& r : runs_)
        n = std::max(n, int(r.history.size()));
    return n;
}

int ResponsePlot::points(const QString& id) const {
    return runs_.contains(id) ? runs_[id].graph->dataCount() : 0;
}

void ResponsePlot::refresh() {
    double top = 0;
    int layers = 1;
    for (Run& run : runs_) {
        run.graph->data()->clear();
        if (run.history.isEmpty())
            continue;
        const int i = index_ < 0 ? int(run.history.size()) - 1
                                 : std::min(index_, int(run.history.size()) - 1);
        QVector<double> std = run.history[i].std;
        if (sorted_)
            std::sort(std.begin(), std.end(), std::greater<double>());
        QVector<double> keys(std.size());
        std::iota(keys.begin(), keys.end(), 1.0);
        run.graph->setData(keys, std, true);
        for (double v : std)
            top = std::max(top, v);
        layers = std::max(layers, int(std.size()));
    }
    xAxis->setRange(0, layers + 1);
    yAxis->setRange(0, top > 0 ? top * 1.1 : 1);
    requestReplot();
}

QString ResponsePlot::tooltipAt(const QPoint& pos) const {
    QCPGraph* graph = nullptr;
    double key = 0, value = 0;
    if (!nearestGraphPoint(pos, &graph, &key, &value))
        return {};
    for (auto it = runs_.begin(); it != runs_.end(); ++it) {
        if (it->graph != graph || it->history.isEmpty() || sorted_)
            continue;
        const int i = index_ < 0 ? int(it->history.size()) - 1
                                 : std::min(index_, int(it->history.size()) - 1);
        const LayerResponses& r = it->history[i];
        const int layer = int(key) - 1;
        if (layer >= 0 && layer < r.layers.size())
            return tr("%1\n%2 (epoch %3)\nstd %4")
                .arg(graph->name(), r.layers[layer])
                .arg(r.epoch, 0, 'f', 2)
                .arg(value, 0, 'g', 5);
    }
    return PlotBase::tooltipAt(pos);
}

QString ResponsePlot::csv() const {
    QString out = QStringLiteral("run,iteration,epoch,layer,std\n");
    for (auto it = runs_.begin(); it != runs_.end(); ++it)
        for (const LayerResponses& r : it->history)
            for (int l = 0; l < r.layers.size(); ++l)
                out += QStringLiteral("%1,%2,%3,%4,%5\n")
                           .arg(it.key())
                           .arg(r.iteration)
                           .arg(r.epoch)
                           .arg(r.layers[l])
                           .arg(r.std.value(l));
    return out;
}

// ---- GradientHeatmap ----

GradientHeatmap::GradientHeatmap(QWidget* parent) : PlotBase(parent) {
    setObjectName(QStringLiteral("gradientHeatmap"));
    xAxis->setLabel(tr("iteration"));
    yAxis->setLabel(tr("layer (input at the bottom)"));
    xAxis->ticker()->setTickCount(3);  // the map is narrow beside its colour scale
    map_ = new QCPColorMap(xAxis, yAxis);
    scale_ = new QCPColorScale(this);
    plotLayout()->addElement(0, 1, scale_);
    scale_->setLabel(tr("gradient L2 norm"));
    scale_->setDataScaleType(QCPAxis::stLogarithmic);
    scale_->axis()->setTicker(logTicker());
    map_->setColorScale(scale_);
    map_->setGradient(QCPColorGradient::gpThermal);
    map_->setInterpolate(false);
    auto* margins = new QCPMarginGroup(this);
    axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    scale_->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
}

void GradientHeatmap::showRun(const QString& id) {
    shown_ = id;
    stale_ = true;
    requestReplot();
}

void GradientHeatmap::appendGradients(const QString& id, const GradientNorms& g) {
    history_[id] << g;
    if (shown_.isEmpty())
        shown_ = id;
    if (id != shown_)
        return;
    stale_ = true;
    requestReplot();
}

void GradientHeatmap::removeRun(const QString& id) {
    history_.remove(id);
    if (shown_ == id)
        shown_ = history_.isEmpty() ? QString() : history_.begin().key();
    stale_ = true;
    requestReplot();
}

int GradientHeatmap::columns() const {
    return int(history_.value(shown_).size());
}

void GradientHeatmap::prepareReplot() {
    if (stale_)
        rebuild();
}

void GradientHeatmap::rebuild() {
    constexpr int kMaxColumns = 1500;  // a long run is shown at a coarser time step
    stale_ = false;
    const QVector<GradientNorms>& h = history_[shown_];
    if (h.isEmpty()) {
        map_->data()->clear();
        return;
    }
    stride_ = int((h.size() + kMaxColumns - 1) / kMaxColumns);
    const int columns = int((h.size() + stride_ - 1) / stride_);
    const int layers = int(h.last().norms.size());
    map_->data()->setSize(columns, std::max(1, layers));
    map_->data()->setRange(
        QCPRange(h.first().iteration, std::max(h.last().iteration, h.first().iteration + 1)),
        QCPRange(0, std::max(1, layers - 1)));
    double lo = 1e300, hi = 0;
    for (int x = 0; x < columns; ++x)
        for (int y = 0; y < layers; ++y) {
            const double v = h[x * stride_].norms.value(y, std::nan(""));
            map_->data()->setCell(x, y, v);
            if (v > 0)
                lo = std::min(lo, v), hi = std::max(hi, v);
        }
    if (hi > 0)
        map_->setDataRange(QCPRange(lo, std::max(hi, lo * 1.0001)));
    rescaleAxes();
}

QString GradientHeatmap::tooltipAt(const QPoint& pos) const {
    const QVector<GradientNorms>& h = history_.value(shown_);
    if (h.isEmpty())
        return {};
    int kx = 0, ky = 0;
    map_->data()->coordToCell(xAxis->pixelToCoord(pos.x()), yAxis->pixelToCoord(pos.y()), &kx, &ky);
    if (kx < 0 || kx >= h.size() || ky < 0 || ky >= h[kx].layers.size())
        return {};
    return tr("%1 at iteration %2\ngradient norm %3")
        .arg(h[kx].layers[ky])
        .arg(h[kx].iteration)
        .arg(h[kx].norms[ky], 0, 'g', 4);
}

QString GradientHeatmap::csv() const {
    QString out = QStringLiteral("run,iteration,layer,gradient_norm\n");
    for (auto it = history_.begin(); it != history_.end(); ++it)
        for (const GradientNorms& g : it.value())
            for (int l = 0; l < g.layers.size(); ++l)
                out += QStringLiteral("%1,%2,%3,%4\n")
                           .arg(it.key())
                           .arg(g.iteration)
                           .arg(g.layers[l])
                           .arg(g.norms.value(l));
    return out;
}

// ---- GradientLatestPlot ----

GradientLatestPlot::GradientLatestPlot(QWidget* parent) : PlotBase(parent) {
    setObjectName(QStringLiteral("gradientLatest"));
    xAxis->setLabel(tr("layer index"));
    yAxis->setLabel(tr("latest gradient L2 norm"));
    setLog(yAxis, true);
    yAxis->setRange(1e-4, 10);
}

void GradientLatestPlot::addRun(const QString& id, const RunStyle& style) {
    if (runs_.contains(id))
        return;
    Run run;
    run.graph = addRunGraph(style.name, QPen(style.color, 1.6),
                            QCPScatterStyle(QCPScatterStyle::ssDisc, style.color, 4));
    runs_.insert(id, run);
}

void GradientLatestPlot::removeRun(const QString& id) {
    auto it = runs_.find(id);
    if (it == runs_.end())
        return;
    removeGraph(it->graph);
    runs_.erase(it);
    requestReplot();
}

void GradientLatestPlot::appendGradients(const QString& id, const GradientNorms& g) {
    auto it = runs_.find(id);
    if (it == runs_.end())
        return;
    it->latest = g;
    QVector<double> keys(g.norms.size());
    std::iota(keys.begin(), keys.end(), 1.0);
    it->graph->setData(keys, g.norms, true);
    double lo = 1e300, hi = 0;
    for (const Run& r : runs_)
        for (double v : r.latest.norms)
            if (v > 0)
                lo = std::min(lo, v), hi = std::max(hi, v);
    if (hi > 0)
        yAxis->setRange(lo / 2, hi * 2);
    xAxis->setRange(0, g.norms.size() + 1);
    requestReplot();
}

int GradientLatestPlot::points(const QString& id) const {
    return runs_.contains(id) ? runs_[id].graph->dataCount() : 0;
}

QString GradientLatestPlot::csv() const {
    QString out = QStringLiteral("run,iteration,layer,gradient_norm\n");
    for (auto it = runs_.begin(); it != runs_.end(); ++it)
        for (int l = 0; l < it->latest.layers.size(); ++l)
            out += QStringLiteral("%1,%2,%3,%4\n")
                       .arg(it.key())
                       .arg(it->latest.iteration)
                       .arg(it->latest.layers[l])
                       .arg(it->latest.norms.value(l));
    return out;
}

}  // namespace rx
