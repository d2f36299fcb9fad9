// The plots on their own: learning-rate drop markers, epoch axis, sorting and scrubbing of
// responses, the heat map, smoothing, legends, throttled replots, CSV and file export.
#include "dashboard_plots.h"
#include "smoothing.h"
#include "training_plots.h"

#include <QLabel>
#include <QSlider>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <limits>

using namespace rx;

namespace {
// Exposes the hover text the plot shows at a pixel.
class HoverProbe : public ErrorCurvePlot {
public:
    using ErrorCurvePlot::tooltipAt;
};

class HeatmapProbe : public GradientHeatmap {
public:
    using GradientHeatmap::tooltipAt;
};

TrainMetrics train(int it, double err, double lr) {
    return {it, it / 391.0, 1.0, err, lr, 100};
}

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

// Equal element by element, NaN equal to NaN, within `tolerance` (0: bit-exact values).
bool sameValues(const QVector<double>& a, const QVector<double>& b, double tolerance = 0) {
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (std::isnan(a[i]) || std::isnan(b[i])) {
            if (std::isnan(a[i]) != std::isnan(b[i]))
                return false;
        } else if (tolerance == 0 ? a[i] != b[i] : std::abs(a[i] - b[i]) > tolerance) {
            return false;
        }
    }
    return true;
}

QVector<double> values(const QCPGraph* graph) {
    QVector<double> v;
    for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
        v << it->value;
    return v;
}

QStringList legendNames(const QCustomPlot& plot) {
    QStringList names;
    for (int i = 0; i < plot.legend->itemCount(); ++i)
        if (auto* item = qobject_cast<QCPPlottableLegendItem*>(plot.legend->item(i)))
            names << item->plottable()->name();
    return names;
}
}  // namespace

