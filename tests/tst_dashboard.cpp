// The live training dashboard, driven from its buttons: a real short training of resnet-20 on a
// 1,000-image subset, Pause, Resume, Stop, a second run, overlays, reopening and exporting runs.
#include "analysis.h"
#include "cifar_fixture.h"
#include "export.h"
#include "main_window.h"
#include "presets.h"
#include "training_dashboard.h"
#include "training_plots.h"

#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

#include <cmath>

using namespace rx;

class TestDashboard : public QObject {
    Q_OBJECT

    QTemporaryDir synthetic_;
    QTemporaryDir runs_;
    QString data_;
    QString firstRun_, secondRun_;

    void setForm(TrainingDashboard* d, int iterations) {
        d->findChild<QSpinBox*>("iterations")->setValue(iterations);
        d->findChild<QSpinBox*>("trainSubset")->setValue(1000);
        d->findChild<QSpinBox*>("testSubset")->setValue(200);
        d->findChild<QSpinBox*>("logEvery")->setValue(2);
    }

    // Saves a screenshot for docs/ when RX_SCREENSHOT_DIR is set.
    static void shoot(QWidget* w, const char* name) {
        const QString dir = qEnvironmentVariable("RX_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        for (PlotBase* plot : w->findChildren<PlotBase*>())
            plot->replot();
        w->grab().save(QDir(dir).filePath(QLatin1String(name)));
    }

private Q_SLOTS:
    void initTestCase() {
        QCoreApplication::setOrganizationName("ResNetExplorerTests");
        QCoreApplication::setApplicationName("tst_dashboard");
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        data_ = test::realCifarDir();
        if (data_.isEmpty()) {
            QVERIFY(test::writeSyntheticCifar(synthetic_.path(), 1000, 500));
            data_ = synthetic_.path();
        }
    }

    void trainsFromTheStartButton() {
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.showTab(1);
        TrainingDashboard* d = w.dashboard();
        d->setRunsDirectory(runs_.path());
        d->setDataDirectory(data_);
        setForm(d, 2000);
        QCOMPARE(d->configFromForm().spec.name, QString("resnet-20"));  // the canvas's network
        QTest::mouseClick(d->findChild<QPushButton*>("start"), Qt::LeftButton);
        QVERIFY(d->isTraining());
        firstRun_ = d->activeRun();
        QVERIFY(!firstRun_.isEmpty());
        QVERIFY(d->isTicked(firstRun_));

        // Points arrive on the error and gradient plots; responses have one point per 3×3 layer.
        QTRY_VERIFY_WITH_TIMEOUT(d->errorPlot()->trainPoints(firstRun_) >= 2, 180000);
        QTRY_VERIFY_WITH_TIMEOUT(d->gradientLatest()->points(firstRun_) == 20, 30000);
        QVERIFY(d->gradientHeatmap()->columns() >= 1);
        QTRY_VERIFY_WITH_TIMEOUT(d->errorPlot()->testPoints(firstRun_) >= 1, 180000);
        QTRY_COMPARE_WITH_TIMEOUT(d->responsePlot()->points(firstRun_),
                                  int(analyze(*preset("resnet-20")).responseLayers().size()),
                                  30000);
        QCOMPARE(d->responsePlot()->points(firstRun_), 19);
        shoot(&w, "dashboard-training.png");

        // Pause holds the iteration count.
        QTest::mouseClick(d->findChild<QPushButton*>("pause"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(d->runState(firstRun_), QString("paused"), 30000);
        const int pausedAt = d->lastIteration();
        const int bar = d->findChild<QProgressBar*>("progress")->value();
        QTest::qWait(1500);
        QCOMPARE(d->lastIteration(), pausedAt);
        QCOMPARE(d->findChild<QProgressBar*>("progress")->value(), bar);
        QCOMPARE(d->findChild<QPushButton*>("pause")->text(), QString("Resume"));

        // Resume goes on, Stop writes a checkpoint.
        QTest::mouseClick(d->findChild<QPushButton*>("pause"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(d->lastIteration() > pausedAt, 60000);
        QTest::mouseClick(d->findChild<QPushButton*>("stop"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(d->runState(firstRun_), QString("stopped"), 60000);
        QVERIFY(!d->isTraining());
        const QString checkpoint = QDir(runs_.path()).filePath(firstRun_ + "/checkpoint.pt");
        QVERIFY(QFile::exists(checkpoint));
        EvalResult r;
        QString error;
        QVERIFY2(evaluateWeights(checkpoint, data_, {}, 50, &r, &error), qPrintable(error));
        QCOMPARE(r.images, 50);

        // A second, plain run; ticking both overlays two curves.
        w.showTab(0);
        w.loadPreset("plain-20");
        w.showTab(1);
        setForm(d, 8);
        QTest::mouseClick(d->findChild<QPushButton*>("start"), Qt::LeftButton);
        secondRun_ = d->activeRun();
        QVERIFY(secondRun_.startsWith("plain-20"));
        QTRY_COMPARE_WITH_TIMEOUT(d->runState(secondRun_), QString("finished"), 180000);
        QVERIFY(d->isTicked(firstRun_) && d->isTicked(secondRun_));
        QVERIFY(d->errorPlot()->trainPoints(firstRun_) > 0);
        QCOMPARE(d->errorPlot()->trainPoints(secondRun_), 4);  // every 2 of 8 iterations
        QCOMPARE(d->errorPlot()->graphCount(), 4);             // train + test per run
        QVERIFY(!std::isnan(d->bestTestError(secondRun_)));
        shoot(&w, "dashboard-overlay.png");
        d->setTicked(secondRun_, false);
        QCOMPARE(d->errorPlot()->graphCount(), 2);

        // Export from the GUI writes files that load back.
        QTemporaryDir out;
        QString exportError = "not called";
        d->exportRun(firstRun_, out.filePath("r20.pt"), false,
                     [&](const QString& e) { exportError = e; });
        QTRY_VERIFY_WITH_TIMEOUT(exportError != "not called", 60000);
        QVERIFY2(exportError.isEmpty(), qPrintable(exportError));
        QVERIFY2(evaluateWeights(out.filePath("r20.pt"), data_, {}, 50, &r, &error),
                 qPrintable(error));
        exportError = "not called";
        d->exportRun(firstRun_, "/proc/r20.pth", true, [&](const QString& e) { exportError = e; });
        QTRY_VERIFY_WITH_TIMEOUT(exportError != "not called", 60000);
        QVERIFY2(exportError.startsWith("cannot write /proc/r20.pth"), qPrintable(exportError));
    }

    void finishedRunsReopenFromDisk() {
        QVERIFY(!firstRun_.isEmpty());
        TrainingDashboard d;
        d.setRunsDirectory(runs_.path());
        QCOMPARE(d.runIds().size(), 2);
        QCOMPARE(d.runState(firstRun_), QString("stopped"));
        QCOMPARE(d.runState(secondRun_), QString("finished"));
        QVERIFY(!std::isnan(d.bestTestError(firstRun_)));
        d.setTicked(firstRun_, true);
        QVERIFY(d.errorPlot()->trainPoints(firstRun_) > 0);
        QCOMPARE(d.responsePlot()->points(firstRun_), 19);
        QVERIFY(d.gradientLatest()->points(firstRun_) == 20);
        // Plots export as PNG, PDF and SVG, and copy their data as CSV.
        QTemporaryDir out;
        for (const char* suffix : {".png", ".pdf", ".svg"}) {
            const QString path = out.filePath(QString("errors") + suffix);
            QString error;
            QVERIFY2(d.errorPlot()->exportTo(path, &error), qPrintable(error));
            QVERIFY(QFileInfo(path).size() > 100);
        }
        QVERIFY(d.errorPlot()->csv().count('\n') > d.errorPlot()->trainPoints(firstRun_));
    }

    void renameAndDeleteRuns() {
        TrainingDashboard d;
        d.setRunsDirectory(runs_.path());
        QString error;
        QVERIFY2(d.renameRun(secondRun_, "plain twenty", &error), qPrintable(error));
        QVERIFY(d.runIds().contains("plain-twenty"));
        QVERIFY(QFileInfo::exists(QDir(runs_.path()).filePath("plain-twenty/metrics.jsonl")));
        QVERIFY(!d.renameRun(firstRun_, "plain-twenty", &error));
        QVERIFY(error.contains("already exists"));
        QVERIFY2(d.deleteRun("plain-twenty", &error), qPrintable(error));
        QVERIFY(!QFileInfo::exists(QDir(runs_.path()).filePath("plain-twenty")));
        QCOMPARE(d.runIds(), QStringList{firstRun_});
    }
};

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
