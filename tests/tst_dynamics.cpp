// The block dynamics view (issue 11): a run's "blocks" records as a history per block, its JSON
// (NaN as null), the plots (one line per block with values, none for a plain net's ratio), the
// Insights view with a plain and a residual run, and `analyze dynamics` with its bad input.
#include "cli_fixture.h"
#include "dynamics.h"
#include "dynamics_plots.h"
#include "dynamics_view.h"
#include "presets.h"
#include "run_folder.h"
#include "spec_json.h"

#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>

#include <cmath>

using namespace rx;

namespace {

const double nan = std::nan("");

// Three measurements of three blocks; `residual` gives ratios, else NaN (a plain net).
QVector<BlockDynamics> records(bool residual) {
    QVector<BlockDynamics> out;
    for (int m = 0; m < 3; ++m) {
        BlockDynamics d;
        d.iteration = 100 * (m + 1);
        d.epoch = 0.25 * (m + 1);
        d.blocks = {"layer1.0", "layer2.0", "layer3.0"};
        for (int b = 0; b < 3; ++b) {
            d.residualRatio << (residual ? 1.0 / (b + 1) - 0.1 * m : nan);
            d.activationGradient << 1e-2 * (b + 1) * (m + 1);
        }
        out << d;
    }
    return out;
}

void writeRun(const QString& dir, const QString& arch, const QVector<BlockDynamics>& blocks) {
    QDir().mkpath(dir);
    QVERIFY(saveSpecFile(QDir(dir).filePath(kRunArchitectureFile), *preset(arch), nullptr));
    MetricsWriter writer;
    QString error;
    QVERIFY2(writer.open(QDir(dir).filePath(kRunMetricsFile), &error), qPrintable(error));
    TrainMetrics t;
    t.iteration = 50;
    writer.write(MetricRecord(t));
    for (const BlockDynamics& d : blocks)
        writer.write(MetricRecord(d));
}

}  // namespace

