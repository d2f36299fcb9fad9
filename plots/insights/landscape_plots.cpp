#include "landscape_plots.h"

#include "contours.h"

#include <cmath>
#include <limits>

namespace rx {

namespace {

constexpr double kNoLoss = std::numeric_limits<double>::quiet_NaN();

// Dark blue (low loss) to yellow (high loss), close to viridis, so contour lines stay readable.
QCPColorGradient lossGradient() {
    QCPColorGradient g;
    g.setColorStopAt(0.0, QColor(68, 1, 84));
    g.setColorStopAt(0.25, QColor(59, 82, 139));
    g.setColorStopAt(0.5, QColor(33, 145, 140));
    g.setColorStopAt(0.75, QColor(94, 201, 98));
    g.setColorStopAt(1.0, QColor(253, 231, 37));
    g.setNanHandling(QCPColorGradient::nhTransparent);
    return g;
}

QSharedPointer<QCPAxisTickerLog> logTicker() {
    auto ticker = QSharedPointer<QCPAxisTickerLog>::create();
    ticker->setLogBase(10);
    ticker->setSubTickCount(8);
    return ticker;
}

}  // namespace

QCPRange landscapeLossRange(const QVector<const Landscape*>& landscapes) {
    double lo = std::numeric_limits<double>::infinity(), hi = 0;
    for (const Landscape* l : landscapes)
        for (double v : l->loss)
            if (std::isfinite(v) && v > 0)
                lo = std::min(lo, v), hi = std::max(hi, v);
    if (!(hi > 0))
        return QCPRange(0.1, kLandscapeMaxShownLoss);
    hi = std::min(hi, kLandscapeMaxShownLoss);
    return QCPRange(std::min(lo, hi / 1.01), std::max(hi, lo * 1.01));
}

// ---- LandscapeMapPlot ----

LandscapeMapPlot::LandscapeMapPlot(QWidget* parent) : PlotBase(parent) {
    setObjectName(QStringLiteral("landscapeMap"));
    map_ = new QCPColorMap(xAxis, yAxis);
    scale_ = new QCPColorScale(this);
    plotLayout()->addElement(0, 1, scale_);
    scale_->setDataScaleType(QCPAxis::stLogarithmic);
    scale_->axis()->setTicker(logTicker());
    map_->setColorScale(scale_);
    map_->setGradient(lossGradient());
    map_->setInterpolate(false);
    map_->setVisible(false);
    auto* margins = new QCPMarginGroup(this);
    axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    scale_->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    plotLayout()->insertRow(0);
    QFont bold = font();
    bold.setBold(true);
    title_ = new QCPTextElement(this, QString(), bold);
    plotLayout()->addElement(0, 0, title_);
    centre_ = addGraph();
    centre_->setLineStyle(QCPGraph::lsNone);
    centre_->setScatterStyle(scaled(QCPScatterStyle(QCPScatterStyle::ssCrossCircle, Qt::white, 9)));
    centre_->setData({0.0}, {0.0});
    centre_->setVisible(false);
    xAxis->grid()->setVisible(false);
    yAxis->grid()->setVisible(false);
    setScaleRange(range_);
    retranslateUi();
}

void LandscapeMapPlot::retranslateUi() {
    xAxis->setLabel(tr("α (along direction d1)"));
    yAxis->setLabel(tr("β (along direction d2)"));
    scale_->axis()->setLabel(tr("training loss"));
    centre_->setName(tr("trained weights"));
}

QString LandscapeMapPlot::title() const {
    return title_->text();
}

void LandscapeMapPlot::setLandscape(const Landscape& landscape, const QString& title) {
    landscape_ = landscape;
    title_->setText(title);
    redraw();
    resetView();
}

void LandscapeMapPlot::clearLandscape() {
    landscape_ = Landscape{};
    title_->setText({});
    redraw();
}

void LandscapeMapPlot::setScaleRange(const QCPRange& range) {
    range_ = range;
    levels_ = logLevels(range.lower, range.upper, kLandscapeContourLevels);
    redraw();
}

void LandscapeMapPlot::redraw() {
    for (QCPCurve* c : std::as_const(contours_))
        removePlottable(c);
    contours_.clear();
    const Landscape& l = landscape_;
    const bool any = l.grid > 0 && l.loss.size() == qsizetype(l.grid) * l.grid;
    map_->setVisible(any);
    centre_->setVisible(any);
    map_->setDataRange(range_);
    if (!any) {
        map_->data()->clear();
        requestReplot();
        return;
    }
    map_->data()->setSize(l.grid, l.grid);
    map_->data()->setRange(QCPRange(-l.range, l.range), QCPRange(-l.range, l.range));
    for (int j = 0; j < l.grid; ++j)
        for (int i = 0; i < l.grid; ++i)
            map_->data()->setCell(i, j, l.lossAt(i, j));
    QPen pen(QColor(255, 255, 255, 170));
    pen.setWidthF(1.0);
    const SampledGrid grid{l.loss, l.grid, l.grid, -l.range, l.range, -l.range, l.range};
    for (double level : std::as_const(levels_))
        for (const QVector<QPointF>& line : contourLines(grid, level)) {
            auto* curve = new QCPCurve(xAxis, yAxis);
            QVector<double> x, y;
            for (const QPointF& p : line)
                x << p.x(), y << p.y();
            curve->setData(x, y);
            curve->setPen(scaled(pen));
            curve->setSelectable(QCP::stNone);
            curve->removeFromLegend();
            contours_.append(curve);
        }
    requestReplot();
}

void LandscapeMapPlot::resetView() {
    const double r = landscape_.grid > 0 ? landscape_.range : 1.0;
    xAxis->setRange(-r, r);
    yAxis->setRange(-r, r);
    requestReplot();
}

QString LandscapeMapPlot::csv() const {
    QString out = QStringLiteral("alpha,beta,loss,error_percent\n");
    const Landscape& l = landscape_;
    for (int j = 0; j < l.grid; ++j)
        for (int i = 0; i < l.grid; ++i)
            out += QStringLiteral("%1,%2,%3,%4\n")
                       .arg(l.coordinate(i))
                       .arg(l.coordinate(j))
                       .arg(l.lossAt(i, j), 0, 'g', 8)
                       .arg(l.error[j * l.grid + i], 0, 'g', 6);
    return out;
}

QString LandscapeMapPlot::tooltipAt(const QPoint& pos) const {
    const Landscape& l = landscape_;
    if (l.grid < 2 || !axisRect()->rect().contains(pos))
        return {};
    const double step = 2 * l.range / (l.grid - 1);
    const int i = qRound((xAxis->pixelToCoord(pos.x()) + l.range) / step);
    const int j = qRound((yAxis->pixelToCoord(pos.y()) + l.range) / step);
    if (i < 0 || j < 0 || i >= l.grid || j >= l.grid || std::isnan(l.lossAt(i, j)))
        return {};
    return tr("α %1, β %2\nloss %3, error %4 %")
        .arg(l.coordinate(i), 0, 'f', 2)
        .arg(l.coordinate(j), 0, 'f', 2)
        .arg(l.lossAt(i, j), 0, 'g', 4)
        .arg(l.error[j * l.grid + i], 0, 'f', 1);
}

// ---- LandscapeSlicePlot ----

LandscapeSlicePlot::LandscapeSlicePlot(QWidget* parent) : PlotBase(parent) {
    setObjectName(QStringLiteral("landscapeSlice"));
    yAxis->setScaleType(QCPAxis::stLogarithmic);
    yAxis->setTicker(logTicker());
    alpha_ = addGraph();
    alpha_->setPen(scaled(QPen(runColor(0), 2)));
    alpha_->setScatterStyle(scaled(QCPScatterStyle(QCPScatterStyle::ssCircle, 4)));
    beta_ = addGraph();
    beta_->setPen(scaled(QPen(runColor(1), 2, Qt::DashLine)));
    beta_->setScatterStyle(scaled(QCPScatterStyle(QCPScatterStyle::ssSquare, 4)));
    showLegendAbove();
    retranslateUi();
}

void LandscapeSlicePlot::retranslateUi() {
    xAxis->setLabel(tr("distance along the direction (α or β)"));
    yAxis->setLabel(tr("training loss"));
    alpha_->setName(tr("along d1 (β = 0)"));
    beta_->setName(tr("along d2 (α = 0)"));
    updateLegend();
}

void LandscapeSlicePlot::setLandscape(const Landscape& landscape) {
    landscape_ = landscape;
    QVector<double> x;
    for (int i = 0; i < landscape.grid; ++i)
        x << landscape.coordinate(i);
    alpha_->setData(x, landscape.sliceAlpha(landscape.loss), true);
    beta_->setData(x, landscape.sliceBeta(landscape.loss), true);
    updateLegend();
    resetView();
}

void LandscapeSlicePlot::clearLandscape() {
    landscape_ = Landscape{};
    alpha_->data()->clear();
    beta_->data()->clear();
    updateLegend();
    requestReplot();
}

void LandscapeSlicePlot::setLossRange(const QCPRange& range) {
    range_ = range;
    resetView();
}

void LandscapeSlicePlot::resetView() {
    const double r = landscape_.grid > 0 ? landscape_.range : 1.0;
    xAxis->setRange(-r * 1.03, r * 1.03);
    yAxis->setRange(range_.lower / 1.2, range_.upper * 1.2);
    requestReplot();
}

QString LandscapeSlicePlot::csv() const {
    QString out = QStringLiteral("coordinate,loss_along_d1,loss_along_d2\n");
    const Landscape& l = landscape_;
    if (!l.isValid())
        return out;
    const QVector<double> a = l.sliceAlpha(l.loss), b = l.sliceBeta(l.loss);
    for (int i = 0; i < l.grid; ++i)
        out += QStringLiteral("%1,%2,%3\n")
                   .arg(l.coordinate(i))
                   .arg(a[i], 0, 'g', 8)
                   .arg(b[i], 0, 'g', 8);
    return out;
}

}  // namespace rx
