#include "experiment_figure.h"

#include "block_kinds.h"
#include "experiments.h"
#include "presets.h"
#include "training_plots.h"

#include <QCoreApplication>
#include <QDir>
#include <QImage>
#include <QPageSize>
#include <QPdfWriter>

#include <memory>
#include <vector>

namespace rx {

namespace {

class ExperimentFigureText {
    Q_DECLARE_TR_FUNCTIONS(rx::ExperimentFigure)
};

constexpr int kPanelWidth = 820;
constexpr int kPanelHeight = 520;
constexpr int kHeaderHeight = 56;

struct Panel {
    std::unique_ptr<RunPlot> plot;
    QString title;
};

bool isResidual(const QString& presetName) {
    const auto spec = preset(presetName);
    if (!spec)
        return true;
    for (const auto& stage : spec->stages)
        if (blockKindInfo(stage.block).residual)
            return true;
    return false;
}

// The panels of the figure with every run's records in them.
std::vector<Panel> makePanels(const ExperimentInfo& info, const ExperimentSummary& summary,
                              const QString& dir) {
    std::vector<Panel> panels;
    std::vector<QVector<int>> members;  // which runs (summary order) each panel shows
    QVector<int> plain, residual, all;
    for (int i = 0; i < summary.runs.size(); ++i) {
        (isResidual(summary.runs[i].name) ? residual : plain) << i;
        all << i;
    }
    const auto add = [&](RunPlot* plot, const QString& title, const QVector<int>& runs) {
        panels.push_back({std::unique_ptr<RunPlot>(plot), title});
        members.push_back(runs);
    };
    if (info.figure == ExperimentFigure::ErrorCurves) {
        if (!plain.isEmpty() && !residual.isEmpty()) {
            add(new ErrorCurvePlot, ExperimentFigureText::tr("plain networks"), plain);
            add(new ErrorCurvePlot, ExperimentFigureText::tr("residual networks"), residual);
        } else {
            add(new ErrorCurvePlot, {}, all);
        }
    } else {
        auto* ordered = new ResponsePlot;
        auto* sorted = new ResponsePlot;
        sorted->setSorted(true);
        add(ordered, ExperimentFigureText::tr("in layer order"), all);
        add(sorted, ExperimentFigureText::tr("sorted by magnitude"), all);
    }
    for (size_t p = 0; p < panels.size(); ++p) {
        RunPlot* plot = panels[p].plot.get();
        plot->resize(kPanelWidth, kPanelHeight);
        plot->setSmoothing(0);  // a figure shows the measurements themselves
        for (int i : members[p]) {
            const ExperimentRunResult& run = summary.runs[i];
            plot->addRun(run.dir, {run.name, runColor(i)});
            MetricsLog log;
            if (readMetrics(
                    QDir(dir).filePath(run.dir + QLatin1Char('/') + QLatin1String(kRunMetricsFile)),
                    &log, nullptr))
                plot->appendAll(run.dir, log.records);
        }
        plot->replot();
    }
    // Error panels side by side share one error scale, as the paper's do.
    if (info.figure == ExperimentFigure::ErrorCurves && panels.size() > 1) {
        QCPRange range = panels[0].plot->yAxis->range();
        for (const Panel& panel : panels)
            range.expand(panel.plot->yAxis->range());
        for (const Panel& panel : panels) {
            panel.plot->yAxis->setRange(range);
            panel.plot->replot();
        }
    }
    return panels;
}

// Panels side by side for error curves, one above the other for responses; a header line.
void paint(QCPPainter* painter, const ExperimentInfo& info, const ExperimentSummary& summary,
           std::vector<Panel>& panels, QSize size) {
    const bool stacked = info.figure == ExperimentFigure::LayerResponses;
    painter->fillRect(QRect(QPoint(0, 0), size), Qt::white);
    QFont font = painter->font();
    font.setPointSizeF(13);
    font.setBold(true);
    painter->setFont(font);
    painter->setPen(Qt::black);
    const QString header =
        QStringLiteral("%1 — %2").arg(experimentTitle(info), experimentVariantText(summary.quick)) +
        (summary.quick ? QStringLiteral(" · ") + quickRecipeText(info) : QString());
    painter->drawText(QRect(16, 0, size.width() - 32, kHeaderHeight / 2 + 8),
                      Qt::AlignLeft | Qt::AlignVCenter, header);
    for (size_t p = 0; p < panels.size(); ++p) {
        const QPoint origin = stacked ? QPoint(0, kHeaderHeight + int(p) * kPanelHeight)
                                      : QPoint(int(p) * kPanelWidth, kHeaderHeight);
        font.setPointSizeF(11);
        font.setBold(false);
        painter->setFont(font);
        painter->drawText(QRect(origin + QPoint(16, -kHeaderHeight / 2),
                                QSize(kPanelWidth - 32, kHeaderHeight / 2)),
                          Qt::AlignLeft | Qt::AlignVCenter, panels[p].title);
        painter->save();
        painter->translate(origin);
        panels[p].plot->toPainter(painter, kPanelWidth, kPanelHeight);
        painter->restore();
    }
}

}  // namespace

bool writeExperimentFigure(const QString& dir, const QStringList& paths, QString* error) {
    ExperimentSummary summary;
    if (!readExperimentSummary(dir, &summary, error))
        return false;
    const ExperimentInfo& info = *findExperiment(summary.experiment);
    std::vector<Panel> panels = makePanels(info, summary, dir);
    const bool stacked = info.figure == ExperimentFigure::LayerResponses;
    const int n = int(panels.size());
    const QSize size = stacked ? QSize(kPanelWidth, kHeaderHeight + n * kPanelHeight)
                               : QSize(n * kPanelWidth, kHeaderHeight + kPanelHeight);
    for (const QString& path : paths) {
        bool ok = false;
        if (path.endsWith(QLatin1String(".png"), Qt::CaseInsensitive)) {
            QImage image(size * 2, QImage::Format_ARGB32);
            image.setDevicePixelRatio(2);
            QCPPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing);
            paint(&painter, info, summary, panels, size);
            painter.end();
            ok = image.save(path);
        } else if (path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)) {
            QPdfWriter pdf(path);
            pdf.setPageSize(QPageSize(QSizeF(size), QPageSize::Point));
            pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
            pdf.setResolution(72);
            pdf.setTitle(experimentTitle(info));
            QCPPainter painter(&pdf);
            paint(&painter, info, summary, panels, size);
            ok = painter.end();
        }
        if (!ok) {
            *error = ExperimentFigureText::tr("cannot write the figure %1").arg(path);
            return false;
        }
    }
    return true;
}

}  // namespace rx
