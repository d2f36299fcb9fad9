#include "training_plots.h"

#include <algorithm>
#include <cmath>
#include <limits>
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

// CSV rows "run,split,iteration,epoch,error,smoothed" of the records of type T: the raw error and,
// for a smoothed curve (smoothing ≥ 0), the value drawn; the last column is empty otherwise.
template <typename T>
QString errorRows(const QString& run, const char* split, const QVector<MetricRecord>& records,
                  double smoothing = -1) {
    QVector<const T*> rows;
    QVector<double> errors;
    for (const MetricRecord& record : records)
        if (const T* m = std::get_if<T>(&record)) {
            rows << m;
            errors << m->error;
        }
    const QVector<double> shown = smoothing >= 0 ? smoothed(errors, smoothing) : QVector<double>();
    QString out;
    for (qsizetype i = 0; i < rows.size(); ++i)
        out += QStringLiteral("%1,%2,%3,%4,%5,%6\n")
                   .arg(run, QLatin1String(split))
                   .arg(rows[i]->iteration)
                   .arg(rows[i]->epoch)
                   .arg(rows[i]->error)
                   .arg(shown.isEmpty() ? QString() : QString::number(shown[i]));
    return out;
}

// CSV rows "run,<columns>,layer,value", one per layer of one measurement.
QString layerRows(const QString& run, const QString& columns, const QStringList& layers,
                  const QVector<double>& values) {
    QString out;
    for (int l = 0; l < layers.size(); ++l)
        out += QStringLiteral("%1,%2,%3,%4\n")
                   .arg(run, columns, layers[l],
                        QString::number(values.value(l), 'g', QLocale::FloatingPointShortest));
    return out;
}

}  // namespace

// ---- ErrorCurvePlot ----

ErrorCurvePlot::ErrorCurvePlot(QWidget* parent)
    : RunPlot({MetricKind::Train, MetricKind::Test}, parent) {
    setObjectName(QStringLiteral("errorPlot"));
    retranslateUi();
    yAxis->setRange(0, 100);
    xAxis->setRange(0, 100);
    showLegendAbove();
}

void ErrorCurvePlot::retranslateUi() {
    xAxis->setLabel(epochs_ ? tr("epoch") : tr("iteration"));
    yAxis->setLabel(tr("error (%)"));
    RunPlot::retranslateUi();
}

void ErrorCurvePlot::createRun(Run& run) {
    addSmoothedCurve(run, tr("%1 train").arg(run.style.name),
                     QPen(run.style.color, 1.2, Qt::DashLine));
    addRunGraph(run, tr("%1 test").arg(run.style.name), QPen(run.style.color, 2.6));
}

void ErrorCurvePlot::extendKeyRange(double x) {
    if (x > xAxis->range().upper)
        xAxis->setRangeUpper(x * 1.05);
}

void ErrorCurvePlot::draw(Run& run, qsizetype index) {
    const MetricRecord& record = run.records[index];
    if (const auto* m = std::get_if<TrainMetrics>(&record)) {
        const double x = key(m->iteration, m->epoch);
        addSmoothedData(run, TrainCurve, x, m->error);
        const TrainMetrics* before = previous<TrainMetrics>(run, index);
        if (before && before->learningRate > 0 && m->learningRate < before->learningRate * 0.99) {
            // A learning-rate drop (the paper's steps at 32k and 48k): a dotted vertical line.
            auto* line = new QCPItemStraightLine(this);
            line->point1->setCoords(x, 0);
            line->point2->setCoords(x, 1);
            line->setPen(scaled(QPen(run.style.color, 1, Qt::DotLine)));
            run.items << line;
        }
        extendKeyRange(x);
    } else if (const auto* t = std::get_if<TestMetrics>(&record)) {
        const double x = key(t->iteration, t->epoch);
        QCPGraph* test = run.graphs[TestGraph];
        test->addData(x, t->error);
        test->setScatterStyle(test->dataCount() < 40
                                  ? scaled(QCPScatterStyle(QCPScatterStyle::ssDisc, 5))
                                  : QCPScatterStyle());
        extendKeyRange(x);
    }
}

