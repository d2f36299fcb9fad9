// The Insights tab's lesion view driven as a user would (offscreen): it draws a run's lesion.json
// (bars per block, the hatched blocks that cannot be left out, the curve against k, CSV and
// export), computes a study off the UI thread with progress and saves it, and its Cancel stops
// the worker. The runs it computes are trained by resnet-explorer-cli on synthetic CIFAR-10.
#include "cifar_fixture.h"
#include "cli_fixture.h"
#include "insights_tab.h"
#include "lesion.h"
#include "lesion_plots.h"
#include "lesion_view.h"
#include "run_folder.h"

#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>

using namespace rx;

namespace {

// A plain net's study as `analyze lesion` would leave it: six blocks, two of them changing the
// shape (not removable), and k = 1…4.
LesionStudy plainStudy() {
    LesionStudy s;
    s.architecture = QStringLiteral("plain-8");
    s.images = 1000;
    s.trials = 2;
    s.baselineError = 20;
    s.baselineLoss = 0.6;
    const char* names[] = {"layer1.0", "layer1.1", "layer2.0", "layer2.1", "layer3.0", "layer3.1"};
    for (int i = 0; i < 6; ++i) {
        LesionBlock b;
        b.name = QLatin1String(names[i]);
        b.residual = false;
        b.downsampling = i == 2 || i == 4;
        b.removable = !b.downsampling;
        b.error = b.removable ? 88 + i * 0.1 : -1;
        b.loss = b.removable ? 3 : -1;
        s.blocks << b;
    }
    const QVector<int> removable{0, 1, 3, 5};
    for (int k = 1; k <= 4; ++k) {
        LesionRandom r;
        r.k = k;
        r.trials << LesionSubset{removable.first(k), 89.0 + k * 0.1}
                 << LesionSubset{removable.last(k), 90.0};
        s.random << r;
    }
    return s;
}

// Trains a small run with the CLI (a few iterations are enough: the view needs a checkpoint).
bool trainRun(const QString& arch, const QString& out, const QString& data) {
    const test::CliRun r =
        test::runCli({"train", "--arch", arch, "--out", out, "--iterations", "2", "--batch", "32",
                      "--train-subset", "256", "--test-subset", "100", "--test-every", "2",
                      "--threads", "2", "--data", data},
                     600000);
    if (r.code != 0)
        qWarning() << r.err;
    return r.code == 0 && QFile::exists(QDir(out).filePath(kRunCheckpointFile));
}

}  // namespace

