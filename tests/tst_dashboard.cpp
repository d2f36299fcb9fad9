// The live training dashboard, driven from its buttons: a real short training of resnet-20 on a
// 1,000-image subset, Pause, Resume, Stop, a second run, overlays, reopening and exporting runs.
#include "analysis.h"
#include "cifar10.h"
#include "cifar_fixture.h"
#include "dashboard_plots.h"
#include "download.h"
#include "export.h"
#include "main_window.h"
#include "memory_estimate.h"
#include "plots_area.h"
#include "presets.h"
#include "runs_model.h"
#include "runs_panel.h"
#include "train_form.h"
#include "trainer_thread.h"
#include "training_dashboard.h"
#include "training_plots.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSignalSpy>
#include <QStyle>
#include <QTabWidget>
#include <QTcpServer>
#include <QTreeView>

#include <QComboBox>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace rx;

namespace {

// Evaluation of the first `images` test images of `data`.
EvalOptions firstImages(const QString& data, int images) {
    EvalOptions options;
    options.dataDir = data;
    options.testSubset = images;
    return options;
}

bool writeFile(const QString& path, const QByteArray& bytes) {
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// A run folder as a trainer leaves it: config.json, maybe status.json, metrics.jsonl.
bool writeRun(const QString& dir, int total, const QByteArray& status,
              const QVector<MetricRecord>& records) {
    QByteArray metrics;
    for (const MetricRecord& r : records)
        metrics += metricLine(r);
    const QJsonObject config{{"iterations_total", total}};
    return writeFile(dir + "/config.json", QJsonDocument(config).toJson()) &&
           (status.isEmpty() || writeFile(dir + "/status.json", status)) &&
           writeFile(dir + "/metrics.jsonl", metrics);
}

TrainMetrics trainAt(int iteration) {
    return {iteration, iteration / 5.0, 2.0, 80, 0.1, 100};
}
TestMetrics testWith(int iteration, double error) {
    return {iteration, iteration / 5.0, 1.0, error, false};
}

}  // namespace

// The tab widget a plot is a page of (a cell shared by several plots), or nullptr.
QTabWidget* tabsHolding(QWidget* plot) {
    for (QWidget* w = plot; w; w = w->parentWidget())
        if (auto* tabs = qobject_cast<QTabWidget*>(w))
            return tabs;
    return nullptr;
}

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