void ErrorCurvePlot::setEpochAxis(bool epochs) {
    if (epochs == epochs_)
        return;
    epochs_ = epochs;
    xAxis->setLabel(epochs ? tr("epoch") : tr("iteration"));  // as retranslateUi
    xAxis->setRange(0, 1);
    redraw();
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
    const Run* r = run(id);
    return r ? r->graphs[TrainRaw]->dataCount() : 0;
}
int ErrorCurvePlot::testPoints(const QString& id) const {
    const Run* r = run(id);
    return r ? r->graphs[TestGraph]->dataCount() : 0;
}
int ErrorCurvePlot::lrDropMarkers(const QString& id) const {
    const Run* r = run(id);
    return r ? int(r->items.size()) : 0;
}

QString ErrorCurvePlot::csv() const {
    QString out =
        QStringLiteral("run,split,iteration,epoch,error_percent,smoothed_error_percent\n");
    for (const Run& r : runs())
        out += errorRows<TrainMetrics>(r.id, "train", r.records, smoothing()) +
               errorRows<TestMetrics>(r.id, "test", r.records);
    return out;
}

// ---- LossRatePlot ----

LossRatePlot::LossRatePlot(QWidget* parent) : RunPlot({MetricKind::Train}, parent) {
    setObjectName(QStringLiteral("lossPlot"));
    yAxis2->setVisible(true);
    retranslateUi();
    setLog(yAxis2, true);
    yAxis2->setRange(1e-4, 1);
}

void LossRatePlot::retranslateUi() {
    xAxis->setLabel(tr("iteration"));
    yAxis->setLabel(tr("training loss"));
    yAxis2->setLabel(tr("learning rate"));
    RunPlot::retranslateUi();
}

void LossRatePlot::createRun(Run& run) {
    addSmoothedCurve(run, tr("%1 loss").arg(run.style.name), QPen(run.style.color, 1.6));
    addRunGraph(run, tr("%1 learning rate").arg(run.style.name),
                QPen(run.style.color, 1, Qt::DashDotLine), {}, yAxis2);
}

void LossRatePlot::draw(Run& run, qsizetype index) {
    const auto& m = std::get<TrainMetrics>(run.records[index]);
    addSmoothedData(run, LossCurve, m.iteration, m.loss);
    run.graphs[RateGraph]->addData(m.iteration, m.learningRate);
    if (m.iteration > xAxis->range().upper)
        xAxis->setRangeUpper(m.iteration * 1.05);
    if (m.loss > yAxis->range().upper)
        yAxis->setRangeUpper(m.loss * 1.1);
}

QString LossRatePlot::csv() const {
    QString out = QStringLiteral("run,iteration,loss,learning_rate,smoothed_loss\n");
    for (const Run& r : runs()) {
        QVector<double> losses;
        for (const MetricRecord& record : r.records)
            losses << std::get<TrainMetrics>(record).loss;
        const QVector<double> shown = smoothed(losses, smoothing());
        for (qsizetype i = 0; i < r.records.size(); ++i) {
            const auto& m = std::get<TrainMetrics>(r.records[i]);
            out += QStringLiteral("%1,%2,%3,%4,%5\n")
                       .arg(r.id)
                       .arg(m.iteration)
                       .arg(m.loss)
                       .arg(m.learningRate)
                       .arg(shown[i]);
        }
    }
    return out;
}

// ---- LayerProfilePlot ----

LayerProfilePlot::LayerProfilePlot(const Profile& profile, QWidget* parent)
    : RunPlot({profile.kind}, parent), profile_(profile) {
    if (profile.logScale) {
        yAxis->setScaleType(QCPAxis::stLogarithmic);
        yAxis->setTicker(logTicker());
    }
    showLegendAbove();
}

void LayerProfilePlot::retranslateUi() {
    xAxis->setLabel(xLabel());
    RunPlot::retranslateUi();
}

void LayerProfilePlot::createRun(Run& run) {
    addRunGraph(run, run.style.name, QPen(run.style.color, 1.6),
                QCPScatterStyle(QCPScatterStyle::ssCircle, run.style.color, 5));
}

void LayerProfilePlot::draw(Run&, qsizetype) {
    refresh();
    Q_EMIT measurementsChanged(measurementCount());
}

void LayerProfilePlot::runsChanged() {
    refresh();
    Q_EMIT measurementsChanged(measurementCount());
}

