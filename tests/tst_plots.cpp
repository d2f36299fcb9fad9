// The plots on their own: learning-rate drop markers, epoch axis, sorting and scrubbing of
// responses, the heat map, throttled replots, CSV and file export.
#include "training_plots.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace rx;

namespace {
// Exposes the hover text the plot shows at a pixel.
class HoverProbe : public ErrorCurvePlot {
public:
    using ErrorCurvePlot::tooltipAt;
};

TrainMetrics train(int it, double err, double lr) {
    return {it, it / 391.0, 1.0, err, lr, 100};
}
}  // namespace

class TestPlots : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void errorCurvesMarkLearningRateDropsAndSwitchToEpochs() {
        ErrorCurvePlot plot;
        plot.addRun("r", {"resnet-20", runColor(0)});
        for (int it = 1000; it <= 64000; it += 1000)
            plot.appendTrain("r", train(it, 50.0 - it / 2000.0,
                                        it > 48000   ? 0.001
                                        : it > 32000 ? 0.01
                                                     : 0.1));
        plot.appendTest("r", {39100, 100.0, 0.5, 20.0, false});
        QCOMPARE(plot.trainPoints("r"), 64);
        QCOMPARE(plot.testPoints("r"), 1);
        QCOMPARE(plot.lrDropMarkers("r"), 2);                  // 32k and 48k
        QCOMPARE(plot.graph(0)->pen().style(), Qt::DashLine);  // training: dashed, thin
        QVERIFY(plot.graph(1)->pen().widthF() > plot.graph(0)->pen().widthF());  // test: bold
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

    void hoverShowsExactValues() {
        HoverProbe plot;
        plot.resize(600, 400);
        plot.addRun("r", {"resnet-56", runColor(0)});
        plot.appendTrain("r", train(100, 42.5, 0.1));
        plot.appendTrain("r", train(200, 30.25, 0.1));
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
        plot.appendResponses("a",
                             {391, 1, {"conv1", "layer1.0.conv1", "layer1.0.conv2"}, {1, 3, 2}});
        plot.appendResponses("a",
                             {782, 2, {"conv1", "layer1.0.conv1", "layer1.0.conv2"}, {5, 4, 6}});
        QCOMPARE(plot.measurementCount(), 2);
        QCOMPARE(plot.points("a"), 3);
        QCOMPARE(plot.graph(0)->data()->at(0)->value, 5.0);  // latest by default
        plot.setEpochIndex(0);
        QCOMPARE(plot.graph(0)->data()->at(1)->value, 3.0);
        plot.setSorted(true);
        QCOMPARE(plot.graph(0)->data()->at(0)->value, 3.0);  // descending
        QCOMPARE(plot.graph(0)->data()->at(2)->value, 1.0);
    }

    void heatmapShowsEveryLayerOverTime() {
        GradientHeatmap map;
        for (int i = 1; i <= 3000; ++i)
            map.appendGradients("r", {i * 50, i / 8.0, {"conv1", "fc"}, {1.0 / i, 0.5}});
        QCOMPARE(map.columns(), 3000);
        QTRY_VERIFY(map.replotCount() >= 1);
        // Long runs are drawn at a coarser time step, never more than 1,500 columns.
        auto* colorMap = qobject_cast<QCPColorMap*>(map.plottable(0));
        QVERIFY(colorMap);
        QVERIFY(colorMap->data()->keySize() <= 1500);
        QCOMPARE(colorMap->data()->valueSize(), 2);
        QCOMPARE(colorMap->colorScale()->dataScaleType(), QCPAxis::stLogarithmic);
    }

    void replotsAreThrottled() {
        ErrorCurvePlot plot;
        plot.addRun("r", {"r", runColor(0)});
        QTest::qWait(200);
        const int before = plot.replotCount();
        for (int it = 1; it <= 5000; ++it)
            plot.appendTrain("r", train(it, 50, 0.1));
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
            plot.appendTrain("r", train(it, 50, 0.1));
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
