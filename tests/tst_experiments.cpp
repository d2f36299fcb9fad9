// The paper's experiments: what each queues (quick and full), the runner (one run after another,
// resumable, summary.json), the figure, and the CLI's `experiment` command.
#include "analysis.h"
#include "cifar_fixture.h"
#include "cli_fixture.h"
#include "experiment_figure.h"
#include "experiment_panel.h"
#include "experiments.h"
#include "main_window.h"
#include "plot_base.h"
#include "presets.h"
#include "train_form.h"
#include "training_dashboard.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace rx;

namespace {

QStringList names(const ExperimentPlan& plan) {
    QStringList out;
    for (const PlannedRun& run : plan.runs)
        out << run.name;
    return out;
}

// A plan shrunk to seconds on the synthetic set: a few iterations of small batches.
ExperimentPlan tinyPlan(const QString& id, const QString& dir, const QString& data) {
    ExperimentOptions o;
    o.quick = true;
    o.dir = dir;
    o.dataDir = data;
    o.threads = 1;
    o.seed = 7;
    ExperimentPlan plan = planExperiment(*findExperiment(id), o);
    for (PlannedRun& run : plan.runs) {
        run.config.iterations = 6;
        run.config.batchSize = 16;
        run.config.trainSubset = 64;
        run.config.testEvery = 3;
        run.config.logEvery = 3;
        run.config.probeEvery = 3;
        run.config.probeImages = 16;
    }
    return plan;
}

QJsonObject readJson(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

using test::CliRun;

CliRun cli(const QStringList& args) {
    return test::runCli(args, 600000);
}

}  // namespace

class TestExperiments : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyExperimentHasItsNetworks() {
        QStringList ids;
        for (const ExperimentInfo& info : experiments()) {
            ids << QLatin1String(info.id);
            QVERIFY(!experimentTitle(info).isEmpty());
            QVERIFY(!experimentExplanation(info).isEmpty());
            for (const ExperimentNet& net : info.nets)
                QVERIFY2(preset(QLatin1String(net.preset)), net.preset);
        }
        QCOMPARE(ids, (QStringList{"degradation", "responses", "shortcuts", "depth"}));
        QVERIFY(!findExperiment("nope"));
    }

    void quickAndFullQueueTheRightRuns_data() {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QStringList>("quick");
        QTest::addColumn<QStringList>("full");
        QTest::addColumn<double>("quickRate");
        QTest::newRow("degradation")
            << "degradation" << QStringList{"plain-20", "plain-56", "resnet-20", "resnet-56"}
            << QStringList{"plain-20",  "plain-32",  "plain-44",  "plain-56",
                           "resnet-20", "resnet-32", "resnet-44", "resnet-56"}
            << 0.01;
        // Fig. 7's responses part only at the paper's rate; the 20-layer nets train stably there.
        QTest::newRow("responses")
            << "responses" << QStringList{"plain-20", "resnet-20"}
            << QStringList{"plain-20", "plain-56", "resnet-20", "resnet-56", "resnet-110"} << 0.1;
        QTest::newRow("shortcuts")
            << "shortcuts" << QStringList{"resnet-32", "resnet-32-b", "resnet-32-c"}
            << QStringList{"resnet-32", "resnet-32-b", "resnet-32-c"} << 0.01;
        QTest::newRow("depth") << "depth"
                               << QStringList{"resnet-20", "resnet-32", "resnet-44", "resnet-56"}
                               << QStringList{"resnet-20", "resnet-32", "resnet-44", "resnet-56",
                                              "resnet-110"}
                               << 0.01;
    }
    void quickAndFullQueueTheRightRuns() {
        QFETCH(QString, id);
        QFETCH(QStringList, quick);
        QFETCH(QStringList, full);
        QFETCH(double, quickRate);
        const ExperimentInfo& info = *findExperiment(id);
        ExperimentOptions o;
        o.dir = "/tmp/exp";
        o.dataDir = "/data";
        o.threads = 2;
        o.seed = 5;
        o.quick = true;
        const ExperimentPlan q = planExperiment(info, o);
        QCOMPARE(names(q), quick);
        QVERIFY(q.quick);
        for (const PlannedRun& run : q.runs) {
            const TrainConfig& c = run.config;
            QCOMPARE(c.spec, *preset(run.name));
            QCOMPARE(c.runDir, QDir("/tmp/exp").filePath(run.name));
            QCOMPARE(c.dataDir, QString("/data"));
            QCOMPARE(c.threads, 2);
            QCOMPARE(c.seed, quint64(5));
            QCOMPARE(c.iterations, info.quick.iterations);
            QCOMPARE(c.trainSubset, info.quick.trainSubset);
            QCOMPARE(c.testEvery, info.quick.testEvery);
            QCOMPARE(c.testSubset, 0);  // the whole test set, seldom
            QCOMPARE(c.logEvery, info.quick.logEvery);
            // One rate for the whole short run (the paper's warm-up rate where deep ResNets
            // train), no warm-up of its own.
            QCOMPARE(c.learningRate, quickRate);
            QCOMPARE(c.warmupIterations, 0);
            // The rest is the paper's recipe.
            QCOMPARE(c.batchSize, 128);
            QCOMPARE(c.weightDecay, 1e-4);
            QVERIFY(c.augment);
        }
        o.quick = false;
        const ExperimentPlan f = planExperiment(info, o);
        QCOMPARE(names(f), full);
        for (const PlannedRun& run : f.runs) {
            const TrainConfig& c = run.config;
            QCOMPARE(c.iterations, 0);  // the paper's 64k
            QCOMPARE(c.trainSubset, 0);
            QCOMPARE(c.testEvery, 0);  // every epoch
            QCOMPARE(c.schedule, LrSchedule::Paper);
            QCOMPARE(c.learningRate, 0.1);
            // ResNet-110 warms up as in the paper; nothing else does.
            QCOMPARE(c.warmupIterations > 0, run.name == "resnet-110");
        }
        // The estimate grows with the work: the full variant costs far more than the quick one.
        const double quickSeconds = estimateExperimentSeconds(q, 1e-9);
        QVERIFY(quickSeconds > 0);
        QVERIFY(estimateExperimentSeconds(f, 1e-9) > 50 * quickSeconds);
    }