class TestDynamics : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    QString residual_, plain_, empty_, torn_;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(tmp_.isValid());
        residual_ = tmp_.filePath("runs/resnet");
        writeRun(residual_, "resnet-20", records(true));
        plain_ = tmp_.filePath("runs/plain");
        writeRun(plain_, "plain-20", records(false));
        empty_ = tmp_.filePath("runs/early");
        writeRun(empty_, "resnet-20", {});
        // Killed while writing: a torn last line after a garbled one.
        torn_ = tmp_.filePath("runs/torn");
        writeRun(torn_, "resnet-20", records(true));
        QFile f(QDir(torn_).filePath(kRunMetricsFile));
        QVERIFY(f.open(QIODevice::Append));
        f.write("\x7f\x80 not json\n{\"type\":\"blocks\",\"iteration\":40");
    }

    void historyPerBlock() {
        QVector<BlockDynamics> r = records(true);
        BlockDynamics other = r[1];
        other.blocks = QStringList{"x"};  // another block list: skipped
        other.residualRatio = {1};
        other.activationGradient = {1};
        r.insert(1, other);
        const BlockHistory h = BlockHistory::fromRecords(r);
        QCOMPARE(h.measurements(), 3);
        QCOMPARE(h.iterations, (QVector<int>{100, 200, 300}));
        QCOMPARE(h.blocks.size(), 3);
        QCOMPARE(h.residualRatio[1], (QVector<double>{0.5, 0.4, 0.3}));
        QCOMPARE(h.activationGradient[2][1], 6e-2);
        QVERIFY(h.hasResidualBlocks());
        QVERIFY(!BlockHistory::fromRecords(records(false)).hasResidualBlocks());
    }

    void readsTheRunAndWritesJson() {
        BlockHistory h;
        QString error;
        QVERIFY2(readBlockHistory(plain_, &h, &error), qPrintable(error));
        QCOMPARE(h.architecture, QStringLiteral("plain-20"));
        QCOMPARE(h.measurements(), 3);
        QVERIFY(writeBlockHistory(plain_, h, &error));
        QFile f(QDir(plain_).filePath(kRunDynamicsFile));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(json["kind"].toString(), QStringLiteral("dynamics"));
        const QJsonObject block = json["blocks"].toArray()[0].toObject();
        QVERIFY(block["residual_ratio"].toArray()[0].isNull());  // NaN: a plain block
        QCOMPARE(block["activation_gradient"].toArray()[2].toDouble(), 3e-2);
        // No measurements yet, no metrics at all.
        QVERIFY(!readBlockHistory(empty_, &h, &error));
        QVERIFY2(error.contains(QStringLiteral("no block measurements")), qPrintable(error));
        QVERIFY(!readBlockHistory(tmp_.filePath("nothing"), &h, &error));
        QVERIFY(error.contains(QStringLiteral("metrics.jsonl")));
    }

    void plotsDrawALinePerBlock() {
        BlockHistoryPlot ratio(BlockHistoryPlot::Quantity::ResidualRatio);
        BlockHistoryPlot gradient(BlockHistoryPlot::Quantity::ActivationGradient);
        const BlockHistory residual = BlockHistory::fromRecords(records(true));
        ratio.setHistory(residual);
        gradient.setHistory(residual);
        QCOMPARE(ratio.lines(), 3);
        QCOMPARE(gradient.lines(), 3);
        QCOMPARE(ratio.graph(1)->dataCount(), 3);
        QCOMPARE(ratio.graph(1)->name(), QStringLiteral("layer2.0"));
        QCOMPARE(ratio.csv().count('\n'), 1 + 9);
        QCOMPARE(gradient.yAxis->scaleType(), QCPAxis::stLogarithmic);
        QVERIFY(BlockHistoryPlot::depthColor(0, 3) != BlockHistoryPlot::depthColor(2, 3));
        // A plain net has gradients but no ratio.
        const BlockHistory plain = BlockHistory::fromRecords(records(false));
        ratio.setHistory(plain);
        gradient.setHistory(plain);
        QCOMPARE(ratio.lines(), 0);
        QVERIFY(ratio.saysEmpty());
        QVERIFY(!gradient.saysEmpty());
        QCOMPARE(ratio.csv().count('\n'), 1);
        QCOMPARE(gradient.lines(), 3);
        ratio.setHistory(std::nullopt);
        QCOMPARE(ratio.lines(), 0);
        QVERIFY(!ratio.saysEmpty());  // nothing shown: nothing to say
    }

    void viewShowsPlainAndResidualSideBySide() {
        DynamicsView view(nullptr);
        view.resize(1200, 700);
        view.show();
        view.showRun(0, plain_);
        view.showRun(1, residual_);
        QCOMPARE(view.ratioPlot(0)->lines(), 0);
        QCOMPARE(view.gradientPlot(0)->lines(), 3);
        QCOMPARE(view.ratioPlot(1)->lines(), 3);
        QVERIFY(view.statusLabel(0)->text().contains(QStringLiteral("no residual ratio")));
        QVERIFY(view.statusLabel(1)->text().contains(QStringLiteral("300")));
        QCOMPARE(view.runBox(1)->currentData().toString(), residual_);
        QVERIFY(!view.explanation()->toPlainText().isEmpty());
        // A run without measurements says why.
        view.showRun(1, empty_);
        QVERIFY(!view.history(1));
        QVERIFY(view.statusLabel(1)->text().contains(QStringLiteral("no block measurements")));
        QCOMPARE(view.ratioPlot(1)->lines(), 0);
    }

    void cliWritesTheHistory() {
        QVERIFY2(!qEnvironmentVariable("RX_CLI").isEmpty(), "RX_CLI is not set");
        test::CliRun r = test::runCli({"analyze", "dynamics", residual_});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("layer3.0")));
        QVERIFY(r.out.contains(QStringLiteral("0.333")));  // layer3.0's ratio at iteration 100
        QVERIFY(QFile::exists(QDir(residual_).filePath(kRunDynamicsFile)));
        r = test::runCli({"analyze", "dynamics", empty_});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QStringLiteral("no block measurements")));
        r = test::runCli({"analyze", "dynamics", tmp_.filePath("nothing")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QStringLiteral("not a run folder")));
        r = test::runCli({"analyze", "dynamics"});
        QCOMPARE(r.code, 2);
    }

    // Issue 13: the good measurements of a damaged metrics.jsonl, and how many lines were not.
    void damagedLinesAreSkippedAndTold() {
        BlockHistory h;
        QString error;
        QVERIFY2(readBlockHistory(torn_, &h, &error), qPrintable(error));
        QCOMPARE(h.measurements(), 3);
        QCOMPARE(h.skippedMetricLines, 2);
        const test::CliRun r = test::runCli({"analyze", "dynamics", torn_});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(skippedLinesText(2)), qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("layer3.0")));
        DynamicsView view(nullptr);
        view.showRun(0, torn_);
        QVERIFY2(view.statusLabel(0)->text().contains(skippedLinesText(2)),
                 qPrintable(view.statusLabel(0)->text()));
    }
};

QTEST_MAIN(TestDynamics)
#include "tst_dynamics.moc"
