// What every dashboard plot shares: zoom and pan, a reset view, hover tooltips with exact values,
// export to PNG, PDF and SVG, copying the data as CSV, throttled replots (at most about ten a
// second) so long runs stay smooth, a legend that never covers the data, texts that follow the
// language (retranslateUi) and a scale for text and lines (presentation mode). No torch here.
#pragma once

#include <qcustomplot.h>

#include <QTimer>

#include <functional>

namespace rx {

class PlotBase : public QCustomPlot {
    Q_OBJECT

public:
    explicit PlotBase(QWidget* parent = nullptr);

    // Asks for a replot; at most one happens per throttle interval.
    void requestReplot();
    int replotCount() const { return replots_; }

    // The plotted data as CSV (a header line, then rows).
    virtual QString csv() const = 0;
    // Exports by file suffix: .png, .pdf or .svg. False with a message on failure.
    bool exportTo(const QString& path, QString* error);

    // Text (tick labels, axis labels, legend) and lines (graph pens, markers) this many times
    // their normal size. This is the one place plots are sized; presentation mode uses 1.5.
    void setScale(double scale);
    double scale() const { return scale_; }
    // The scale of every plot, those that exist and those made later.
    static void setDefaultScale(double scale);
    static double defaultScale();

    // The export part of every plot's context menu, also for views drawn without QCustomPlot:
    // Export as PNG / PDF / SVG… (asks for a file name, calls `exportTo`, shows its error) and
    // Copy data as CSV (puts `csv()` on the clipboard).
    static void addExportActions(QMenu* menu, QWidget* owner,
                                 std::function<bool(const QString&, QString*)> exportTo,
                                 std::function<QString()> csv);

public Q_SLOTS:
    virtual void resetView();
    void copyCsv();

protected:
    // Sets the plot's texts (axis labels, legend names) in the current language. Called on
    // QEvent::LanguageChange (then the plot replots); subclasses call it from their constructor.
    virtual void retranslateUi() {}
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;
    // `pen` and `scatter` at the plot's scale (for graphs and items subclasses make).
    QPen scaled(QPen pen) const;
    QCPScatterStyle scaled(QCPScatterStyle scatter) const;

    // Puts the legend in a row above the axis rect (never over the data), its entries side by
    // side and wrapped to the plot's width. Plots whose colours only repeat the runs list's, and
    // so need no legend, do not call it.
    void showLegendAbove();
    // Shows the legend only while it lists a graph (call after graphs came or went).
    void updateLegend();
    void resizeEvent(QResizeEvent* event) override;
    // Called right before a throttled replot: expensive rebuilds belong here, not in appends.
    virtual void prepareReplot() {}
    // Tooltip text for the data point nearest to `pos` (pixels), empty when none is close.
    virtual QString tooltipAt(const QPoint& pos) const;
    void mouseMoveEvent(QMouseEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    // Nearest point over all visible graphs within `radius` pixels.
    bool nearestGraphPoint(const QPoint& pos, QCPGraph** graph, double* key, double* value,
                           double radius = 12) const;

private:
    QTimer throttle_;
    void wrapLegend(int width);
    // As many ticks as the plot's size has room for at its scale.
    void fitTicks(const QSize& size);
    QFont legendFont() const;
    QFont baseFont_;  // the axes' font at scale 1
    double scale_ = 1;
    bool legendAbove_ = false;
    bool dirty_ = false;
    int replots_ = 0;
};

// A colour per run, in a fixed order that stays readable on white.
QColor runColor(int index);

}  // namespace rx