void LayerProfilePlot::setEpochIndex(int index) {
    index_ = index;
    refresh();
}

void LayerProfilePlot::setSorted(bool sorted) {
    sorted_ = sorted;
    xAxis->setLabel(xLabel());
    refresh();
}

int LayerProfilePlot::measurementCount() const {
    int n = 0;
    for (const Run& r : runs())
        n = std::max(n, int(r.records.size()));
    return n;
}

int LayerProfilePlot::points(const QString& id) const {
    const Run* r = run(id);
    return r ? r->graphs.first()->dataCount() : 0;
}

const MetricRecord* LayerProfilePlot::shownOf(const Run& run) const {
    if (run.records.isEmpty())
        return nullptr;
    const qsizetype last = run.records.size() - 1;
    return &run.records[index_ < 0 ? last : std::min<qsizetype>(index_, last)];
}

void LayerProfilePlot::refresh() {
    double top = 0, bottom = std::numeric_limits<double>::infinity();
    int layers = 1;
    for (const Run& run : runs()) {
        QCPGraph* graph = run.graphs.first();
        graph->data()->clear();
        const MetricRecord* shown = shownOf(run);
        if (!shown)
            continue;
        QVector<double> values = profile_.values(*shown);
        if (sorted_)  // NaN (no value: a plain block's ratio) last
            std::sort(values.begin(), values.end(),
                      [](double a, double b) { return std::isnan(b) ? !std::isnan(a) : a > b; });
        QVector<double> keys(values.size());
        std::iota(keys.begin(), keys.end(), 1.0);
        graph->setData(keys, values, true);
        for (double v : values)
            if (std::isfinite(v) && (!profile_.logScale || v > 0))
                top = std::max(top, v), bottom = std::min(bottom, v);
        layers = std::max(layers, int(values.size()));
    }
    xAxis->setRange(0, layers + 1);
    if (profile_.logScale)
        yAxis->setRange(std::isfinite(bottom) ? bottom / 2 : 1e-4, top > 0 ? top * 2 : 1);
    else
        yAxis->setRange(0, top > 0 ? top * 1.1 : 1);
    requestReplot();
}

QString LayerProfilePlot::tooltipAt(const QPoint& pos) const {
    QCPGraph* graph = nullptr;
    double key = 0, value = 0;
    if (!nearestGraphPoint(pos, &graph, &key, &value))
        return {};
    for (const Run& run : runs()) {
        const MetricRecord* r = shownOf(run);
        if (run.graphs.first() != graph || !r || sorted_)
            continue;
        const QStringList& names = profile_.names(*r);
        const int layer = int(key) - 1;
        if (layer >= 0 && layer < names.size())
            return tr("%1\n%2 (epoch %3)\n%4")
                .arg(graph->name(), names[layer])
                .arg(epochOf(*r), 0, 'f', 2)
                .arg(value, 0, 'g', 5);
    }
    return PlotBase::tooltipAt(pos);
}

QString LayerProfilePlot::csv() const {
    QString out =
        QStringLiteral("run,iteration,epoch,layer,%1\n").arg(QLatin1String(profile_.csvColumn));
    for (const Run& run : runs())
        for (const MetricRecord& record : run.records)
            out += layerRows(run.id,
                             QStringLiteral("%1,%2").arg(iterationOf(record)).arg(epochOf(record)),
                             profile_.names(record), profile_.values(record));
    return out;
}

// ---- ResponsePlot, ResidualRatioPlot, ActivationGradientPlot ----

namespace {

template <typename T, auto Names, auto Values>
LayerProfilePlot::Profile profileOf(MetricKind kind, const char* column, bool log) {
    return {kind, [](const MetricRecord& r) -> const QStringList& { return std::get<T>(r).*Names; },
            [](const MetricRecord& r) -> const QVector<double>& { return std::get<T>(r).*Values; },
            column, log};
}

}  // namespace

ResponsePlot::ResponsePlot(QWidget* parent)
    : LayerProfilePlot(profileOf<LayerResponses, &LayerResponses::layers, &LayerResponses::std>(
                           MetricKind::Responses, "std", false),
                       parent) {
    setObjectName(QStringLiteral("responsePlot"));
    retranslateUi();
}

QString ResponsePlot::xLabel() const {
    return sorted() ? tr("layer index (sorted by magnitude)") : tr("layer index (original order)");
}