class TestPlots : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void errorCurvesMarkLearningRateDropsAndSwitchToEpochs() {
        ErrorCurvePlot plot;
        plot.addRun("r", {"resnet-20", runColor(0)});
        for (int it = 1000; it <= 64000; it += 1000)
            plot.append("r", train(it, 50.0 - it / 2000.0,
                                   it > 48000   ? 0.001
                                   : it > 32000 ? 0.01
                                                : 0.1));
        plot.append("r", TestMetrics{39100, 100.0, 0.5, 20.0, false});
        QCOMPARE(plot.trainPoints("r"), 64);
        QCOMPARE(plot.testPoints("r"), 1);
        QCOMPARE(plot.lrDropMarkers("r"), 2);  // 32k and 48k
        // Graphs: training raw (faint), training smoothed (dashed, thin), test (solid, bold).
        QCOMPARE(plot.graph(1)->pen().style(), Qt::DashLine);
        QVERIFY(plot.graph(2)->pen().widthF() > plot.graph(1)->pen().widthF());
        plot.setEpochAxis(true);
        QCOMPARE(plot.trainPoints("r"), 64);
        QCOMPARE(plot.lrDropMarkers("r"), 2);
        QVERIFY(plot.xAxis->range().upper < 200);  // 64k iterations ≈ 164 epochs
        QCOMPARE(plot.xAxis->label(), QString("epoch"));
        plot.setLogScale(true);
        QCOMPARE(plot.yAxis->scaleType(), QCPAxis::stLogarithmic);
        const QString csv = plot.csv();
        QCOMPARE(csv.count('\n'), 1 + 64 + 1);
        QVERIFY(csv.contains("r,test,39100,100,20"));
        plot.removeRun("r");
        QCOMPARE(plot.graphCount(), 0);
    }

    // A narrow plot (the loss plot at 1280×800 is about 230 px wide) writes iterations as 32k and
    // keeps its x tick labels apart.
    void narrowPlotsKeepTheirXLabelsApart() {
        for (int width : {230, 420, 900}) {
            LossRatePlot plot;
            plot.resize(width, 220);
            plot.show();
            QVERIFY(QTest::qWaitForWindowExposed(&plot));
            plot.addRun("r", {"resnet-20", runColor(0)});
            for (int it = 1000; it <= 64000; it += 1000)
                plot.append("r", train(it, 50.0, 0.1));
            plot.resetView();
            plot.replot();
            const QVector<double> ticks = plot.xAxis->tickVector();
            const QVector<QString> labels = plot.xAxis->tickVectorLabels();
            QVERIFY2(labels.size() >= 2, qPrintable(QString::number(width)));
            const QFontMetrics metrics(plot.xAxis->tickLabelFont());
            for (int i = 0; i + 1 < labels.size(); ++i) {
                const double gap =
                    plot.xAxis->coordToPixel(ticks[i + 1]) - plot.xAxis->coordToPixel(ticks[i]);
                const double needed = (metrics.horizontalAdvance(labels[i]) +
                                       metrics.horizontalAdvance(labels[i + 1])) /
                                          2.0 +
                                      4;
                QVERIFY2(gap >= needed, qPrintable(QStringLiteral("%1 px: '%2' and '%3' overlap")
                                                       .arg(width)
                                                       .arg(labels[i], labels[i + 1])));
            }
            for (int i = 0; i < labels.size(); ++i)
                if (ticks[i] >= 10000 && std::fmod(ticks[i], 1000) == 0)
                    QCOMPARE(labels[i], QString::number(ticks[i] / 1000) + "k");
        }
    }

    void smoothingAtZeroGivesTheRawValues() {
        const QVector<double> raw = {3.25, -1e-300, 7e12, kNaN, 0.1, kInf, 42.0, -kInf, 0.3};
        QVERIFY(sameValues(smoothed(raw, 0), raw));
        QVERIFY(smoothed({}, 0.6).isEmpty());
    }

    void smoothingIsTheDebiasedMovingAverage() {
        // w = 0.5: last = 0.5, 1.25, (NaN skipped), 2.625; shown last / (1 − 0.5ⁿ), n = 1, 2, 3.
        QVERIFY(sameValues(smoothed({1, 2, kNaN, 4}, 0.5), {1, 5.0 / 3, kNaN, 3}, 1e-12));
        // A constant stays constant from the first point on (the debiasing).
        QVERIFY(sameValues(smoothed({2, 2, 2}, 0.9), {2, 2, 2}, 1e-12));
        // Non-finite values pass through and do not advance the average.
        QVERIFY(sameValues(smoothed({kNaN, kInf, 2, -kInf, 4}, 0.5),
                           {kNaN, kInf, 2, -kInf, 10.0 / 3}, 1e-12));
        // The weight is clamped to [0, kMaxSmoothing]: 1 would never move, above 1 diverge.
        QVERIFY(sameValues(smoothed({1, 2}, 1.5), smoothed({1, 2}, kMaxSmoothing)));
        QVERIFY(sameValues(smoothed({1, 2}, -1), {1, 2}));
    }

    void smoothedCurvesDrawTheRawDataFaintBehind() {
        ErrorCurvePlot plot;
        plot.setSmoothing(0.5);
        plot.addRun("r", {"resnet-20", runColor(0)});
        const QVector<double> errors = {1, 2, kNaN, 4};
        for (int i = 0; i < errors.size(); ++i)
            plot.append("r", train(100 * (i + 1), errors[i], 0.1));
        plot.append("r", TestMetrics{400, 1.0, 0.5, 20.0, false});
        QCOMPARE(plot.graphCount(), 3);
        const QCPGraph* raw = plot.graph(0);
        const QCPGraph* smooth = plot.graph(1);
        QVERIFY(raw->visible());
        QCOMPARE(raw->pen().color().rgb(), smooth->pen().color().rgb());   // the same colour
        QVERIFY(raw->pen().color().alpha() < 100);                         // faint
        QVERIFY(raw->pen().widthF() <= smooth->pen().widthF());            // thin
        QCOMPARE(raw->layer()->index() < smooth->layer()->index(), true);  // behind every run
        QVERIFY(sameValues(values(raw), errors));
        QVERIFY(sameValues(values(smooth), {1, 5.0 / 3, kNaN, 3}, 1e-12));
        QVERIFY(sameValues(values(plot.graph(2)), {20.0}));  // test points are not smoothed
        QCOMPARE(plot.trainPoints("r"), 4);
        // The CSV carries the raw values, and the smoothed ones in the last column.
        const QString csv = plot.csv();
        QVERIFY2(csv.startsWith("run,split,iteration,epoch,error_percent,smoothed_error_percent\n"),
                 qPrintable(csv));
        QVERIFY2(csv.contains("r,train,200,0.511509,2,1.66667\n") &&
                     csv.contains("r,train,400,1.02302,4,3\n") &&
                     csv.contains("r,test,400,1,20,\n"),
                 qPrintable(csv));

        // A change of weight redraws from the records; 0 hides the raw graph (it is the curve).
        plot.setSmoothing(0);
        QVERIFY(!raw->visible());
        QVERIFY(sameValues(values(smooth), errors));
        QCOMPARE(plot.trainPoints("r"), 4);
        plot.setSmoothing(0.5);
        QVERIFY(raw->visible());
        QVERIFY(sameValues(values(smooth), {1, 5.0 / 3, kNaN, 3}, 1e-12));

        // The loss is smoothed, the learning rate is not.
        LossRatePlot loss;
        loss.setSmoothing(0.5);
        loss.addRun("r", {"resnet-20", runColor(1)});
        for (int i = 0; i < errors.size(); ++i)
            loss.append("r", TrainMetrics{i + 1, 0.1, errors[i], 50, 0.1 / (i + 1), 100});
        QCOMPARE(loss.graphCount(), 3);
        QVERIFY(sameValues(values(loss.graph(0)), errors));
        QVERIFY(sameValues(values(loss.graph(1)), {1, 5.0 / 3, kNaN, 3}, 1e-12));
        QVERIFY(sameValues(values(loss.graph(2)), {0.1, 0.05, 0.1 / 3, 0.025}, 1e-15));
        QVERIFY2(loss.csv().contains("r,2,2,0.05,1.66667\n"), qPrintable(loss.csv()));
    }

    // A long noisy curve: the raw graph keeps every point, the smoothed one is drawn at most one
    // point per pixel column (the mean key and value of the column's points), at the new
    // resolution after a zoom; the raw curve is a hairline at every scale. Drawn point by point,
    // a dashed 1.2 px line through 10,000 noisy points took about 100 ms a replot.
    void longSmoothedCurvesAreDrawnAtTheScreensResolution() {
        ErrorCurvePlot plot;
        plot.resize(600, 300);
        plot.addRun("r", {"resnet-20", runColor(0)});
        constexpr int kPoints = 10000;
        QVector<double> errors;
        for (int it = 1; it <= kPoints; ++it) {
            errors << 50 + 40 * std::sin(it * 0.7);
            plot.append("r", train(it, errors.last(), 0.1));
        }
        const QVector<double> shown = smoothed(errors, plot.smoothing());
        const QCPGraph* raw = plot.graph(0);
        const QCPGraph* smooth = plot.graph(1);
        // The points of `smooth` against the column means of the smoothed values.
        const auto checkColumns = [&] {
            QVector<double> keys, means;
            for (int i = 0; i < kPoints;) {
                const double column = std::floor(plot.xAxis->coordToPixel(i + 1));
                double key = 0, value = 0;
                int n = 0;
                for (; i < kPoints && std::floor(plot.xAxis->coordToPixel(i + 1)) == column; ++i)
                    key += i + 1, value += shown[i], ++n;
                keys << key / n;
                means << value / n;
            }
            QCOMPARE(smooth->dataCount(), int(keys.size()));
            QVector<double> drawnKeys;
            for (auto it = smooth->data()->constBegin(); it != smooth->data()->constEnd(); ++it)
                drawnKeys << it->key;
            QVERIFY(sameValues(drawnKeys, keys, 1e-9));
            QVERIFY(sameValues(values(smooth), means, 1e-9));
        };
        plot.xAxis->setRange(0, kPoints);
        plot.replot();
        QCOMPARE(raw->dataCount(), kPoints);
        const int width = plot.axisRect()->width();
        QVERIFY(width > 100);
        QVERIFY2(smooth->dataCount() <= width + 1,
                 qPrintable(QString::number(smooth->dataCount())));
        checkColumns();
        // Zoomed in to 200 iterations: each one its own column, the smoothed values as they are.
        plot.xAxis->setRange(1000, 1200);
        plot.replot();
        checkColumns();
        QCOMPARE(smooth->data()->findBegin(1100, false)->value, shown[1099]);
        plot.setScale(2);
        QVERIFY(raw->pen().isCosmetic() && raw->pen().widthF() == 0);
        QVERIFY(smooth->pen().widthF() > 2);
    }

    void smoothingSliderSetsEveryPlot() {
        QWidget parent;
        ErrorCurvePlot errors(&parent);
        LossRatePlot loss(&parent);
        const std::vector<RunPlot*> plots = {&errors, &loss};
        QWidget* control = smoothingControl(plots, &parent);
        auto* slider = control->findChild<QSlider*>("smoothing");
        auto* value = control->findChild<QLabel*>("smoothingValue");
        QVERIFY(slider && value);
        QCOMPARE(value->text(), QString("0.60"));  // the default
        QCOMPARE(errors.smoothing(), kDefaultSmoothing);
        errors.addRun("r", {"r", runColor(0)});
        errors.append("r", train(100, 10, 0.1));
        errors.append("r", train(200, 20, 0.1));
        slider->setValue(slider->minimum());
        QCOMPARE(value->text(), QString("0.00"));
        QCOMPARE(errors.smoothing(), 0.0);
        QCOMPARE(loss.smoothing(), 0.0);
        QVERIFY(sameValues(values(errors.graph(1)), {10, 20}));  // redrawn raw
        slider->setValue(slider->maximum());
        QCOMPARE(value->text(), QString("0.99"));
        QCOMPARE(loss.smoothing(), kMaxSmoothing);
        QVERIFY(values(errors.graph(1)).last() < 20);
    }

    void legendsListNamedGraphsAboveTheData() {
        ErrorCurvePlot plot;
        plot.resize(600, 400);
        plot.replot();
        QVERIFY(!plot.legend->visible());  // no runs: no empty legend box
        plot.addRun("r", {"resnet-20", runColor(0)});
        QVERIFY(plot.legend->visible());
        // The run once per curve; its faint raw curve is not listed.
        QCOMPARE(legendNames(plot), QStringList({"resnet-20 train", "resnet-20 test"}));
        plot.replot();
        QVERIFY(plot.legend->outerRect().height() > 0);
        QVERIFY(!plot.legend->outerRect().intersects(plot.axisRect()->rect()));  // not over data
        QVERIFY(plot.legend->outerRect().bottom() <= plot.axisRect()->outerRect().top());
        plot.addRun("s", {"plain-20", runColor(1)});
        QCOMPARE(plot.legend->itemCount(), 4);
        plot.removeRun("r");
        plot.removeRun("s");
        QVERIFY(!plot.legend->visible());
        plot.replot();
        QVERIFY(plot.axisRect()->outerRect().top() < 5);  // the legend's row went with it

        ResponsePlot responses;
        QVERIFY(!responses.legend->visible());
        responses.addRun("r", {"resnet-20", runColor(0)});
        QVERIFY(responses.legend->visible());
        QCOMPARE(legendNames(responses), QStringList({"resnet-20"}));

        // Plots whose colours only repeat the runs list's show none.
        LossRatePlot loss;
        loss.addRun("r", {"resnet-20", runColor(0)});
        QVERIFY(!loss.legend->visible());
    }

    // Removing a run leaves gaps among the legend's items; wrapping them again on a resize
    // crashed (an experiment folder opened over ticked runs removes them all).
    void legendWrapsAfterRunsAreRemoved() {
        ErrorCurvePlot plot;
        plot.resize(600, 400);
        for (int i = 0; i < 4; ++i)
            plot.addRun(QString::number(i), {QStringLiteral("net-%1").arg(i), runColor(i)});
        plot.replot();
        plot.removeRun("0");
        plot.removeRun("2");
        plot.resize(300, 400);
        plot.resize(900, 400);
        plot.replot();
        QCOMPARE(legendNames(plot),
                 QStringList({"net-1 train", "net-1 test", "net-3 train", "net-3 test"}));
    }

    void hoverShowsExactValues() {
        HoverProbe plot;
        plot.resize(600, 400);
        plot.addRun("r", {"resnet-56", runColor(0)});
        plot.append("r", train(100, 42.5, 0.1));
        plot.append("r", train(200, 30.25, 0.1));
        plot.xAxis->setRange(0, 300);
        plot.replot();
        const QPoint at(int(plot.xAxis->coordToPixel(200)), int(plot.yAxis->coordToPixel(30.25)));
        const QString tip = plot.tooltipAt(at);
        QVERIFY2(tip.contains("resnet-56 train") && tip.contains("200") && tip.contains("30.25"),
                 qPrintable(tip));
        QVERIFY(plot.tooltipAt(QPoint(5, 5)).isEmpty());  // nothing near
    }

    void responsesSortAndScrub() {
        ResponsePlot plot;
        plot.addRun("a", {"plain-20", runColor(1)});
        plot.append(
            "a", LayerResponses{391, 1, {"conv1", "layer1.0.conv1", "layer1.0.conv2"}, {1, 3, 2}});
        plot.append(
            "a", LayerResponses{782, 2, {"conv1", "layer1.0.conv1", "layer1.0.conv2"}, {5, 4, 6}});
        QCOMPARE(plot.measurementCount(), 2);
        QCOMPARE(plot.points("a"), 3);
        QCOMPARE(plot.graph(0)->data()->at(0)->value, 5.0);  // latest by default
        plot.setEpochIndex(0);
        QCOMPARE(plot.graph(0)->data()->at(1)->value, 3.0);
        plot.setSorted(true);
        QCOMPARE(plot.graph(0)->data()->at(0)->value, 3.0);  // descending
        QCOMPARE(plot.graph(0)->data()->at(2)->value, 1.0);
        const QString csv = plot.csv();
        QCOMPARE(csv.count('\n'), 1 + 2 * 3);
        QVERIFY2(csv.contains("a,391,1,layer1.0.conv1,3\n") && csv.contains("a,782,2,conv1,5\n"),
                 qPrintable(csv));
    }

    void heatmapShowsEveryLayerOverTime() {
        GradientHeatmap map;
        map.addRun("r", {"r", runColor(0)});
        // Bug: before its first measurement a run showed QCPColorMap's dark block of zeros.
        map.replot();
        QVERIFY(!map.plottable(0)->visible());
        for (int i = 1; i <= 3000; ++i)
            map.append("r", GradientNorms{i * 50, i / 8.0, {"conv1", "fc"}, {1.0 / i, 0.5}});
        QCOMPARE(map.columns(), 3000);
        QTRY_VERIFY(map.replotCount() >= 1);
        // Long runs are drawn at a coarser time step, never more than 1,500 columns.
        auto* colorMap = qobject_cast<QCPColorMap*>(map.plottable(0));
        QVERIFY(colorMap);
        QVERIFY(colorMap->visible());
        QVERIFY(colorMap->data()->keySize() <= 1500);
        QCOMPARE(colorMap->data()->valueSize(), 2);
        QCOMPARE(colorMap->colorScale()->dataScaleType(), QCPAxis::stLogarithmic);
        QCOMPARE(map.csv().count('\n'), 1 + 3000 * 2);
        QVERIFY(map.csv().contains("r,150,conv1,0.3333333333333333\n"));
    }

    // Bug: the tooltip read measurement kx while column kx shows measurement kx × stride.
    void heatmapTooltipNamesTheMeasurementOfItsColumn() {
        HeatmapProbe map;
        map.resize(1800, 300);
        map.addRun("r", {"r", runColor(0)});
        // Measurement i: iteration 50 i, norm i in conv1: each names the other.
        for (int i = 1; i <= 3000; ++i)
            map.append("r", GradientNorms{i * 50, i / 8.0, {"conv1", "fc"}, {double(i), 0.5}});
        QTRY_VERIFY(map.replotCount() >= 1);
        map.replot();
        auto* colorMap = qobject_cast<QCPColorMap*>(map.plottable(0));
        QCOMPARE(colorMap->data()->keySize(), 1500);  // every second measurement
        for (int column : {0, 700, 1000, 1499}) {
            double key = 0, value = 0;
            colorMap->data()->cellToCoord(column, 0, &key, &value);
            const QPoint at(qRound(map.xAxis->coordToPixel(key)),
                            qRound(map.yAxis->coordToPixel(value)));
            int kx = 0, ky = 0;
            colorMap->data()->coordToCell(map.xAxis->pixelToCoord(at.x()),
                                          map.yAxis->pixelToCoord(at.y()), &kx, &ky);
            QCOMPARE(ky, 0);
            const int shown = qRound(colorMap->data()->cell(kx, ky));  // the measurement drawn
            QCOMPARE(shown, 2 * kx + 1);
            const QString tip = map.tooltipAt(at);
            QVERIFY2(tip.contains(QString("iteration %1\n").arg(shown * 50)) &&
                         tip.endsWith(QString("gradient norm %1").arg(shown)),
                     qPrintable(QString("column %1: %2").arg(kx).arg(tip)));
        }
    }

    // Issue 11: the residual ratio and the activation gradient per block, one line per run at
    // the measurement the slider picks; a plain net has no ratio (NaN: no points), and the
    // gradient axis is logarithmic.
    void blockDynamicsPlots() {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        ResidualRatioPlot ratio;
        ActivationGradientPlot gradient;
        for (LayerProfilePlot* plot : std::initializer_list<LayerProfilePlot*>{&ratio, &gradient}) {
            plot->addRun("res", {"resnet", runColor(0)});
            plot->addRun("plain", {"plain", runColor(1)});
            plot->append("res", BlockDynamics{100,
                                              0.3,
                                              {"layer1.0", "layer1.1", "layer2.0"},
                                              {0.9, 0.4, 0.2},
                                              {0.05, 0.04, 0.03}});
            plot->append("res", BlockDynamics{200,
                                              0.6,
                                              {"layer1.0", "layer1.1", "layer2.0"},
                                              {0.8, 0.3, 0.1},
                                              {0.06, 0.05, 0.04}});
            plot->append("plain", BlockDynamics{100,
                                                0.3,
                                                {"layer1.0", "layer1.1", "layer2.0"},
                                                {nan, nan, nan},
                                                {1e-4, 1e-3, 1e-2}});
            QCOMPARE(plot->measurementCount(), 2);
        }
        QCOMPARE(ratio.graph(0)->data()->at(0)->value, 0.8);  // the latest
        QCOMPARE(ratio.graph(0)->data()->at(2)->value, 0.1);
        QVERIFY(std::isnan(ratio.graph(1)->data()->at(0)->value));
        ratio.setEpochIndex(0);
        QCOMPARE(ratio.graph(0)->data()->at(1)->value, 0.4);
        ratio.setSorted(true);  // descending; NaN last
        QCOMPARE(ratio.graph(0)->data()->at(0)->value, 0.9);
        QCOMPARE(gradient.yAxis->scaleType(), QCPAxis::stLogarithmic);
        QVERIFY(gradient.yAxis->range().lower <= 1e-4 && gradient.yAxis->range().upper >= 0.06);
        const QString csv = ratio.csv();
        QVERIFY2(csv.startsWith("run,iteration,epoch,layer,residual_ratio\n"), qPrintable(csv));
        QVERIFY2(csv.contains("res,200,0.6,layer1.1,0.3\n"), qPrintable(csv));
        QCOMPARE(csv.count('\n'), 1 + 3 * 3);
    }

    // Every metric kind reaches a plot of the dashboard's table, and each plot takes its kinds.
    void dashboardPlotTableCoversEveryMetricKind() {
        const QVector<MetricRecord> oneOfEach = {
            TrainMetrics{10, 0.1, 2.0, 80, 0.1, 100},
            TestMetrics{10, 0.1, 2.1, 85, false},
            LayerResponses{10, 0.1, {"conv1", "layer1.0.conv1"}, {1.5, 0.5}},
            GradientNorms{10, 0.1, {"conv1", "fc"}, {0.3, 0.2}},
            BlockDynamics{10, 0.1, {"layer1.0", "layer1.1"}, {0.5, 0.25}, {0.01, 0.02}},
        };
        QCOMPARE(oneOfEach.size(), kMetricKindCount);
        QWidget parent;
        QSet<MetricKind> reached;
        for (const DashboardPlotInfo& info : dashboardPlots()) {
            RunPlot* plot = info.create(&parent);
            QVERIFY(!dashboardPlotTitle(info).isEmpty());
            if (info.controls)
                QVERIFY(info.controls(plot, &parent));
            plot->addRun("r", {"r", runColor(0)});
            int shown = 0;
            for (const MetricRecord& record : oneOfEach) {
                plot->append("r", record);
                if (plot->shows(kindOf(record))) {
                    ++shown;
                    reached.insert(kindOf(record));
                }
            }
            QVERIFY2(shown > 0, qPrintable(dashboardPlotTitle(info)));
            QCOMPARE(plot->records("r"), shown);
            plot->append("other run", oneOfEach.first());  // not added: ignored
            QCOMPARE(plot->records("other run"), 0);
            plot->removeRun("r");
            QVERIFY(!plot->hasRun("r"));
        }
        QCOMPARE(reached.size(), kMetricKindCount);
    }

    void replotsAreThrottled() {
        ErrorCurvePlot plot;
        plot.addRun("r", {"r", runColor(0)});
        QTest::qWait(200);
        const int before = plot.replotCount();
        for (int it = 1; it <= 5000; ++it)
            plot.append("r", train(it, 50, 0.1));
        QTest::qWait(250);
        QVERIFY2(plot.replotCount() - before <= 3,
                 qPrintable(QString("%1 replots").arg(plot.replotCount() - before)));
        QVERIFY(plot.replotCount() > before);
        QCOMPARE(plot.trainPoints("r"), 5000);
    }

    void exportsPngPdfSvg() {
        LossRatePlot plot;
        plot.resize(600, 400);
        plot.addRun("r", {"r", runColor(0)});
        for (int it = 1; it <= 100; ++it)
            plot.append("r", train(it, 50, 0.1));
        QTemporaryDir dir;
        for (const char* suffix : {".png", ".pdf", ".svg"}) {
            const QString path = dir.filePath(QString("plot") + suffix);
            QString error;
            QVERIFY2(plot.exportTo(path, &error), qPrintable(error));
            QVERIFY(QFileInfo(path).size() > 200);
        }
        QString error;
        QVERIFY(!plot.exportTo(dir.filePath("plot.bmpx"), &error));
        QVERIFY(error.contains("unknown export format"));
        QVERIFY(!plot.exportTo("/proc/plot.png", &error));
        QCOMPARE(plot.csv().count('\n'), 101);
    }
};

QTEST_MAIN(TestPlots)
#include "tst_plots.moc"