    void quickDegradationMeetsTheIssuesFloor() {
        // At least plain-20, plain-56, resnet-20 and resnet-56, on a subset, briefly.
        const ExperimentInfo& info = *findExperiment("degradation");
        ExperimentOptions o;
        o.quick = true;
        const ExperimentPlan plan = planExperiment(info, o);
        for (const char* name : {"plain-20", "plain-56", "resnet-20", "resnet-56"})
            QVERIFY(names(plan).contains(name));
        // The paper's numbers: Table 6 for ResNets, none for plain nets.
        for (const PlannedRun& run : plan.runs)
            QCOMPARE(std::isnan(run.paperTestError), run.name.startsWith("plain"));
        QCOMPARE(plan.runs[2].paperTestError, 8.75);
    }

    void estimateFollowsMeasuredCostPerMac() {
        ExperimentOptions o;
        o.quick = true;
        ExperimentPlan plan = planExperiment(*findExperiment("degradation"), o);
        const double perMac = 2e-9;
        // One run alone: iterations × MACs × cost, plus forward passes for tests and probes.
        plan.runs.resize(1);
        const TrainConfig& c = plan.runs[0].config;
        const double step = perMac * double(analyze(c.spec).macs);
        const double forward = step / c.batchSize / 3.0;
        const double expected =
            c.iterations * step +
            forward * (10000.0 * 1 + double(c.probeImages) * (c.iterations / c.probeEvery));
        QCOMPARE(estimateExperimentSeconds(plan, perMac), expected);
    }

    void runsOneAfterAnotherAndResumes() {
        QTemporaryDir data, out;
        QVERIFY(test::writeSyntheticCifar(data.path(), 40, 40));
        const QString dir = out.filePath("degradation");
        {
            ExperimentRunner runner(tinyPlan("degradation", dir, data.path()));
            QSignalSpy started(&runner, &ExperimentRunner::runStarted);
            QSignalSpy finished(&runner, &ExperimentRunner::finished);
            // Interrupt the queue as soon as the second run starts.
            connect(&runner, &ExperimentRunner::runStarted, &runner, [&](int index) {
                if (index == 1)
                    runner.stop();
            });
            QString error;
            QVERIFY2(runner.start(false, &error), qPrintable(error));
            QVERIFY(QFile::exists(QDir(dir).filePath("summary.json")));
            QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 120000);
            QCOMPARE(finished[0][0].toBool(), false);
            QCOMPARE(started.size(), 2);
        }
        ExperimentSummary s;
        QString error;
        QVERIFY2(readExperimentSummary(dir, &s, &error), qPrintable(error));
        QCOMPARE(s.experiment, QString("degradation"));
        QVERIFY(s.quick);
        QVERIFY(!s.complete);
        QCOMPARE(s.runs.size(), 4);
        QCOMPARE(s.runs[0].state, std::optional(RunState::Finished));
        QCOMPARE(s.runs[0].lastIteration, 6);
        QVERIFY(s.runs[1].state != RunState::Finished);
        QVERIFY(!s.runs[2].state);

