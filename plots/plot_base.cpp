#include "plot_base.h"

#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QMenu>
#include <QSvgGenerator>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace rx {

namespace {
constexpr int kThrottleMs = 100;     // ≤ 10 replots a second
constexpr int kLegendPointSize = 8;  // readable from the back of a classroom at 1280×800
constexpr int kPixelsPerXTick = 90;  // room for one x label and the gap to the next (scale 1)
constexpr int kPixelsPerYTick = 30;  // and for one y label, axes included (short plots: fewer)

double gDefaultScale = 1;  // PlotBase::setDefaultScale

// Iterations as the paper writes them: 32k, 48k, 64k rather than 32000, so that the labels of a
// narrow plot do not run into each other.
class CompactTicker : public QCPAxisTicker {
protected:
    QString getTickLabel(double tick, const QLocale& locale, QChar formatChar,
                         int precision) override {
        if (std::abs(tick) >= 10000 && std::fmod(std::abs(tick), 500) < 1e-9)
            return QString::number(tick / 1000, 'g', 4) + QLatin1Char('k');
        return QCPAxisTicker::getTickLabel(tick, locale, formatChar, precision);
    }
};
}  // namespace

QColor runColor(int index) {
    static const QColor colors[] = {
        QColor(31, 119, 180),  QColor(214, 39, 40), QColor(44, 160, 44),   QColor(255, 127, 14),
        QColor(148, 103, 189), QColor(140, 86, 75), QColor(227, 119, 194), QColor(23, 190, 207)};
    return colors[index % 8];
}

PlotBase::PlotBase(QWidget* parent) : QCustomPlot(parent) {
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    setNoAntialiasingOnDrag(true);
    setMouseTracking(true);
    // Run colours match the runs list; only the plots that need one show a legend.
    legend->setVisible(false);
    // Few ticks: the dashboard's plots are small, and crowded labels overlap. The x ticks follow
    // the plot's width (resizeEvent).
    xAxis->setTicker(QSharedPointer<CompactTicker>::create());
    xAxis->ticker()->setTickCount(4);
    yAxis->ticker()->setTickCount(5);
    baseFont_ = xAxis->tickLabelFont();
    throttle_.setInterval(kThrottleMs);
    throttle_.setSingleShot(true);
    connect(&throttle_, &QTimer::timeout, this, [this] {
        if (!dirty_)
            return;
        dirty_ = false;
        ++replots_;
        prepareReplot();
        replot(QCustomPlot::rpQueuedReplot);
    });
}

void PlotBase::showLegendAbove() {
    if (legendAbove_)
        return;
    legendAbove_ = true;
    axisRect()->insetLayout()->take(legend);  // updateLegend puts it above when it lists something
    legend->setVisible(false);
    legend->setFont(legendFont());
    legend->setIconSize(qRound(18 * scale_), qRound(8 * scale_));
    legend->setBorderPen(Qt::NoPen);
    legend->setBrush(Qt::NoBrush);
    legend->setMargins(QMargins(4, 2, 4, 0));
    legend->setRowSpacing(0);
    legend->setColumnSpacing(10);
    updateLegend();
}

QFont PlotBase::legendFont() const {
    QFont f(baseFont_.family());
    f.setPointSizeF(kLegendPointSize * scale_);
    return f;
}

void PlotBase::setScale(double scale) {
    if (scale <= 0 || scale == scale_)
        return;
    const double ratio = scale / scale_;
    scale_ = scale;
    QFont text = baseFont_;
    text.setPointSizeF(baseFont_.pointSizeF() * scale);
    QList<QCPAxis*> axes;
    for (QCPAxisRect* rect : axisRects())
        axes << rect->axes();
    for (QCPLayoutElement* element : plotLayout()->elements(true))
        if (auto* colorScale = qobject_cast<QCPColorScale*>(element))
            axes << colorScale->axis();
    for (QCPAxis* axis : axes) {
        axis->setTickLabelFont(text);
        axis->setSelectedTickLabelFont(text);
        axis->setLabelFont(text);
        axis->setSelectedLabelFont(text);
        QPen pen = axis->basePen();
        pen.setWidthF(std::max(1.0, scale));
        axis->setBasePen(pen);
    }
    const QFont legendText = legendFont();
    legend->setFont(legendText);
    for (int i = 0; i < legend->itemCount(); ++i)
        legend->item(i)->setFont(legendText);
    if (legendAbove_)
        legend->setIconSize(qRound(18 * scale_), qRound(8 * scale_));
    for (int g = 0; g < graphCount(); ++g) {
        QCPGraph* gr = graph(g);
        QPen pen = gr->pen();
        pen.setWidthF(pen.widthF() * ratio);
        gr->setPen(pen);
        QCPScatterStyle scatter = gr->scatterStyle();
        scatter.setSize(scatter.size() * ratio);
        gr->setScatterStyle(scatter);
    }
    if (legend->visible())
        wrapLegend(width());
    fitTicks(size());
    requestReplot();
}