    // Run folders without a live trainer: status.json's state, else judged from the metrics.
    void runsModelReadsRunFolders() {
        QTemporaryDir dir;
        QVERIFY(writeRun(dir.filePath("a-done"), 10, R"({"state": "finished"})",
                         {trainAt(10), testWith(10, 30), testWith(10, 20)}));
        QVERIFY(writeRun(dir.filePath("b-cut-off-at-the-end"), 10, R"({"state": "running"})",
                         {trainAt(5), trainAt(10)}));
        QVERIFY(writeRun(dir.filePath("c-no-status"), 10, {}, {trainAt(4), testWith(4, 60)}));
        QVERIFY(writeRun(dir.filePath("d-failed"), 10,
                         R"({"state": "failed", "best_test_error": 12.5, "message": "NaN"})", {}));
        // Killed mid-run: it says running, and no live process holds its lock.
        QVERIFY(writeRun(dir.filePath("e-killed"), 10, R"({"state": "running"})", {trainAt(5)}));
        QVERIFY(writeFile(dir.filePath("not-a-run/readme.txt"), "hello"));

        RunsModel model;
        model.setDirectory(dir.path());
        QCOMPARE(model.ids(), QStringList({"a-done", "b-cut-off-at-the-end", "c-no-status",
                                           "d-failed", "e-killed"}));
        QCOMPARE(model.state("e-killed"), std::optional(RunState::Interrupted));
        QCOMPARE(model.state("a-done"), std::optional(RunState::Finished));
        QCOMPARE(model.state("b-cut-off-at-the-end"), std::optional(RunState::Finished));
        QCOMPARE(model.state("c-no-status"), std::optional(RunState::Stopped));
        QCOMPARE(model.state("d-failed"), std::optional(RunState::Failed));
        QCOMPARE(model.bestTestError("a-done"), 20.0);
        QCOMPARE(model.bestTestError("c-no-status"), 60.0);
        QCOMPARE(model.bestTestError("d-failed"), 12.5);
        QVERIFY(std::isnan(model.bestTestError("b-cut-off-at-the-end")));

        // Columns: name (checkable, coloured once ticked), state text, best error.
        QCOMPARE(model.columnCount(), 3);
        const QModelIndex name = model.index(0, RunsModel::NameColumn);
        QCOMPARE(model.data(model.index(0, RunsModel::StateColumn)).toString(),
                 runStateText(RunState::Finished));
        QCOMPARE(model.data(model.index(0, RunsModel::BestColumn)).toString(), QString("20.00 %"));
        QVERIFY(model.flags(name) & Qt::ItemIsUserCheckable);
        QVERIFY(!model.data(name, Qt::ForegroundRole).isValid());
        QSignalSpy ticked(&model, &RunsModel::tickedChanged);
        QVERIFY(model.setData(name, Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(ticked.count(), 1);
        QVERIFY(model.isTicked("a-done"));
        QCOMPARE(model.data(name, Qt::CheckStateRole).toInt(), int(Qt::Checked));
        const QColor color = model.data(name, Qt::ForegroundRole).value<QColor>();
        QCOMPARE(color, model.color("a-done"));
        QVERIFY(color.isValid());

        // Renaming keeps the tick and the colour; a folder gone from disk leaves the list.
        QString error;
        QVERIFY2(model.renameRun("a-done", "first one", &error), qPrintable(error));
        QVERIFY(model.isTicked("first-one"));
        QCOMPARE(model.color("first-one"), color);
        QVERIFY(QDir(dir.filePath("c-no-status")).removeRecursively());
        model.rescan();
        QCOMPARE(model.ids(),
                 QStringList({"first-one", "b-cut-off-at-the-end", "d-failed", "e-killed"}));
        model.setLiveRun("d-failed");
        QVERIFY(!model.deleteRun("d-failed", &error));
        QVERIFY(QFileInfo::exists(dir.filePath("d-failed")));
    }

    // Issue 13: a run whose metrics.jsonl was torn (a kill) or garbled opens with every good
    // record; its row's tooltip and the dashboard's message say how many lines were skipped.
    void damagedMetricsAreToldWhenARunIsOpened() {
        QTemporaryDir dir;
        QVERIFY(writeRun(dir.filePath("torn"), 10, R"({"state": "stopped"})",
                         {trainAt(2), testWith(2, 70), trainAt(4)}));
        QVERIFY(writeRun(dir.filePath("whole"), 10, R"({"state": "stopped"})", {trainAt(2)}));
        {
            QFile f(dir.filePath("torn/metrics.jsonl"));
            QVERIFY(f.open(QIODevice::Append));
            f.write("\x01\x02 junk\n{\"type\":\"train\",\"itera");
        }
        TrainingDashboard d;
        QSignalSpy messages(&d, &TrainingDashboard::message);
        d.setRunsDirectory(dir.path());
        RunsModel* model = d.runsModel();
        const QString told = skippedLinesText(2);
        QVERIFY(told.contains("metrics.jsonl") && told.contains('2'));
        QCOMPARE(model->data(model->index(int(model->ids().indexOf("torn")), 0), Qt::ToolTipRole)
                     .toString(),
                 told);
        QVERIFY(!model->data(model->index(int(model->ids().indexOf("whole")), 0), Qt::ToolTipRole)
                     .isValid());
        QCOMPARE(d.bestTestError("torn"), 70.0);  // the good records before the damage count

        d.setTicked("torn", true);
        QCOMPARE(messages.count(), 1);
        QVERIFY2(messages.first().first().toString().contains(told),
                 qPrintable(messages.first().first().toString()));
        QCOMPARE(d.errorPlot()->runIds(), QStringList{"torn"});
        d.setTicked("whole", true);
        QCOMPARE(messages.count(), 1);  // nothing to tell about an undamaged run
    }

    // In the Runs dock's usual width (about 330 px at 1280×800) a run's name is not cut: state and
    // best error take what their contents need, the name the rest.
    void runNamesFitTheRunsPanel() {
        QTemporaryDir dir;
        QVERIFY(writeRun(dir.filePath("plain-20-demo"), 10, R"({"state": "finished"})",
                         {trainAt(10), testWith(10, 70.4)}));
        RunsModel model;
        model.setDirectory(dir.path());
        RunsPanel panel(&model);
        panel.resize(330, 400);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTreeView* view = panel.view();
        const QFontMetrics metrics(view->font());
        const int needed = metrics.horizontalAdvance(QStringLiteral("plain-20-demo")) +
                           view->style()->pixelMetric(QStyle::PM_IndicatorWidth) + 12;
        QVERIFY2(view->columnWidth(RunsModel::NameColumn) >= needed,
                 qPrintable(QStringLiteral("name column %1 px, needs %2")
                                .arg(view->columnWidth(RunsModel::NameColumn))
                                .arg(needed)));
        const int best = metrics.horizontalAdvance(QStringLiteral("70.40 %"));
        QVERIFY(view->columnWidth(RunsModel::BestColumn) >= best);
    }

    // The form shows TrainConfig{}'s defaults (written once, there) and reads back what it shows.
    void formStartsFromTrainConfigDefaults() {
        TrainingDashboard d;
        QTemporaryDir empty;
        d.setRunsDirectory(empty.path());
        const TrainConfig defaults;
        TrainConfig shown = d.configFromForm();
        shown.dataDir = defaults.dataDir;
        shown.spec = defaults.spec;
        QCOMPARE(shown.toJson(), defaults.toJson());
        TrainConfig other;
        other.iterations = 1234;
        other.batchSize = 64;
        other.learningRate = 0.05;
        other.schedule = LrSchedule::Cosine;
        other.warmupIterations = 400;
        other.augment = false;
        other.normalization = Normalization::PerPixelMean;
        other.validationSplit = true;
        other.trainSubset = 1000;
        other.testSubset = 200;
        other.seed = 7;
        other.logEvery = 10;
        other.device = DeviceChoice::Cpu;
        other.precision = Precision::Bf16;
        d.form()->setConfig(other);
        shown = d.form()->config();
        shown.dataDir = other.dataDir;
        QCOMPARE(shown.toJson(), other.toJson());
    }

    // The dashboard's plots come from the plot table, and every metric kind reaches one of them.
    void dashboardFansEveryMetricKindOutToItsPlots() {
        TrainingDashboard d;
        QTemporaryDir empty;
        d.setRunsDirectory(empty.path());
        QCOMPARE(d.plots()->plots().size(), dashboardPlots().size());
        QCOMPARE(d.runsPanel()->view()->model(), d.runsModel());
        d.plots()->addRun("r", {"r", runColor(0)});
        const QVector<MetricRecord> oneOfEach = {trainAt(5), testWith(5, 50),
                                                 LayerResponses{5, 1, {"conv1"}, {1.0}},
                                                 GradientNorms{5, 1, {"conv1", "fc"}, {0.1, 0.2}},
                                                 BlockDynamics{5, 1, {"layer1.0"}, {0.5}, {0.1}}};
        QCOMPARE(oneOfEach.size(), kMetricKindCount);
        for (const MetricRecord& record : oneOfEach) {
            int before = 0, after = 0;
            for (RunPlot* plot : d.plots()->plots())
                before += plot->records("r");
            d.plots()->append("r", record);
            for (RunPlot* plot : d.plots()->plots())
                after += plot->records("r");
            QVERIFY2(after > before, metricKindInfo(kindOf(record)).type);
        }
        QCOMPARE(d.errorPlot()->trainPoints("r"), 1);
        QCOMPARE(d.errorPlot()->testPoints("r"), 1);
        QCOMPARE(d.responsePlot()->points("r"), 1);
        QCOMPARE(d.gradientLatest()->points("r"), 2);
        QCOMPARE(d.gradientHeatmap()->columns(), 1);
        QCOMPARE(d.lossPlot()->records("r"), 1);
        QCOMPARE(d.plots()->plot<ResidualRatioPlot>()->points("r"), 1);
        QCOMPARE(d.plots()->plot<ActivationGradientPlot>()->points("r"), 1);
        // Plots sharing a cell are tabs titled by the table; the others keep a titled box.
        auto* ratioTabs = tabsHolding(d.plots()->plot<ResidualRatioPlot>());
        QVERIFY(ratioTabs);
        QCOMPARE(ratioTabs->count(), 2);
        QVERIFY(ratioTabs->tabText(0).startsWith("Layer responses (Fig. 7)"));
        QVERIFY(ratioTabs->tabText(1).startsWith("Residual ratio"));
        QCOMPARE(tabsHolding(d.plots()->plot<ActivationGradientPlot>())->count(), 2);
        // Both tabs stay in sight in a narrow cell (long titles elide, no scroll arrows).
        QVERIFY(!ratioTabs->usesScrollButtons());
        QCOMPARE(ratioTabs->tabToolTip(1), ratioTabs->tabText(1));
        QVERIFY(!tabsHolding(d.errorPlot()));
    }

    // Bug: a second `failed` from the same downloader reached a pointer the first had nulled.
    void downloadFailuresEndTheDownloadOnce() {
        QTest::failOnWarning(QRegularExpression("null receiver"));
        TrainingDashboard d;
        QTemporaryDir empty;
        d.setRunsDirectory(empty.path());
        QVERIFY(!looksLikeCifar10(defaultCifar10Dir()));
        QTcpServer closed;  // a port nobody listens on: the real download fails fast
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const QUrl url(
            QString("http://127.0.0.1:%1/cifar-10-binary.tar.gz").arg(closed.serverPort()));
        closed.close();
        d.setDownloadSource(url, Cifar10Downloader::officialMd5());
        auto* button = d.findChild<QPushButton*>("download");
        QVERIFY(button);
        button->click();
        QPointer<Cifar10Downloader> first = d.downloader();
        QVERIFY(first);
        QVERIFY(!button->isEnabled());
        Q_EMIT first->failed("first failure");
        Q_EMIT first->failed("second failure");  // stale: ignored
        QCOMPARE(d.form()->message(), QString("first failure"));
        QVERIFY(!d.downloader());
        QVERIFY(button->isEnabled());
        QTRY_VERIFY(first.isNull());  // deleted, once

        // A new download starts, and its own failure ends it.
        button->click();
        QVERIFY(d.downloader());
        QTRY_VERIFY_WITH_TIMEOUT(!d.downloader(), 30000);
        QVERIFY(!d.form()->message().isEmpty());
        QVERIFY(d.form()->message() != "first failure");
        QVERIFY(button->isEnabled());
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
        QTRY_COMPARE_WITH_TIMEOUT(d->runState(firstRun_), std::optional(RunState::Paused), 30000);
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
        QTRY_COMPARE_WITH_TIMEOUT(d->runState(firstRun_), std::optional(RunState::Stopped), 60000);
        QVERIFY(!d->isTraining());
        // Its TrainerThread goes once the thread has ended.
        QTRY_VERIFY_WITH_TIMEOUT(d->findChildren<TrainerThread*>().isEmpty(), 30000);
        const QString checkpoint = QDir(runs_.path()).filePath(firstRun_ + "/checkpoint.pt");
        QVERIFY(QFile::exists(checkpoint));
        EvalResult r;
        QString error;
        QVERIFY2(evaluateWeights(checkpoint, firstImages(data_, 50), &r, &error),
                 qPrintable(error));
        QCOMPARE(r.images, 50);

        // A second, plain run; ticking both overlays two curves.
        w.showTab(0);
        w.loadPreset("plain-20");
        w.showTab(1);
        setForm(d, 8);
        QTest::mouseClick(d->findChild<QPushButton*>("start"), Qt::LeftButton);
        secondRun_ = d->activeRun();
        QVERIFY(secondRun_.startsWith("plain-20"));
        QTRY_COMPARE_WITH_TIMEOUT(d->runState(secondRun_), std::optional(RunState::Finished),
                                  180000);
        QVERIFY(d->isTicked(firstRun_) && d->isTicked(secondRun_));
        QVERIFY(d->errorPlot()->trainPoints(firstRun_) > 0);
        QCOMPARE(d->errorPlot()->trainPoints(secondRun_), 4);  // every 2 of 8 iterations
        QCOMPARE(d->errorPlot()->graphCount(), 6);  // train raw and smoothed, test per run
        QVERIFY(!std::isnan(d->bestTestError(secondRun_)));
        shoot(&w, "dashboard-overlay.png");
        d->setTicked(secondRun_, false);
        QCOMPARE(d->errorPlot()->graphCount(), 3);

        // Export from the GUI writes files that load back.
        QTemporaryDir out;
        QString exportError = "not called";
        d->exportRun(firstRun_, out.filePath("r20.pt"), ExportFormat::LibTorch,
                     [&](const QString& e) { exportError = e; });
        QTRY_VERIFY_WITH_TIMEOUT(exportError != "not called", 60000);
        QVERIFY2(exportError.isEmpty(), qPrintable(exportError));
        QVERIFY2(evaluateWeights(out.filePath("r20.pt"), firstImages(data_, 50), &r, &error),
                 qPrintable(error));
        exportError = "not called";
        d->exportRun(firstRun_, "/proc/r20.pth", ExportFormat::PyTorch,
                     [&](const QString& e) { exportError = e; });
        QTRY_VERIFY_WITH_TIMEOUT(exportError != "not called", 60000);
        QVERIFY2(exportError.startsWith("cannot write /proc/r20.pth"), qPrintable(exportError));

        // The export dialog's answer: the selected filter decides the format, and a name typed
        // without a suffix gets the format's.
        exportError = "not called";
        QString written = d->runsPanel()->exportRunAs(firstRun_, out.filePath("chosen-libtorch"),
                                                      exportFilter(ExportFormat::LibTorch),
                                                      [&](const QString& e) { exportError = e; });
        QCOMPARE(written, out.filePath("chosen-libtorch.pt"));
        QTRY_VERIFY_WITH_TIMEOUT(exportError != "not called", 60000);
        QVERIFY2(exportError.isEmpty(), qPrintable(exportError));
        QVERIFY2(evaluateWeights(written, firstImages(data_, 50), &r, &error), qPrintable(error));
        QCOMPARE(r.images, 50);
        exportError = "not called";
        written = d->runsPanel()->exportRunAs(firstRun_, out.filePath("chosen-pytorch"),
                                              exportFilter(ExportFormat::PyTorch),
                                              [&](const QString& e) { exportError = e; });
        QCOMPARE(written, out.filePath("chosen-pytorch.pth"));
        QTRY_VERIFY_WITH_TIMEOUT(exportError != "not called", 60000);
        QVERIFY2(exportError.isEmpty(), qPrintable(exportError));
        QVERIFY(QFileInfo(written).size() > 1000);
        // ONNX comes from the same table (tst_export checks the model in OpenCV).
        QVERIFY(exportFilters().contains(exportFilter(ExportFormat::Onnx)));
        exportError = "not called";
        written = d->runsPanel()->exportRunAs(firstRun_, out.filePath("chosen-onnx"),
                                              exportFilter(ExportFormat::Onnx),
                                              [&](const QString& e) { exportError = e; });
        QCOMPARE(written, out.filePath("chosen-onnx.onnx"));
        QTRY_VERIFY_WITH_TIMEOUT(exportError != "not called", 60000);
        QVERIFY2(exportError.isEmpty(), qPrintable(exportError));
        QVERIFY(QFileInfo(written).size() > 1000);
    }

    // The form shows the memory estimate of the network and the settings against the memory
    // available, follows the batch, says when a run will not fit, and Start refuses that run
    // before it makes a run folder.
    void formShowsTheMemoryEstimate() {
        QTemporaryDir runs;
        TrainingDashboard d;
        d.setRunsDirectory(runs.path());
        d.setDataDirectory(data_);
        d.setNetwork(*preset("resnet-20"), true);
        auto* label = d.findChild<QLabel*>("memory");
        QVERIFY(label);
        auto* device = d.findChild<QComboBox*>("device");
        device->setCurrentIndex(device->findData(int(DeviceChoice::Cpu)));
        TrainConfig c = d.configFromForm();
        const MemoryEstimate small = estimateTrainingMemory(analyze(c.spec), c, false);
        QVERIFY2(label->text().startsWith(QString("Memory: %1 of ").arg(memoryText(small.total()))),
                 qPrintable(label->text()));
        QVERIFY(label->text().endsWith(" available"));
        qInfo("%s", qPrintable(label->text()));
        QCOMPARE(d.form()->memoryText(), label->text());

        auto* batch = d.findChild<QSpinBox*>("batch");
        QTest::keyClick(batch, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(batch, "512");
        c = d.configFromForm();
        QCOMPARE(c.batchSize, 512);
        const MemoryEstimate large = estimateTrainingMemory(analyze(c.spec), c, false);
        QVERIFY(large.total() > small.total());
        QVERIFY2(label->text().startsWith(QString("Memory: %1 of ").arg(memoryText(large.total()))),
                 qPrintable(label->text()));

        d.setNetwork(*preset("resnet-1202"), true);
        QTest::keyClick(batch, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(batch, "4096");
        QVERIFY2(label->text().contains("this run will not fit"), qPrintable(label->text()));
        QTest::mouseClick(d.findChild<QPushButton*>("start"), Qt::LeftButton);
        QVERIFY(!d.isTraining());
        QVERIFY2(d.form()->message().startsWith("not enough memory for this run: it needs about"),
                 qPrintable(d.form()->message()));
        QVERIFY(d.form()->message().contains("available"));
        QCOMPARE(QDir(runs.path()).entryList(QDir::Dirs | QDir::NoDotAndDotDot), QStringList{});
    }

    // Closing the dashboard while it trains stops the run and waits for its thread.
    void destroyingTheDashboardStopsItsRun() {
        QTemporaryDir runs;
        QString run;
        {
            TrainingDashboard d;
            d.setRunsDirectory(runs.path());
            d.setDataDirectory(data_);
            d.setNetwork(*preset("resnet-20"), true);
            setForm(&d, 100000);
            d.start();
            QVERIFY(d.isTraining());
            run = d.activeRun();
            QTRY_VERIFY_WITH_TIMEOUT(d.lastIteration() >= 2, 180000);
        }
        const auto status = readRunStatus(QDir(runs.path()).filePath(run));
        QVERIFY(status.has_value());
        QCOMPARE(status->state, RunState::Stopped);
        QVERIFY(QFile::exists(QDir(runs.path()).filePath(run + "/checkpoint.pt")));
    }

    void finishedRunsReopenFromDisk() {
        QVERIFY(!firstRun_.isEmpty());
        TrainingDashboard d;
        d.setRunsDirectory(runs_.path());
        QCOMPARE(d.runIds().size(), 2);
        QCOMPARE(d.runState(firstRun_), std::optional(RunState::Stopped));
        QCOMPARE(d.runState(secondRun_), std::optional(RunState::Finished));
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

    // The Runs dock's "Runs folder…" (a shared folder, another machine's runs): the list shows
    // it at once, and the next dashboard opens on it while it exists.
    void chosenRunsFolderIsRemembered() {
        QVERIFY(!firstRun_.isEmpty());
        QCOMPARE(TrainingDashboard::startRunsDirectory(),
                 TrainingDashboard::defaultRunsDirectory());
        {
            TrainingDashboard d;
            QCOMPARE(d.runsDirectory(), TrainingDashboard::defaultRunsDirectory());
            Q_EMIT d.runsPanel()->folderChosen(runs_.path());  // what the button's dialog does
            QCOMPARE(d.runsDirectory(), runs_.path());
            // The panel says which folder it lists.
            QCOMPARE(d.runsPanel()->shownFolder(), runs_.path());
            const auto* label = d.runsPanel()->findChild<QLabel*>("runsFolder");
            QVERIFY(label && label->toolTip().contains(QDir::toNativeSeparators(runs_.path())));
            QVERIFY(!label->text().isEmpty());
            QVERIFY(d.runIds().contains(firstRun_));
        }
        TrainingDashboard next;
        QCOMPARE(next.runsDirectory(), runs_.path());
        QVERIFY(next.runIds().contains(firstRun_));
        // A remembered folder that is gone: the default again.
        QTemporaryDir gone;
        const QString path = gone.path();
        next.chooseRunsDirectory(path);
        QVERIFY(gone.remove());
        QCOMPARE(TrainingDashboard::startRunsDirectory(),
                 TrainingDashboard::defaultRunsDirectory());
        QSettings().clear();
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