void ResponsePlot::retranslateUi() {
    yAxis->setLabel(tr("std of response"));
    LayerProfilePlot::retranslateUi();
}

ResidualRatioPlot::ResidualRatioPlot(QWidget* parent)
    : LayerProfilePlot(
          profileOf<BlockDynamics, &BlockDynamics::blocks, &BlockDynamics::residualRatio>(
              MetricKind::Blocks, "residual_ratio", false),
          parent) {
    setObjectName(QStringLiteral("residualRatioPlot"));
    retranslateUi();
}

QString ResidualRatioPlot::xLabel() const {
    return sorted() ? tr("block (sorted by ratio)") : tr("block (input side at the left)");
}

void ResidualRatioPlot::retranslateUi() {
    yAxis->setLabel(tr("‖F(x)‖ / ‖x‖"));
    LayerProfilePlot::retranslateUi();
}

ActivationGradientPlot::ActivationGradientPlot(QWidget* parent)
    : LayerProfilePlot(
          profileOf<BlockDynamics, &BlockDynamics::blocks, &BlockDynamics::activationGradient>(
              MetricKind::Blocks, "activation_gradient", true),
          parent) {
    setObjectName(QStringLiteral("activationGradientPlot"));
    retranslateUi();
}

QString ActivationGradientPlot::xLabel() const {
    return sorted() ? tr("block (sorted by norm)") : tr("block (input side at the left)");
}

void ActivationGradientPlot::retranslateUi() {
    yAxis->setLabel(tr("‖∂loss/∂block output‖"));
    LayerProfilePlot::retranslateUi();
}

// ---- GradientHeatmap ----

GradientHeatmap::GradientHeatmap(QWidget* parent) : RunPlot({MetricKind::Gradients}, parent) {
    setObjectName(QStringLiteral("gradientHeatmap"));
    xAxis->ticker()->setTickCount(3);  // the map is narrow beside its colour scale
    map_ = new QCPColorMap(xAxis, yAxis);
    scale_ = new QCPColorScale(this);
    plotLayout()->addElement(0, 1, scale_);
    retranslateUi();
    scale_->setDataScaleType(QCPAxis::stLogarithmic);
    scale_->axis()->setTicker(logTicker());
    map_->setColorScale(scale_);
    map_->setGradient(QCPColorGradient::gpThermal);
    map_->setInterpolate(false);
    map_->setVisible(false);
    auto* margins = new QCPMarginGroup(this);
    axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    scale_->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
}

void GradientHeatmap::retranslateUi() {
    xAxis->setLabel(tr("iteration"));
    yAxis->setLabel(tr("layer (input at the bottom)"));
    scale_->setLabel(tr("gradient L2 norm"));
    RunPlot::retranslateUi();
}

void GradientHeatmap::focusRun(const QString& id) {
    shown_ = id;
    stale_ = true;
    requestReplot();
}

void GradientHeatmap::draw(Run& run, qsizetype) {
    if (run.id != shown_)
        return;
    stale_ = true;
    requestReplot();
}

void GradientHeatmap::runsChanged() {
    if (!hasRun(shown_))
        shown_ = runs().isEmpty() ? QString() : runs().begin().key();
    stale_ = true;
    requestReplot();
}

QVector<const GradientNorms*> GradientHeatmap::shownHistory() const {
    QVector<const GradientNorms*> h;
    if (const Run* r = run(shown_)) {
        h.reserve(r->records.size());
        for (const MetricRecord& record : r->records)
            h << &std::get<GradientNorms>(record);
    }
    return h;
}

int GradientHeatmap::columns() const {
    return records(shown_);
}

void GradientHeatmap::prepareReplot() {
    if (stale_)
        rebuild();
}