void PlotBase::setDefaultScale(double scale) {
    gDefaultScale = scale;
    for (QWidget* widget : QApplication::allWidgets())
        if (auto* plot = qobject_cast<PlotBase*>(widget))
            plot->setScale(scale);
}

double PlotBase::defaultScale() {
    return gDefaultScale;
}

QPen PlotBase::scaled(QPen pen) const {
    pen.setWidthF(pen.widthF() * scale_);
    return pen;
}

QCPScatterStyle PlotBase::scaled(QCPScatterStyle scatter) const {
    scatter.setSize(scatter.size() * scale_);
    return scatter;
}

void PlotBase::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        requestReplot();
    }
    QCustomPlot::changeEvent(event);
}

void PlotBase::showEvent(QShowEvent* event) {
    setScale(gDefaultScale);  // a plot made while presenting starts at the presentation's scale
    QCustomPlot::showEvent(event);
}

void PlotBase::updateLegend() {
    const bool visible = legendAbove_ && legend->itemCount() > 0;
    if (visible)
        wrapLegend(width());
    if (visible == legend->visible())
        return;
    legend->setVisible(visible);
    // An invisible element still takes its row's minimum height: the row goes with the legend.
    if (visible) {
        plotLayout()->insertRow(0);
        plotLayout()->addElement(0, 0, legend);
        plotLayout()->setRowStretchFactor(0, 0.001);  // as tall as its entries, no more
    } else {
        plotLayout()->take(legend);
        plotLayout()->simplify();
    }
    requestReplot();
}

void PlotBase::wrapLegend(int width) {
    int widest = 1;
    for (int i = 0; i < legend->itemCount(); ++i)
        if (const QCPAbstractLegendItem* item = legend->item(i))  // a removed graph leaves a gap
            widest = std::max(widest, item->minimumOuterSizeHint().width());
    const int room = width - legend->margins().left() - legend->margins().right();
    const int columns =
        std::max(1, (room + legend->columnSpacing()) / (widest + legend->columnSpacing()));
    if (columns == legend->wrap() && legend->fillOrder() == QCPLayoutGrid::foColumnsFirst)
        return;
    legend->setWrap(columns);
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
}

void PlotBase::fitTicks(const QSize& size) {
    if (xAxis->scaleType() == QCPAxis::stLinear)
        xAxis->ticker()->setTickCount(
            std::clamp(int(size.width() / (kPixelsPerXTick * scale_)), 2, 6));
    yAxis->ticker()->setTickCount(
        std::clamp(int(size.height() / (kPixelsPerYTick * scale_)), 2, 5));
}

void PlotBase::resizeEvent(QResizeEvent* event) {
    fitTicks(event->size());
    if (legend->visible())
        wrapLegend(event->size().width());
    QCustomPlot::resizeEvent(event);
}

void PlotBase::requestReplot() {
    dirty_ = true;
    if (!throttle_.isActive())
        throttle_.start();
}

void PlotBase::resetView() {
    rescaleAxes(true);
    requestReplot();
}

void PlotBase::copyCsv() {
    QApplication::clipboard()->setText(csv());
}

