// The loss landscape around the weights (Li et al. 2018; issue 11) as files, plots, command and
// view: the JSON round trip, contour lines of known functions, the plots' shared scale and
// exports, the CLI's answers to bad input and a real run, and the Insights view drawing a
// landscape.json and computing one off the UI thread with a cancel that stops it. Runs are made
// with `resnet-explorer-cli train` (no torch in this test: qcustomplot.h needs Qt's keywords).
#include "cifar_fixture.h"
#include "cli_fixture.h"
#include "contours.h"
#include "landscape.h"
#include "landscape_plots.h"
#include "landscape_view.h"
#include "presets.h"
#include "run_folder.h"
#include "spec_json.h"

#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>

#include <cmath>

using namespace rx;

namespace {

// A landscape with known values: loss = 1 + α² + 2β², error = 10·(i + j).
Landscape knownLandscape(int grid, double range) {
    Landscape l;
    l.architecture = QStringLiteral("resnet-20");
    l.iteration = 300;
    l.grid = grid;
    l.range = range;
    l.images = 1000;
    l.seed = 18446744073709551557ULL;  // above 2^53: must survive as text
    l.seconds = 12.5;
    for (int j = 0; j < grid; ++j)
        for (int i = 0; i < grid; ++i) {
            const double a = l.coordinate(i), b = l.coordinate(j);
            l.loss << 1 + a * a + 2 * b * b;
            l.error << 10.0 * (i + j);
        }
    return l;
}

double distance(const QPointF& p) {
    return std::hypot(p.x(), p.y());
}

}  // namespace