void GradientHeatmap::rebuild() {
    constexpr int kMaxColumns = 1500;  // a long run is shown at a coarser time step
    stale_ = false;
    const QVector<const GradientNorms*> h = shownHistory();
    // No measurement yet: no map (QCPColorMap starts as a dark 10×10 block of zeros).
    map_->setVisible(!h.isEmpty());
    if (h.isEmpty()) {
        map_->data()->clear();
        return;
    }
    stride_ = int((h.size() + kMaxColumns - 1) / kMaxColumns);
    const int columns = int((h.size() + stride_ - 1) / stride_);
    const int layers = int(h.last()->norms.size());
    map_->data()->setSize(columns, std::max(1, layers));
    map_->data()->setRange(
        QCPRange(h.first()->iteration, std::max(h.last()->iteration, h.first()->iteration + 1)),
        QCPRange(0, std::max(1, layers - 1)));
    double lo = 1e300, hi = 0;
    for (int x = 0; x < columns; ++x)
        for (int y = 0; y < layers; ++y) {
            const double v = h[x * stride_]->norms.value(y, std::nan(""));
            map_->data()->setCell(x, y, v);
            if (v > 0)
                lo = std::min(lo, v), hi = std::max(hi, v);
        }
    if (hi > 0)
        map_->setDataRange(QCPRange(lo, std::max(hi, lo * 1.0001)));
    rescaleAxes();
}

QString GradientHeatmap::tooltipAt(const QPoint& pos) const {
    const QVector<const GradientNorms*> h = shownHistory();
    if (h.isEmpty())
        return {};
    int kx = 0, ky = 0;
    map_->data()->coordToCell(xAxis->pixelToCoord(pos.x()), yAxis->pixelToCoord(pos.y()), &kx, &ky);
    // Column kx shows measurement kx × stride_ (see rebuild).
    const qsizetype i = qsizetype(kx) * stride_;
    if (kx < 0 || i >= h.size() || ky < 0 || ky >= h[i]->layers.size())
        return {};
    return tr("%1 at iteration %2\ngradient norm %3")
        .arg(h[i]->layers[ky])
        .arg(h[i]->iteration)
        .arg(h[i]->norms.value(ky), 0, 'g', 4);
}

QString GradientHeatmap::csv() const {
    QString out = QStringLiteral("run,iteration,layer,gradient_norm\n");
    for (const Run& run : runs())
        for (const MetricRecord& record : run.records) {
            const auto& g = std::get<GradientNorms>(record);
            out += layerRows(run.id, QString::number(g.iteration), g.layers, g.norms);
        }
    return out;
}

// ---- GradientLatestPlot ----

GradientLatestPlot::GradientLatestPlot(QWidget* parent) : RunPlot({MetricKind::Gradients}, parent) {
    setObjectName(QStringLiteral("gradientLatest"));
    retranslateUi();
    setLog(yAxis, true);
    yAxis->setRange(1e-4, 10);
}

void GradientLatestPlot::retranslateUi() {
    xAxis->setLabel(tr("layer index"));
    yAxis->setLabel(tr("gradient L2 norm"));  // the title says "latest"
    RunPlot::retranslateUi();
}

void GradientLatestPlot::createRun(Run& run) {
    addRunGraph(run, run.style.name, QPen(run.style.color, 1.6),
                QCPScatterStyle(QCPScatterStyle::ssDisc, run.style.color, 4));
}

const GradientNorms* GradientLatestPlot::latestOf(const Run& run) {
    return run.records.isEmpty() ? nullptr : &std::get<GradientNorms>(run.records.last());
}

void GradientLatestPlot::draw(Run& run, qsizetype index) {
    const auto& g = std::get<GradientNorms>(run.records[index]);
    QVector<double> keys(g.norms.size());
    std::iota(keys.begin(), keys.end(), 1.0);
    run.graphs.first()->setData(keys, g.norms, true);
    double lo = 1e300, hi = 0;
    for (const Run& r : runs())
        if (const GradientNorms* latest = latestOf(r))
            for (double v : latest->norms)
                if (v > 0)
                    lo = std::min(lo, v), hi = std::max(hi, v);
    if (hi > 0)
        yAxis->setRange(lo / 2, hi * 2);
    xAxis->setRange(0, g.norms.size() + 1);
}

int GradientLatestPlot::points(const QString& id) const {
    const Run* r = run(id);
    return r ? r->graphs.first()->dataCount() : 0;
}

QString GradientLatestPlot::csv() const {
    QString out = QStringLiteral("run,iteration,layer,gradient_norm\n");
    for (const Run& run : runs())
        if (const GradientNorms* g = latestOf(run))
            out += layerRows(run.id, QString::number(g->iteration), g->layers, g->norms);
    return out;
}

}  // namespace rx