bool PlotBase::exportTo(const QString& path, QString* error) {
    const QString lower = path.toLower();
    bool ok = false;
    if (lower.endsWith(QLatin1String(".png"))) {
        ok = savePng(path, width(), height(), 2.0);
    } else if (lower.endsWith(QLatin1String(".pdf"))) {
        ok = savePdf(path, width(), height());
    } else if (lower.endsWith(QLatin1String(".svg"))) {
        QSvgGenerator generator;
        generator.setFileName(path);
        generator.setSize(size());
        generator.setViewBox(rect());
        generator.setTitle(windowTitle());
        QCPPainter painter;
        ok = painter.begin(&generator);
        if (ok) {
            toPainter(&painter, width(), height());
            painter.end();
            ok = QFileInfo(path).size() > 0;
        }
    } else {
        if (error)
            *error = tr("unknown export format for %1 (use .png, .pdf or .svg)").arg(path);
        return false;
    }
    if (!ok && error)
        *error = tr("cannot write %1").arg(path);
    return ok;
}

bool PlotBase::nearestGraphPoint(const QPoint& pos, QCPGraph** graph, double* key, double* value,
                                 double radius) const {
    double best = radius * radius;
    bool found = false;
    for (int g = 0; g < graphCount(); ++g) {
        QCPGraph* gr = this->graph(g);
        if (!gr->visible() || gr->data()->isEmpty())
            continue;
        const double k = gr->keyAxis()->pixelToCoord(pos.x());
        auto it = gr->data()->findBegin(k, true);
        for (int step = 0; step < 3 && it != gr->data()->constEnd(); ++step, ++it) {
            const double dx = gr->keyAxis()->coordToPixel(it->key) - pos.x();
            const double dy = gr->valueAxis()->coordToPixel(it->value) - pos.y();
            if (dx * dx + dy * dy < best) {
                best = dx * dx + dy * dy;
                *graph = gr;
                *key = it->key;
                *value = it->value;
                found = true;
            }
        }
    }
    return found;
}

QString PlotBase::tooltipAt(const QPoint& pos) const {
    QCPGraph* graph = nullptr;
    double key = 0, value = 0;
    if (!nearestGraphPoint(pos, &graph, &key, &value))
        return {};
    return QStringLiteral("%1\n%2: %3\n%4: %5")
        .arg(graph->name(), graph->keyAxis()->label(), QString::number(key, 'g', 6),
             graph->valueAxis()->label(), QString::number(value, 'g', 5));
}

void PlotBase::mouseMoveEvent(QMouseEvent* event) {
    QCustomPlot::mouseMoveEvent(event);
    if (event->buttons() != Qt::NoButton)
        return;
    const QString tip = tooltipAt(event->position().toPoint());
    if (tip.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), tip, this);
}

void PlotBase::addExportActions(QMenu* menu, QWidget* owner,
                                std::function<bool(const QString&, QString*)> exportTo,
                                std::function<QString()> csv) {
    auto exportAs = [owner, exportTo](const QString& filter, const QString& suffix) {
        QString path = QFileDialog::getSaveFileName(owner, tr("Export plot"), QString(), filter);
        if (path.isEmpty())
            return;
        if (!path.endsWith(suffix, Qt::CaseInsensitive))
            path += suffix;
        QString error;
        if (!exportTo(path, &error))
            QMessageBox::warning(owner, tr("Export failed"), error);
    };
    menu->addAction(tr("Export as PNG…"), owner,
                    [=] { exportAs(tr("PNG image (*.png)"), QStringLiteral(".png")); });
    menu->addAction(tr("Export as PDF…"), owner,
                    [=] { exportAs(tr("PDF (*.pdf)"), QStringLiteral(".pdf")); });
    menu->addAction(tr("Export as SVG…"), owner,
                    [=] { exportAs(tr("SVG (*.svg)"), QStringLiteral(".svg")); });
    menu->addAction(tr("Copy data as CSV"), owner,
                    [csv] { QApplication::clipboard()->setText(csv()); });
}

void PlotBase::contextMenuEvent(QContextMenuEvent* event) {
    QMenu menu(this);
    menu.addAction(tr("Reset view"), this, &PlotBase::resetView);
    menu.addSeparator();
    addExportActions(
        &menu, this, [this](const QString& path, QString* error) { return exportTo(path, error); },
        [this] { return csv(); });
    menu.exec(event->globalPos());
}

}  // namespace rx