class TestLesionView : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    QString data_;     // synthetic CIFAR-10, 300 test images
    QString bigData_;  // 4000 test images: a study long enough to cancel

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(tmp_.isValid());
        data_ = tmp_.filePath(QStringLiteral("cifar"));
        QVERIFY(test::writeSyntheticCifar(data_, 60, 300));
        bigData_ = tmp_.filePath(QStringLiteral("cifar-big"));
        QVERIFY(test::writeSyntheticCifar(bigData_, 60, 4000));
    }

    void isARowOfTheInsightsTab() {
        InsightsTab tab(nullptr);
        QVERIFY(tab.showView(QStringLiteral("lesion")));
        QVERIFY(qobject_cast<LesionView*>(tab.view(QStringLiteral("lesion"))));
    }

    void drawsALesionJson() {
        const QString run = tmp_.filePath(QStringLiteral("runs/drawn"));
        QDir().mkpath(run);
        QString error;
        QVERIFY(writeLesionStudy(run, plainStudy(), &error));
        LesionView view(nullptr);
        view.setDataDirectory(data_);
        view.resize(1280, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.showRun(0, run);
        QVERIFY(view.study(0));
        QCOMPARE(view.study(0)->baselineError, 20.0);
        LesionBlockPlot* blocks = view.blockPlot(0);
        QCOMPARE(blocks->removableBars(), 4);
        QCOMPARE(blocks->notRemovableBars(), 2);
        QCOMPARE(blocks->yAxis->range().upper, 100.0);  // a fixed axis: sides compare
        QCOMPARE(view.randomPlot(0)->points(), 5);      // k = 0…4
        const QStringList rows = blocks->csv().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(rows.size(), 1 + 1 + 6);  // header, nothing removed, each block
        QCOMPARE(rows[1], QStringLiteral("none,,,,20"));
        QCOMPARE(rows[4], QStringLiteral("layer2.0,0,1,0,"));  // not removable: no error
        QVERIFY(view.randomPlot(0)->csv().contains(QStringLiteral("\n4,")));
        QVERIFY2(view.statusLabel(0)->text().contains(QStringLiteral("lesion.json")),
                 qPrintable(view.statusLabel(0)->text()));
        QVERIFY(view.statusLabel(0)->text().contains(QStringLiteral("plain-8")));
        QCOMPARE(view.computeButton(0)->text(), QStringLiteral("Recompute"));
        const QString explanation = view.explanation()->toPlainText();
        QVERIFY(explanation.contains(QStringLiteral("Veit")));
        QVERIFY(explanation.contains(QStringLiteral("90 %")));
        QVERIFY(explanation.contains(QStringLiteral("10 of its 54 blocks")));
        // The plot's pixel under block 2 is that block, and it exports as PNG, PDF and SVG.
        const int x = int(blocks->xAxis->coordToPixel(2));
        const int y = int(blocks->yAxis->coordToPixel(50));
        QCOMPARE(blocks->blockAt(QPoint(x, y)), 2);
        for (const char* suffix : {"png", "pdf", "svg"}) {
            const QString path = tmp_.filePath(QStringLiteral("blocks.%1").arg(suffix));
            QVERIFY2(blocks->exportTo(path, &error), qPrintable(error));
            QVERIFY(QFileInfo(path).size() > 0);
        }
        // A folder that is not a study says so.
        const QString bad = tmp_.filePath(QStringLiteral("runs/bad"));
        QDir().mkpath(bad);
        QFile f(QDir(bad).filePath(kRunLesionFile));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{}");
        f.close();
        view.showRun(1, bad);
        QVERIFY(!view.study(1));
        QVERIFY(view.statusLabel(1)->text().contains(QStringLiteral("not a lesion study")));
        QCOMPARE(view.blockPlot(1)->removableBars(), 0);
    }

    void deepNetsNameEveryFewBlocks() {
        LesionBlockPlot plot;
        const LesionStudy shallow = plainStudy();
        plot.setStudy(shallow, Qt::blue);
        auto ticks = [&plot] {
            return qSharedPointerCast<QCPAxisTickerText>(plot.xAxis->ticker())->ticks();
        };
        QCOMPARE(ticks().size(), 6);  // every block named
        LesionStudy deep = shallow;
        deep.blocks.clear();
        for (int i = 0; i < 27; ++i) {  // ResNet-56
            LesionBlock b;
            b.name = QStringLiteral("layer%1.%2").arg(1 + i / 9).arg(i % 9);
            b.error = 30;
            deep.blocks << b;
        }
        plot.setStudy(deep, Qt::blue);
        QVERIFY(ticks().size() <= 12);  // names that do not run into each other
        QVERIFY(ticks().size() >= 9);
        QCOMPARE(ticks().value(0), QStringLiteral("layer1.0"));
        QCOMPARE(plot.removableBars(), 27);  // every block still has its bar
    }

    void computesOffTheUiThread() {
        const QString run = tmp_.filePath(QStringLiteral("runs/resnet"));
        QVERIFY(trainRun(QStringLiteral("resnet-20"), run, data_));
        LesionView view(nullptr);
        view.setDataDirectory(data_);
        view.setImages(300);
        view.setTrials(2);
        view.show();
        view.showRun(1, run);
        QVERIFY(!view.study(1));
        QVERIFY(view.statusLabel(1)->text().contains(QStringLiteral("press Compute")));
        QSignalSpy changed(&view, &LesionView::sideChanged);
        QTest::mouseClick(view.computeButton(1), Qt::LeftButton);
        QVERIFY(view.isComputing(1));
        QCOMPARE(view.computeButton(1)->text(), QStringLiteral("Cancel"));
        // The event loop keeps running while the worker computes.
        QTRY_VERIFY_WITH_TIMEOUT(!view.isComputing(1), 300000);
        QVERIFY2(view.study(1), qPrintable(view.errorText(1)));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(view.study(1)->blocks.size(), 9);
        QCOMPARE(view.study(1)->removableCount(), 9);
        QCOMPARE(view.study(1)->images, 300);
        QCOMPARE(view.blockPlot(1)->removableBars(), 9);
        QCOMPARE(view.randomPlot(1)->points(), 10);
        QCOMPARE(view.computeButton(1)->text(), QStringLiteral("Recompute"));
        QVERIFY(view.statusLabel(1)->text().contains(QStringLiteral("Computed in")));
        LesionStudy saved;
        QString error;
        QVERIFY2(readLesionStudy(run, &saved, &error), qPrintable(error));
        QCOMPARE(saved.baselineError, view.study(1)->baselineError);
    }

    void cancelStopsTheWorker() {
        const QString run = tmp_.filePath(QStringLiteral("runs/cancelled"));
        QVERIFY(trainRun(QStringLiteral("resnet-20"), run, data_));
        LesionView view(nullptr);
        view.setDataDirectory(bigData_);
        view.setImages(4000);
        view.setTrials(200);  // about 500 evaluations of 4000 images: long, uncancelled
        view.show();
        view.showRun(1, run);
        view.compute(1);
        QVERIFY(view.isComputing(1));
        // Under way: the worker reports progress.
        QTRY_VERIFY_WITH_TIMEOUT(view.progressBar(1)->value() > 0, 120000);
        QTest::mouseClick(view.computeButton(1), Qt::LeftButton);  // "Cancel"
        QVERIFY(!view.isComputing(1));
        QVERIFY(view.statusLabel(1)->text().contains(QStringLiteral("Cancelled")));
        QVERIFY(!view.study(1));
        QCOMPARE(view.computeButton(1)->text(), QStringLiteral("Compute"));
        // The worker stops at its next batch and writes nothing.
        QTRY_VERIFY_WITH_TIMEOUT(!view.isBusy(), 60000);
        QVERIFY(!QFile::exists(QDir(run).filePath(kRunLesionFile)));
    }
};

QTEST_MAIN(TestLesionView)
#include "tst_lesion_view.moc"