class TestLandscapeView : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    QString data_;  // synthetic CIFAR-10
    QString spec_;  // a tiny network
    QString run_;

    // A run folder with a checkpoint, trained for two iterations by the CLI.
    void makeRun(const QString& dir, int seed = 5) {
        const test::CliRun r = test::runCli(
            {"train", "--arch", spec_, "--out", dir, "--data", data_, "--iterations", "2", "--seed",
             QString::number(seed), "--threads", "2", "--test-subset", "50"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(QFile::exists(QDir(dir).filePath(kRunCheckpointFile)));
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(tmp_.isValid());
        QVERIFY2(!qEnvironmentVariable("RX_CLI").isEmpty(), "RX_CLI is not set");
        data_ = tmp_.filePath(QStringLiteral("cifar"));
        QVERIFY(test::writeSyntheticCifar(data_, 200, 50));
        spec_ = tmp_.filePath(QStringLiteral("tiny.resnet.json"));
        QVERIFY(saveSpecFile(
            spec_, cifarNet(QStringLiteral("tiny"), BlockKind::Basic, 1, ShortcutOption::ZeroPad),
            nullptr));
        run_ = tmp_.filePath(QStringLiteral("runs/tiny"));
        makeRun(run_);
    }

    void jsonRoundTrip() {
        const Landscape l = knownLandscape(5, 0.75);
        Landscape back;
        QString error;
        QVERIFY2(landscapeFromJson(landscapeToJson(l), &back, &error), qPrintable(error));
        QCOMPARE(back.architecture, l.architecture);
        QCOMPARE(back.iteration, l.iteration);
        QCOMPARE(back.grid, l.grid);
        QCOMPARE(back.range, l.range);
        QCOMPARE(back.images, l.images);
        QCOMPARE(back.seed, l.seed);
        QCOMPARE(back.seconds, l.seconds);
        QCOMPARE(back.loss, l.loss);
        QCOMPARE(back.error, l.error);
        // Rows are β, columns α: the file's loss[j][i] is the value at (α_i, β_j).
        const QJsonObject o = QJsonDocument::fromJson(landscapeToJson(l)).object();
        QCOMPARE(o["loss"].toArray()[4].toArray()[2].toDouble(), 1 + 2 * 0.75 * 0.75);
        QCOMPARE(o["coordinates"].toArray()[0].toDouble(), -0.75);
        // Through the run folder.
        const QString dir = tmp_.filePath(QStringLiteral("json-run"));
        QDir().mkpath(dir);
        QVERIFY(writeLandscape(dir, l, &error));
        QVERIFY(QFile::exists(QDir(dir).filePath(kRunLandscapeFile)));
        Landscape read;
        QVERIFY(readLandscape(dir, &read, &error));
        QCOMPARE(read.loss, l.loss);
        // Broken files are refused with the file's name.
        QVERIFY(!landscapeFromJson("{}", &back, &error, QStringLiteral("x.json")));
        QVERIFY(error.contains(QLatin1String("x.json")));
        QJsonObject cut = o;
        QJsonArray rows = cut["loss"].toArray();
        rows.removeLast();
        cut["loss"] = rows;
        QVERIFY(!landscapeFromJson(QJsonDocument(cut).toJson(), &back, &error));
        QVERIFY(!readLandscape(tmp_.filePath(QStringLiteral("nothing")), &back, &error));
    }

    void slicesAreTheMiddleRowAndColumn() {
        const Landscape l = knownLandscape(5, 1.0);
        const QVector<double> a = l.sliceAlpha(l.loss), b = l.sliceBeta(l.loss);
        QCOMPARE(a.size(), 5);
        QCOMPARE(b.size(), 5);
        for (int k = 0; k < 5; ++k) {
            const double c = l.coordinate(k);
            QCOMPARE(a[k], 1 + c * c);
            QCOMPARE(b[k], 1 + 2 * c * c);
        }
    }

    void contoursOfAParaboloidAreCircles() {
        const int n = 41;
        QVector<double> values;
        for (int j = 0; j < n; ++j)
            for (int i = 0; i < n; ++i) {
                const double x = -1 + 2.0 * i / (n - 1), y = -1 + 2.0 * j / (n - 1);
                values << x * x + y * y;
            }
        const SampledGrid grid{values, n, n, -1, 1, -1, 1};
        for (double r : {0.3, 0.5, 0.8}) {
            const auto lines = contourLines(grid, r * r);
            QCOMPARE(lines.size(), 1);
            const QVector<QPointF>& line = lines.first();
            QVERIFY(line.size() > 20);
            QCOMPARE(line.first(), line.last());  // closed
            double angle = 0;
            for (int k = 0; k < line.size(); ++k) {
                QVERIFY2(std::abs(distance(line[k]) - r) < 0.01,
                         qPrintable(QStringLiteral("r %1: %2").arg(r).arg(distance(line[k]))));
                if (k > 0) {
                    double step = std::atan2(line[k].y(), line[k].x()) -
                                  std::atan2(line[k - 1].y(), line[k - 1].x());
                    step = std::remainder(step, 2 * M_PI);
                    angle += step;
                }
            }
            QVERIFY(std::abs(std::abs(angle) - 2 * M_PI) < 1e-6);  // once around
        }
        // A level above the corners' values (2) crosses nothing; below the minimum neither.
        QVERIFY(contourLines(grid, 2.5).isEmpty());
        QVERIFY(contourLines(grid, -1).isEmpty());
        // The corners (x² + y² > 1.44) give four open arcs ending on the border.
        const auto arcs = contourLines(grid, 1.44);
        QCOMPARE(arcs.size(), 4);
        for (const auto& arc : arcs) {
            QVERIFY(arc.first() != arc.last());
            QVERIFY(std::abs(std::max(std::abs(arc.first().x()), std::abs(arc.first().y())) - 1) <
                    1e-9);
        }
    }

    void contoursOfAPlaneAndMissingSamples() {
        // f = x on [0, 4] × [0, 2]: the level 1.5 is the vertical line x = 1.5.
        QVector<double> values;
        for (int j = 0; j < 3; ++j)
            for (int i = 0; i < 5; ++i)
                values << double(i);
        const auto lines = contourLines({values, 5, 3, 0, 4, 0, 2}, 1.5);
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines.first().size(), 3);
        for (const QPointF& p : lines.first())
            QCOMPARE(p.x(), 1.5);
        // A missing sample removes the line through its cells only.
        values[1 * 5 + 1] = std::nan("");
        const auto broken = contourLines({values, 5, 3, 0, 4, 0, 2}, 1.5);
        QVERIFY(broken.isEmpty());
        QCOMPARE(contourLines({values, 5, 3, 0, 4, 0, 2}, 3.5).size(), 1);
        // A saddle (x·y) at level 0 gives two lines, not crossing ones.
        QVector<double> saddle;
        for (int j = 0; j < 4; ++j)
            for (int i = 0; i < 4; ++i)
                saddle << (i - 1.5) * (j - 1.5) + 0.1;
        QCOMPARE(contourLines({saddle, 4, 4, 0, 3, 0, 3}, 0).size(), 2);
        // Levels spaced evenly in log scale.
        const QVector<double> levels = logLevels(0.01, 10, 4);
        QCOMPARE(levels.size(), 4);
        QVERIFY(std::abs(levels[1] - 0.1) < 1e-12 && std::abs(levels[3] - 10) < 1e-12);
    }

    void cliRefusesBadInput() {
        const QString empty = tmp_.filePath(QStringLiteral("runs/empty"));
        QDir().mkpath(empty);
        struct Case {
            QStringList args;
            int code;
            const char* says;
        };
        const QList<Case> cases = {
            {{tmp_.filePath(QStringLiteral("runs/missing"))}, 1, "not a run folder"},
            {{empty}, 1, "checkpoint.pt"},
            {{run_, "--data", tmp_.filePath(QStringLiteral("nodata"))}, 1, "data_batch_1.bin"},
            {{run_, "--grid", "0"}, 2, "odd number"},
            {{run_, "--grid", "1"}, 2, "odd number"},
            {{run_, "--grid", "20"}, 2, "odd number"},
            {{run_, "--grid", "abc"}, 2, "invalid value 'abc' for --grid"},
            {{run_, "--range", "0"}, 2, "range"},
            {{run_, "--range", "-1"}, 2, "range"},
            {{run_, "--range", "wide"}, 2, "invalid value 'wide' for --range"},
            {{run_, "--images", "x"}, 2, "--images"},
            {{run_, "--seed", "-3"}, 2, "--seed"},
            {{}, 2, "RUN_DIR"},
        };
        for (const Case& c : cases) {
            QStringList args = QStringList{"analyze", "landscape"} + c.args;
            if (!c.args.contains(QStringLiteral("--data")))
                args << QStringLiteral("--data") << data_;
            const test::CliRun r = test::runCli(args);
            QVERIFY2(r.code == c.code && r.err.contains(QLatin1String(c.says)),
                     qPrintable(c.args.join(' ') + QStringLiteral(" → %1: ").arg(r.code) + r.err));
        }
        QVERIFY(!QFile::exists(QDir(run_).filePath(kRunLandscapeFile)));
    }

    void cliWritesTheLandscape() {
        const QString run = tmp_.filePath(QStringLiteral("runs/cli"));
        makeRun(run);
        const test::CliRun r =
            test::runCli({"analyze", "landscape", run, "--grid", "5", "--range", "0.5", "--images",
                          "200", "--seed", "7", "--data", data_, "--threads", "2"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QLatin1String("landscape.json")));
        Landscape l;
        QString error;
        QVERIFY2(readLandscape(run, &l, &error), qPrintable(error));
        QCOMPARE(l.grid, 5);
        QCOMPARE(l.range, 0.5);
        QCOMPARE(l.images, 200);
        QCOMPARE(l.seed, quint64(7));
        QCOMPARE(l.architecture, QStringLiteral("tiny"));
    }

    void plotsDrawTheSharedScale() {
        const Landscape a = knownLandscape(21, 1.0);
        Landscape b = a;
        for (double& v : b.loss)
            v *= 4;
        const QCPRange range = landscapeLossRange({&a, &b});
        QCOMPARE(range.lower, 1.0);
        QCOMPARE(range.upper, kLandscapeMaxShownLoss);  // 4·(1 + 1 + 2) = 16 is clipped
        LandscapeMapPlot map;
        map.setScaleRange(range);
        map.setLandscape(a, QStringLiteral("a"));
        QCOMPARE(map.levels().size(), kLandscapeContourLevels);
        QVERIFY(!map.contourCurves().isEmpty());
        QCOMPARE(map.title(), QStringLiteral("a"));
        QVERIFY(map.csv().startsWith(QLatin1String("alpha,beta,loss")));
        QCOMPARE(map.csv().count(QLatin1Char('\n')), 1 + 21 * 21);
        QString error;
        for (const char* suffix : {".png", ".pdf", ".svg"}) {
            const QString path = tmp_.filePath(QStringLiteral("map") + QLatin1String(suffix));
            QVERIFY2(map.exportTo(path, &error), qPrintable(error));
            QVERIFY(QFileInfo(path).size() > 0);
        }
        LandscapeSlicePlot slice;
        slice.setLandscape(a);
        QCOMPARE(slice.alphaGraph()->dataCount(), 21);
        QCOMPARE(slice.csv().count(QLatin1Char('\n')), 1 + 21);
    }

    void viewShowsAndComputes() {
        // One run with a landscape.json, one without.
        const QString shown = tmp_.filePath(QStringLiteral("runs/shown"));
        makeRun(shown);
        QString error;
        QVERIFY(writeLandscape(shown, knownLandscape(7, 1.0), &error));
        const QString fresh = tmp_.filePath(QStringLiteral("runs/fresh"));
        makeRun(fresh, 6);

        LandscapeView view(nullptr);
        view.setDataDirectory(data_);
        view.resize(1400, 800);
        view.show();
        QVERIFY(!view.explanation()->toPlainText().isEmpty());
        QSignalSpy changed(&view, &LandscapeView::landscapeChanged);
        view.showRun(0, shown);
        QVERIFY(view.hasLandscape(0));
        QCOMPARE(view.mapPlot(0)->landscape().grid, 7);
        QVERIFY(!view.mapPlot(0)->contourCurves().isEmpty());
        QCOMPARE(view.slicePlot(0)->alphaGraph()->dataCount(), 7);
        QVERIFY(view.statusLabel(0)->text().contains(QLatin1String("resnet-20")));

        view.showRun(1, fresh);
        QVERIFY(!view.hasLandscape(1));
        view.setOptions(5, 0.5, 100, 3);
        QTest::mouseClick(view.computeButton(1), Qt::LeftButton);
        QVERIFY(view.isComputing(1));
        QTRY_VERIFY_WITH_TIMEOUT(!view.isComputing(1), 120000);
        QVERIFY2(view.hasLandscape(1), qPrintable(view.errorText(1)));
        QCOMPARE(view.landscape(1).grid, 5);
        QCOMPARE(view.mapPlot(1)->landscape().grid, 5);
        QVERIFY(QFile::exists(QDir(fresh).filePath(kRunLandscapeFile)));
        // Both maps share one colour scale.
        QCOMPARE(view.mapPlot(0)->scaleRange().lower, view.mapPlot(1)->scaleRange().lower);
        QCOMPARE(view.mapPlot(0)->scaleRange().upper, view.mapPlot(1)->scaleRange().upper);
        QVERIFY(changed.count() >= 2);
    }

    void viewCancelStopsTheWorker() {
        const QString run = tmp_.filePath(QStringLiteral("runs/cancel"));
        makeRun(run, 7);
        LandscapeView view(nullptr);
        view.setDataDirectory(data_);
        view.show();
        view.showRun(0, run);
        // Minutes of work: 101 × 101 points on 1,000 images.
        view.setOptions(kLandscapeMaxGrid, 1.0, 1000, 1);
        view.compute(0);
        QVERIFY(view.isComputing(0));
        QTRY_VERIFY_WITH_TIMEOUT(view.statusLabel(0)->text().contains(QLatin1String("grid")),
                                 60000);  // the worker is evaluating points
        QTest::mouseClick(view.computeButton(0), Qt::LeftButton);  // the button says Cancel now
        QVERIFY(!view.isComputing(0));
        QVERIFY(view.errorText(0).contains(QLatin1String("Cancel")));
        QVERIFY(!view.hasLandscape(0));
        // The worker thread ends soon (far sooner than the whole grid would take).
        QTRY_COMPARE_WITH_TIMEOUT(view.runningThreads(), 0, 30000);
        QVERIFY(!QFile::exists(QDir(run).filePath(kRunLandscapeFile)));
    }
};

QTEST_MAIN(TestLandscapeView)
#include "tst_landscape_view.moc"