        // Starting again without resume is refused and changes nothing.
        {
            ExperimentRunner again(tinyPlan("degradation", dir, data.path()));
            QVERIFY(!again.start(false, &error));
            QVERIFY2(error.contains("resume"), qPrintable(error));
        }
        // A folder of another experiment, and a folder holding other things, are refused.
        {
            ExperimentRunner other(tinyPlan("depth", dir, data.path()));
            QVERIFY(!other.start(true, &error));
            QVERIFY2(error.contains("degradation"), qPrintable(error));
            QDir(out.path()).mkpath("busy/something");
            ExperimentRunner busy(tinyPlan("depth", out.filePath("busy"), data.path()));
            QVERIFY(!busy.start(false, &error));
            QVERIFY2(error.contains("not empty"), qPrintable(error));
        }
        // Resume: the finished run is kept, the stopped one continues, the rest follow.
        {
            ExperimentRunner runner(tinyPlan("degradation", dir, data.path()));
            QSignalSpy skipped(&runner, &ExperimentRunner::runSkipped);
            QSignalSpy started(&runner, &ExperimentRunner::runStarted);
            QSignalSpy finished(&runner, &ExperimentRunner::finished);
            QVERIFY2(runner.start(true, &error), qPrintable(error));
            QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 180000);
            QCOMPARE(finished[0][0].toBool(), true);
            QCOMPARE(skipped.size(), 1);
            QCOMPARE(skipped[0][0].toInt(), 0);
            QCOMPARE(started.size(), 3);
        }
        QVERIFY2(readExperimentSummary(dir, &s, &error), qPrintable(error));
        QVERIFY(s.complete);
        QCOMPARE(s.seed, quint64(7));
        for (const ExperimentRunResult& r : s.runs) {
            QCOMPARE(r.state, std::optional(RunState::Finished));
            QCOMPARE(r.lastIteration, 6);
            QVERIFY(r.finalTrainError && *r.finalTrainError >= 0 && *r.finalTrainError <= 1);
            QVERIFY(r.finalTestError && *r.finalTestError >= 0 && *r.finalTestError <= 1);
        }
        // The resumed run continued from its checkpoint: one train record per 3 iterations, no
        // iteration twice.
        MetricsLog log;
        QVERIFY(readMetrics(QDir(dir).filePath("plain-56/metrics.jsonl"), &log, nullptr));
        QList<int> iterations;
        for (const TrainMetrics& t : log.all<TrainMetrics>())
            iterations << t.iteration;
        QCOMPARE(iterations.last(), 6);
        QCOMPARE(QSet<int>(iterations.begin(), iterations.end()).size(), iterations.size());

        // summary.json as the issue names it: errors as fractions, the paper's null where none.
        const QJsonObject json = readJson(QDir(dir).filePath("summary.json"));
        QCOMPARE(json["experiment"].toString(), QString("degradation"));
        QCOMPARE(json["quick"].toBool(), true);
        const QJsonArray runs = json["runs"].toArray();
        QCOMPARE(runs.size(), 4);
        QCOMPARE(runs[0].toObject()["name"].toString(), QString("plain-20"));
        QVERIFY(runs[0].toObject()["paper_test_error"].isNull());
        QCOMPARE(runs[2].toObject()["paper_test_error"].toDouble(), 0.0875);
        for (const char* key :
             {"arch", "dir", "iterations", "final_train_error", "final_test_error"})
            QVERIFY2(runs[3].toObject().contains(key), key);

        // The figure: both files, the PNG two panels (plain | residual) wide.
        QVERIFY2(writeExperimentFigure(
                     dir, {QDir(dir).filePath("f.png"), QDir(dir).filePath("f.pdf")}, &error),
                 qPrintable(error));
        const QImage png(QDir(dir).filePath("f.png"));
        QVERIFY(!png.isNull());
        QVERIFY(png.width() > 1.5 * png.height());
        QVERIFY(QFileInfo(QDir(dir).filePath("f.pdf")).size() > 1000);
        // Not a blank image: the curves' colours are in it.
        const QColor first = runColor(0);
        bool found = false;
        for (int y = 0; y < png.height() && !found; y += 2)
            for (int x = 0; x < png.width() && !found; x += 2)
                found = png.pixelColor(x, y) == first;
        QVERIFY(found);
    }

    // The Experiments menu and panel on a running main window: what it shows before a run, a
    // run started from the panel (its runs live on the dashboard), a folder opened again.
    void panelRunsAnExperimentOnTheDashboard() {
        QStandardPaths::setTestModeEnabled(true);
        QTemporaryDir data, root;
        QVERIFY(test::writeSyntheticCifar(data.path(), 40, 40));
        MainWindow w;
        w.dashboard()->setRunsDirectory(root.filePath("runs"));
        w.dashboard()->setDataDirectory(data.path());
        ExperimentPanel* panel = w.experimentPanel();
        panel->setExperimentsDirectory(root.filePath("experiments"));
        panel->setPlanAdjustment([dir = data.path()](ExperimentPlan* plan) {
            *plan = tinyPlan(plan->info->id, plan->dir, dir);
        });
        panel->setSecondsPerMac(1e-9, "CPU");
        w.show();

        QAction* degradation = w.findChild<QAction*>("experiment:degradation");
        QVERIFY(degradation);
        QVERIFY(!w.experimentDock()->isVisible());
        degradation->trigger();
        QVERIFY(w.experimentDock()->isVisible());
        // In place of the train form, on the Training tab only; its table lists the runs, so
        // the runs list gives the plots its room.
        QVERIFY(!w.dashboard()->form()->isVisible());
        QVERIFY(!w.findChild<QDockWidget*>("runsDock")->isVisible());
        w.showTab(0);
        QVERIFY(!w.experimentDock()->isVisible());
        w.showTab(1);
        QVERIFY(w.experimentDock()->isVisible());
        QCOMPARE(panel->selectedExperiment(), QString("degradation"));
        QCOMPARE(panel->explanation()->text(),
                 experimentExplanation(*findExperiment("degradation")));
        QVERIFY2(panel->estimate()->text().contains("CPU"), qPrintable(panel->estimate()->text()));
        // Before a run: the quick variant's networks with the paper's numbers beside.
        QTableWidget* table = panel->table();
        QCOMPARE(table->rowCount(), 4);
        QCOMPARE(table->item(2, 0)->text(), QString("resnet-20"));
        QCOMPARE(table->item(2, 4)->text(), QString("8.75 %"));
        QCOMPARE(table->item(0, 4)->text(), QString("—"));
        panel->setQuick(false);
        QCOMPARE(table->rowCount(), 8);
        panel->setQuick(true);

        // Start: the runs train one after another, each live on the dashboard.
        QStringList live;
        connect(w.dashboard(), &TrainingDashboard::runStarted, this,
                [&](const QString& id) { live << id; });
        panel->findChild<QPushButton*>("startExperiment")->click();
        QVERIFY(panel->isRunning());
        QVERIFY(!panel->findChild<QPushButton*>("startExperiment")->isEnabled());
        QCOMPARE(w.dashboard()->runsDirectory(), panel->folder());
        QTRY_VERIFY_WITH_TIMEOUT(!panel->isRunning(), 180000);
        QCOMPARE(live, (QStringList{"plain-20", "plain-56", "resnet-20", "resnet-56"}));
        for (const QString& id : live) {
            QVERIFY(w.dashboard()->isTicked(id));  // overlaid
            QCOMPARE(w.dashboard()->runState(id), std::optional(RunState::Finished));
        }
        for (int row = 0; row < 4; ++row) {
            QCOMPARE(table->item(row, 1)->text(), runStateText(RunState::Finished));
            QVERIFY(table->item(row, 2)->text().endsWith(" %"));
        }
        const QString folder = panel->folder();
        QVERIFY(QFile::exists(QDir(folder).filePath("figure.png")));
        ExperimentSummary s;
        QString error;
        QVERIFY(readExperimentSummary(folder, &s, &error));
        QVERIFY(s.complete);

        // Back to all runs, then File ▸ Open Experiment on the folder.
        panel->findChild<QPushButton*>("closeExperiment")->click();
        QCOMPARE(w.dashboard()->runsDirectory(), root.filePath("runs"));
        QVERIFY(!w.dashboard()->runIds().contains("plain-20"));
        QVERIFY(w.openExperiment(folder));
        QCOMPARE(w.dashboard()->runsDirectory(), folder);
        QVERIFY(w.dashboard()->isTicked("resnet-56"));
        QCOMPARE(table->item(3, 1)->text(), runStateText(RunState::Finished));
        QVERIFY(!panel->findChild<QPushButton*>("resumeExperiment")->isVisible());
        w.closeExperiment();
        QVERIFY(!w.experimentDock()->isVisible());
        QVERIFY(w.findChild<QDockWidget*>("runsDock")->isVisible());
        QVERIFY(w.dashboard()->form()->isVisible());
    }

    void badSummaryIsRefusedWithItsName() {
        QTemporaryDir dir;
        ExperimentSummary s;
        QString error;
        QVERIFY(!readExperimentSummary(dir.path(), &s, &error));
        QVERIFY2(error.contains("summary.json"), qPrintable(error));
        QFile f(dir.filePath("summary.json"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"experiment\": \"degradation\", \"quick\": \"yes\", \"runs\": []}");
        f.close();
        QVERIFY(!readExperimentSummary(dir.path(), &s, &error));
        QVERIFY2(error.contains("quick"), qPrintable(error));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("{\"experiment\": \"fig9\", \"quick\": true, \"runs\": []}");
        f.close();
        QVERIFY(!readExperimentSummary(dir.path(), &s, &error));
        QVERIFY2(error.contains("fig9"), qPrintable(error));
    }

    void commandLine() {
        QVERIFY2(QFile::exists(qEnvironmentVariable("RX_CLI")), "RX_CLI unset");
        CliRun r = cli({"experiment", "list", "--no-estimate"});
        QCOMPARE(r.code, 0);
        for (const ExperimentInfo& info : experiments())
            QVERIFY2(r.out.contains(QLatin1String(info.id)), qPrintable(r.out));
        QVERIFY(r.out.contains("4/8"));  // degradation: quick and full runs

        r = cli({"experiment", "run", "fig9", "--quick", "--out", "/tmp/x"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("fig9"), qPrintable(r.err));
        r = cli({"experiment", "run", "depth", "--quick"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("--out"), qPrintable(r.err));

        QTemporaryDir data, out;
        QVERIFY(test::writeSyntheticCifar(data.path(), 40, 40));
        const QString dir = out.filePath("shortcuts");
        r = cli({"experiment", "run", "shortcuts", "--quick", "--iterations", "2", "--threads", "1",
                 "--out", dir, "--data", data.path()});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject json = readJson(QDir(dir).filePath("summary.json"));
        QCOMPARE(json["experiment"].toString(), QString("shortcuts"));
        QCOMPARE(json["complete"].toBool(), true);
        QCOMPARE(json["runs"].toArray().size(), 3);
        QCOMPARE(json["runs"].toArray()[1].toObject()["name"].toString(), QString("resnet-32-b"));
        QCOMPARE(json["runs"].toArray()[1].toObject()["iterations"].toInt(), 2);
        QVERIFY(QFileInfo(QDir(dir).filePath("figure.png")).size() > 1000);
        QVERIFY(QFileInfo(QDir(dir).filePath("figure.pdf")).size() > 1000);
        QVERIFY2(r.out.contains("resnet-32-c"), qPrintable(r.out));
        // Again without --resume: refused, nothing lost.
        r = cli({"experiment", "run", "shortcuts", "--quick", "--out", dir, "--data", data.path()});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("resume"), qPrintable(r.err));
        // With --resume on a complete experiment: nothing to train, the figure again.
        r = cli({"experiment", "run", "shortcuts", "--quick", "--out", dir, "--data", data.path(),
                 "--resume"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains("kept"), qPrintable(r.err));
    }
};

QTEST_MAIN(TestExperiments)
#include "tst_experiments.moc"
