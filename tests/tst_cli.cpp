// resnet-explorer-cli run as a user would: exit codes and output.
#include "cifar_fixture.h"
#include "cli_fixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

namespace {

using Run = rx::test::CliRun;

Run cli(const QStringList& args) {
    return rx::test::runCli(args);
}

}  // namespace

class TestCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY2(QFile::exists(qEnvironmentVariable("RX_CLI")), "RX_CLI unset"); }

    void presetsListsOnePerLine() {
        const Run r = cli({"presets"});
        QCOMPARE(r.code, 0);
        const QStringList lines = r.out.split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 20);
        QVERIFY(lines.contains("resnet-1202"));
        QVERIFY(lines.contains("preact-resnet-164"));
    }

    void infoJson() {
        const Run r = cli({"info", "resnet-20", "--json"});
        QCOMPARE(r.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o["name"].toString(), QString("resnet-20"));
        QCOMPARE(o["depth"].toInt(), 20);
        QCOMPARE(o["parameters"].toInteger(), 269722);
        QVERIFY(o["macs"].toInteger() > 40000000);
        const QJsonArray stages = o["stages"].toArray();
        QCOMPARE(stages.size(), 3);
        QCOMPARE(stages[2].toObject()["output"].toArray(), (QJsonArray{64, 8, 8}));
    }

    void infoTable() {
        const Run r = cli({"info", "resnet-20-b"});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains("272,474"), qPrintable(r.out));
        QVERIFY(r.out.contains("depth       20"));
        QVERIFY(r.out.contains("basic (B), /2"));
    }

    void infoOfAFileAndValidate() {
        QTemporaryDir dir;
        const QString good = dir.filePath("good.resnet.json");
        QFile f(good);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"format": 1, "name": "tiny", "stages": [
            {"block": "basic", "blocks": 1, "width": 16},
            {"block": "bottleneck", "blocks": 2, "width": 8, "stride": 2, "shortcut": "B"}]})");
        f.close();
        Run r = cli({"info", good, "--json"});
        QCOMPARE(r.code, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object()["name"].toString(),
                 QString("tiny"));
        r = cli({"validate", good});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("valid"));

        const QString bad = dir.filePath("bad.resnet.json");
        QFile g(bad);
        QVERIFY(g.open(QIODevice::WriteOnly));
        g.write(R"({"format": 1, "stages": [
            {"block": "basic", "blocks": 3, "width": 32},
            {"block": "basic", "blocks": 3, "width": 16, "stride": 2, "shortcut": "A"},
            {"block": "basic", "blocks": 0, "width": 64}]})");
        g.close();
        r = cli({"validate", bad});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.contains("stage 3: number of blocks must be at least 1, got 0"),
                 qPrintable(r.out));
        g.open(QIODevice::WriteOnly);
        g.write(R"({"format": 1, "stages": [
            {"block": "basic", "blocks": 3, "width": 32},
            {"block": "basic", "blocks": 3, "width": 16, "stride": 2, "shortcut": "A"}]})");
        g.close();
        r = cli({"validate", bad});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.contains("stage 2, block 1: shortcut option A"), qPrintable(r.out));

        g.open(QIODevice::WriteOnly);
        g.write("{ not json");
        g.close();
        r = cli({"validate", bad});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("not valid JSON"), qPrintable(r.err));
    }

    void trainExportEvalEndToEnd() {
        QTemporaryDir dir;
        const QString data = dir.filePath("cifar");
        QVERIFY(rx::test::writeSyntheticCifar(data, 64, 40));
        const QString run = dir.filePath("run");
        Run r = cli({"train", "--arch", "resnet-20", "--out", run, "--data", data, "--iterations",
                     "3", "--log-every", "1", "--threads", "2"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains("finished at iteration 3"), qPrintable(r.err));
        // Every progress line names the run's length, the first one too (it said "it 1/0").
        QVERIFY2(r.err.contains("it 1/3 ") && r.err.contains("it 3/3 ") && !r.err.contains("/0 "),
                 qPrintable(r.err));
        QVERIFY(r.err.contains("test error"));
        // --resume continues from the checkpoint to a longer target.
        r = cli({"train", "--out", run, "--resume", "--iterations", "5", "--data", data});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains("iterations 4–5"), qPrintable(r.err));

        const QString weights = dir.filePath("r20.pt");
        r = cli({"export", run, "--format", "libtorch", "--out", weights});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(QFile::exists(dir.filePath("r20.resnet.json")));
        const QString csv = dir.filePath("logits.csv");
        r = cli({"eval", "--weights", weights, "--data", data, "--dump-logits", csv});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("on 40 images"), qPrintable(r.out));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> rows = f.readAll().trimmed().split('\n');
        QCOMPARE(rows.size(), 40);
        QCOMPARE(rows.first().split(',').size(), 10);
        // The other formats of the table (tst_export checks their contents).
        for (const QString& file : {dir.filePath("r20.onnx"), dir.filePath("r20.py")}) {
            r = cli({"export", run, "--format", file.endsWith(".py") ? "pytorch-code" : "onnx",
                     "--out", file});
            QVERIFY2(r.code == 0, qPrintable(r.err));
            QVERIFY(QFileInfo(file).size() > 0);
        }

        r = cli({"export", run, "--format", "tflite", "--out", weights});
        QCOMPARE(r.code, 2);
        r = cli({"export", run, "--format", "pytorch", "--out", "/proc/nope.pth"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("cannot write /proc/nope.pth"), qPrintable(r.err));
        r = cli({"train", "--arch", "resnet-20", "--out", dir.filePath("x"), "--data",
                 "/nonexistent", "--iterations", "1"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("does not exist"), qPrintable(r.err));
    }

    // A run too big for this computer is refused before anything is written, with the
    // estimate and the available memory in the message.
    void trainRefusesARunThatWillNotFit() {
        QTemporaryDir dir;
        const QString data = dir.filePath("cifar");
        QVERIFY(rx::test::writeSyntheticCifar(data, 64, 40));
        const QString run = dir.filePath("run");
        const Run r = cli({"train", "--arch", "resnet-1202", "--batch", "4096", "--out", run,
                           "--data", data, "--iterations", "1"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("not enough memory for this run: it needs about"),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains("a batch of 4096"), qPrintable(r.err));
        QVERIFY2(r.err.contains("this computer has"), qPrintable(r.err));
        QVERIFY2(r.err.contains("available"), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(run));
    }

    void usageErrors() {
        QCOMPARE(cli({}).code, 2);
        QCOMPARE(cli({"frobnicate"}).code, 2);
        QCOMPARE(cli({"info"}).code, 2);
        const Run r = cli({"info", "resnet-21"});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("neither a preset name nor an existing file"));
    }

    void everyCommandAnswersHelp_data() {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QStringList>("mentions");
        QTest::newRow("presets") << "presets" << QStringList{};
        QTest::newRow("info") << "info" << QStringList{"ARCH", "--json"};
        QTest::newRow("validate") << "validate" << QStringList{"FILE"};
        QTest::newRow("train") << "train" << QStringList{"--arch",
                                                         "--resume",
                                                         "default 128",
                                                         "64000",
                                                         "paper, multistep, cosine",
                                                         "auto, cpu, cuda"};
        QTest::newRow("eval") << "eval" << QStringList{"--weights", "--arch", "--threads"};
        QTest::newRow("export") << "export"
                                << QStringList{"--format", "pytorch, libtorch, onnx, pytorch-code"};
        QTest::newRow("download") << "download" << QStringList{"--out", "--url"};
    }
    void everyCommandAnswersHelp() {
        QFETCH(QString, command);
        QFETCH(QStringList, mentions);
        for (const char* flag : {"--help", "-h"}) {
            const Run r = cli({command, flag});
            QVERIFY2(r.code == 0, qPrintable(command + " " + flag + ": " + r.err));
            QVERIFY2(r.out.startsWith("Usage: resnet-explorer-cli " + command), qPrintable(r.out));
            QVERIFY(r.out.contains("--help"));
            for (const QString& m : mentions)
                QVERIFY2(r.out.simplified().contains(m), qPrintable(m + " not in:\n" + r.out));
        }
    }

    void badChoicesListTheIds() {
        Run r = cli({"train", "--arch", "resnet-20", "--out", "/tmp/x", "--schedule", "step"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("invalid value 'step' for --schedule (expected one of paper, "
                                "multistep, cosine)"),
                 qPrintable(r.err));
        r = cli({"train", "--arch", "resnet-20", "--out", "/tmp/x", "--device", "gpu0"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("expected one of auto, cpu, cuda"), qPrintable(r.err));
        r = cli({"train", "--arch", "resnet-20", "--out", "/tmp/x", "--batch", "-3"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("batch: expected a positive integer, got -3"), qPrintable(r.err));
        r = cli({"export", "/tmp/x", "--format", "tflite", "--out", "/tmp/x.tfl"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("pytorch, libtorch, onnx, pytorch-code"), qPrintable(r.err));
    }

    void evalTakesEveryKindOfWeights() {
        QTemporaryDir dir;
        const QString data = dir.filePath("cifar");
        QVERIFY(rx::test::writeSyntheticCifar(data, 64, 40));
        const QString run = dir.filePath("run");
        Run r = cli({"train", "--arch", "resnet-20", "--out", run, "--data", data, "--iterations",
                     "2", "--threads", "2"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QString pt = dir.filePath("r20.pt"), pth = dir.filePath("r20.pth");
        QCOMPARE(cli({"export", run, "--format", "libtorch", "--out", pt}).code, 0);
        QCOMPARE(cli({"export", run, "--format", "pytorch", "--out", pth}).code, 0);
        QStringList lines;
        for (const QString& weights : {run, run + "/checkpoint.pt", pt, pth}) {
            r = cli({"eval", "--weights", weights, "--data", data, "--threads", "2"});
            QVERIFY2(r.code == 0, qPrintable(weights + ": " + r.err));
            QVERIFY2(r.out.contains("on 40 images"), qPrintable(r.out));
            lines << r.out.trimmed();
        }
        QCOMPARE(lines.count(lines.first()), 4);  // the same test error and loss from each

        // Weights alone take --arch.
        QTemporaryDir alone;
        QVERIFY(QFile::copy(pth, alone.filePath("w.pth")));
        QVERIFY(QFile::copy(dir.filePath("r20.preprocessing.json"),
                            alone.filePath("w.preprocessing.json")));
        r = cli({"eval", "--weights", alone.filePath("w.pth"), "--data", data});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("no architecture found"), qPrintable(r.err));
        r = cli(
            {"eval", "--weights", alone.filePath("w.pth"), "--arch", "resnet-20", "--data", data});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(r.out.trimmed(), lines.first());

        // Anything else says what it expected.
        QFile text(dir.filePath("notes.txt"));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("hello");
        text.close();
        r = cli({"eval", "--weights", text.fileName(), "--arch", "resnet-20", "--data", data});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("holds no trained weights: expected a run folder, its "
                                "checkpoint.pt, a libtorch export (.pt) or a pytorch export"),
                 qPrintable(r.err));
        r = cli({"eval", "--weights", dir.filePath("missing.pt"), "--data", data});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("no such file"), qPrintable(r.err));
        r = cli({"eval", "--weights", alone.path(), "--data", data});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("holds no checkpoint.pt"), qPrintable(r.err));
    }

    void interruptStopsCleanlyWithACheckpoint() {
        QTemporaryDir dir;
        const QString data = dir.filePath("cifar");
        QVERIFY(rx::test::writeSyntheticCifar(data, 64, 40));
        const QString run = dir.filePath("run");
        QProcess p;
        p.start(qEnvironmentVariable("RX_CLI"),
                {"train", "--arch", "resnet-20", "--out", run, "--data", data, "--iterations",
                 "1000000", "--log-every", "1", "--threads", "1", "--batch", "16"});
        QVERIFY(p.waitForStarted());
        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT((err += p.readAllStandardError()).contains("it 3/"), 120000);
        // SIGINT, again and again until the process is gone: the handler only writes to a
        // pipe, so a signal during the shutdown reaches nothing that is deleted.
        do
            ::kill(pid_t(p.processId()), SIGINT);
        while (!p.waitForFinished(20) && p.state() != QProcess::NotRunning);
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        err += p.readAllStandardError();
        QVERIFY2(p.exitCode() == 0, err.constData());
        QVERIFY2(err.contains("stopped at iteration"), err.constData());
        QVERIFY(QFile::exists(run + "/checkpoint.pt"));
        QFile status(run + "/status.json");
        QVERIFY(status.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(status.readAll()).object()["state"].toString(),
                 QString("stopped"));
        // The run resumes from its checkpoint.
        const QRegularExpressionMatch m =
            QRegularExpression("stopped at iteration (\\d+)").match(QString::fromUtf8(err));
        const int stoppedAt = m.captured(1).toInt();
        QVERIFY(stoppedAt >= 3);
        const QString next = QString::number(stoppedAt + 1);
        const Run r =
            cli({"train", "--out", run, "--resume", "--data", data, "--iterations", next});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains("finished at iteration " + next), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
