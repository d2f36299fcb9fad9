#include "lesion_plots.h"

#include <QLocale>

#include <algorithm>

namespace rx {

namespace {

constexpr double kTopPercent = 100;  // the fixed error axis: 0–100 %
constexpr double kBarWidth = 0.7;    // of a block's slot
constexpr int kNamedBlocks = 12;     // block names on the x axis at most (ResNet-56 has 27)

QString percent(double value) {
    return QLocale().toString(value, 'f', 1) + QStringLiteral(" %");
}

QString signedPoints(double value) {
    return (value >= 0 ? QStringLiteral("+") : QString()) + QLocale().toString(value, 'f', 1);
}

// A horizontal line across `range`, as a two-point graph (so it shows in the legend).
void drawLevel(QCPGraph* graph, const QCPRange& range, double level) {
    graph->setData({range.lower, range.upper}, {level, level}, true);
}

}  // namespace

// ---- LesionPlot ----

LesionPlot::LesionPlot(QWidget* parent) : PlotBase(parent) {
    baseline_ = addGraph();
    baseline_->setPen(QPen(Qt::black, 1.4, Qt::DashLine));
    chance_ = addGraph();
    chance_->setPen(QPen(QColor(150, 0, 0), 1.4, Qt::DotLine));
    yAxis->setRange(0, kTopPercent);
    showLegendAbove();
}

void LesionPlot::setStudy(const std::optional<LesionStudy>& study, const QColor& color) {
    study_ = study;
    color_ = color;
    if (study_) {
        drawLevel(baseline_, keyRange(), study_->baselineError);
        drawLevel(chance_, keyRange(), kChanceErrorPercent);
    } else {
        baseline_->data()->clear();
        chance_->data()->clear();
    }
    drawStudy();
    retranslateUi();
    resetView();
}

void LesionPlot::resetView() {
    xAxis->setRange(keyRange());
    yAxis->setRange(0, kTopPercent);
    requestReplot();
}

void LesionPlot::retranslateUi() {
    yAxis->setLabel(tr("test error (%)"));
    baseline_->setName(study_ ? tr("nothing removed (%1)").arg(percent(study_->baselineError))
                              : tr("nothing removed"));
    chance_->setName(tr("chance (%1)").arg(percent(kChanceErrorPercent)));
    for (QCPGraph* g : {baseline_, chance_}) {
        if (g->data()->isEmpty())
            g->removeFromLegend();
        else
            g->addToLegend();
    }
    updateLegend();
}

// ---- LesionBlockPlot ----

LesionBlockPlot::LesionBlockPlot(QWidget* parent) : LesionPlot(parent) {
    setObjectName(QStringLiteral("lesionBlockPlot"));
    kept_ = new QCPBars(xAxis, yAxis);
    downsampling_ = new QCPBars(xAxis, yAxis);
    fixed_ = new QCPBars(xAxis, yAxis);
    for (QCPBars* bars : {kept_, downsampling_, fixed_})
        bars->setWidth(kBarWidth);
    fixed_->setPen(QPen(Qt::gray));
    fixed_->setBrush(QBrush(Qt::gray, Qt::BDiagPattern));
    xAxis->setTickLabelRotation(60);
    xAxis->grid()->setVisible(false);
    retranslateUi();
}

QCPRange LesionBlockPlot::keyRange() const {
    const int n = study() ? int(study()->blocks.size()) : 1;
    return QCPRange(-0.5, n - 0.5);
}

void LesionBlockPlot::drawStudy() {
    for (QCPBars* bars : {kept_, downsampling_, fixed_})
        bars->data()->clear();
    auto names = QSharedPointer<QCPAxisTickerText>::create();
    xAxis->setTicker(names);
    if (!study())
        return;
    const QColor c = color();
    kept_->setPen(QPen(c.darker(130)));
    kept_->setBrush(c);
    downsampling_->setPen(QPen(c.darker(200)));
    downsampling_->setBrush(c.darker(170));
    const auto& blocks = study()->blocks;
    // A deep net's names would run into each other: then every few blocks is named.
    const int stride = int(blocks.size() + kNamedBlocks - 1) / kNamedBlocks;
    for (int i = 0; i < blocks.size(); ++i) {
        const LesionBlock& b = blocks[i];
        if (i % stride == 0)
            names->addTick(i, b.name);
        if (!b.removable)
            fixed_->addData(i, kTopPercent);
        else
            (b.downsampling ? downsampling_ : kept_)->addData(i, b.error);
    }
}

void LesionBlockPlot::retranslateUi() {
    LesionPlot::retranslateUi();
    xAxis->setLabel(tr("block left out"));
    kept_->setName(tr("error without the block"));
    downsampling_->setName(tr("… a downsampling block"));
    fixed_->setName(tr("cannot be left out (changes the shape)"));
    for (QCPBars* bars : {kept_, downsampling_, fixed_}) {
        if (bars->data()->isEmpty())
            bars->removeFromLegend();
        else
            bars->addToLegend();
    }
    updateLegend();
}

int LesionBlockPlot::removableBars() const {
    return kept_->dataCount() + downsampling_->dataCount();
}

int LesionBlockPlot::notRemovableBars() const {
    return fixed_->dataCount();
}

int LesionBlockPlot::blockAt(const QPoint& pos) const {
    if (!study() || !axisRect()->rect().contains(pos))
        return -1;
    const int i = qRound(xAxis->pixelToCoord(pos.x()));
    return i >= 0 && i < study()->blocks.size() ? i : -1;
}

QString LesionBlockPlot::tooltipAt(const QPoint& pos) const {
    const int i = blockAt(pos);
    if (i < 0)
        return {};
    const LesionBlock& b = study()->blocks[i];
    const QString kind =
        b.residual ? (b.downsampling ? tr("residual block, downsampling") : tr("residual block"))
                   : (b.downsampling ? tr("plain block, downsampling") : tr("plain block"));
    if (!b.removable)
        return tr("%1 (%2)\ncannot be left out: its output has another shape than its input")
            .arg(b.name, kind);
    return tr("%1 (%2)\ntest error without it: %3 (%4 points)")
        .arg(b.name, kind, percent(b.error), signedPoints(b.error - study()->baselineError));
}

QString LesionBlockPlot::csv() const {
    QString out = QStringLiteral("block,residual,downsampling,removable,error_percent\n");
    if (!study())
        return out;
    out += QStringLiteral("none,,,,%1\n").arg(study()->baselineError);
    for (const LesionBlock& b : study()->blocks)
        out += QStringLiteral("%1,%2,%3,%4,%5\n")
                   .arg(b.name)
                   .arg(int(b.residual))
                   .arg(int(b.downsampling))
                   .arg(int(b.removable))
                   .arg(b.removable ? QString::number(b.error) : QString());
    return out;
}

// ---- LesionRandomPlot ----

LesionRandomPlot::LesionRandomPlot(QWidget* parent) : LesionPlot(parent) {
    setObjectName(QStringLiteral("lesionRandomPlot"));
    min_ = addGraph();
    max_ = addGraph();
    mean_ = addGraph();
    max_->setChannelFillGraph(min_);
    min_->removeFromLegend();
    retranslateUi();
}

QCPRange LesionRandomPlot::keyRange() const {
    const int n = study() ? std::max(1, int(study()->random.size())) : 1;
    return QCPRange(-0.3, n + 0.3);
}

void LesionRandomPlot::drawStudy() {
    for (QCPGraph* g : {min_, max_, mean_})
        g->data()->clear();
    if (!study())
        return;
    const QColor c = color();
    QColor band = c;
    band.setAlpha(60);
    min_->setPen(Qt::NoPen);
    max_->setPen(Qt::NoPen);
    max_->setBrush(band);
    mean_->setPen(scaled(QPen(c, 1.8)));
    mean_->setScatterStyle(scaled(QCPScatterStyle(QCPScatterStyle::ssCircle, c, 5)));
    // k = 0: nothing removed.
    const double base = study()->baselineError;
    QVector<double> keys{0}, mean{base}, lo{base}, hi{base};
    for (const LesionRandom& r : study()->random) {
        keys << r.k;
        mean << r.mean();
        lo << r.min();
        hi << r.max();
    }
    min_->setData(keys, lo, true);
    max_->setData(keys, hi, true);
    mean_->setData(keys, mean, true);
    auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
    ticker->setTickStep(1);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    xAxis->setTicker(ticker);
}

void LesionRandomPlot::retranslateUi() {
    LesionPlot::retranslateUi();
    xAxis->setLabel(tr("blocks left out at random (k)"));
    mean_->setName(tr("mean over the subsets"));
    max_->setName(tr("min–max"));
    for (QCPGraph* g : {max_, mean_}) {
        if (g->data()->isEmpty())
            g->removeFromLegend();
        else
            g->addToLegend();
    }
    updateLegend();
}

QString LesionRandomPlot::tooltipAt(const QPoint& pos) const {
    if (!study())
        return {};
    QCPGraph* graph = nullptr;
    double key = 0, value = 0;
    if (!nearestGraphPoint(pos, &graph, &key, &value, 24))
        return {};
    const int k = qRound(key);
    if (k == 0)
        return tr("nothing removed: %1").arg(percent(study()->baselineError));
    for (const LesionRandom& r : study()->random)
        if (r.k == k)
            return tr("%n block(s) left out at random: mean %1, min %2, max %3 over %4 subsets",
                      nullptr, k)
                .arg(percent(r.mean()), percent(r.min()), percent(r.max()))
                .arg(r.trials.size());
    return {};
}

QString LesionRandomPlot::csv() const {
    QString out =
        QStringLiteral("k,mean_error_percent,min_error_percent,max_error_percent,subsets\n");
    if (!study())
        return out;
    out += QStringLiteral("0,%1,%1,%1,1\n").arg(study()->baselineError);
    for (const LesionRandom& r : study()->random)
        out += QStringLiteral("%1,%2,%3,%4,%5\n")
                   .arg(r.k)
                   .arg(r.mean())
                   .arg(r.min())
                   .arg(r.max())
                   .arg(r.trials.size());
    return out;
}

}  // namespace rx
