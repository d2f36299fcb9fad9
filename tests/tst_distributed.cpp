// Data-parallel training (training/distributed.h, data_parallel.cpp, app/cli_launch.cpp): ranks of
// resnet-explorer-cli on 127.0.0.1, on a tiny synthetic CIFAR-10 and a tiny network.
#include "cifar_fixture.h"
#include "cli_fixture.h"
#include "distributed.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <memory>

namespace {

// One stage with a projection shortcut: its BN goes through the same synchronisation.
constexpr const char* kTinyNet = R"({"format": 1, "name": "tiny", "stem": {"width": 8},
    "stages": [{"block": "basic", "blocks": 1, "width": 8},
               {"block": "basic", "blocks": 1, "width": 16, "stride": 2, "shortcut": "B"}]})";

quint16 freePort() {
    QTcpServer server;
    return server.listen(QHostAddress::LocalHost, 0) ? server.serverPort() : 0;
}

// The training losses of a run folder's metrics.jsonl, in iteration order.
QList<double> trainLosses(const QString& run) {
    QList<double> losses;
    QFile f(run + "/metrics.jsonl");
    if (!f.open(QIODevice::ReadOnly))
        return losses;
    for (const QByteArray& line : f.readAll().split('\n')) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o["type"].toString() == "train")
            losses << o["loss"].toDouble();
    }
    return losses;
}

QString readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll()) : QString();
}

struct RankProcess {
    std::unique_ptr<QProcess> process = std::make_unique<QProcess>();
    QString err() { return QString::fromUtf8(process->readAllStandardError()); }
};

}  // namespace

class TestDistributed : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString data_, arch_, digest_;

    // `train` options of the runs compared: 2 epochs of 3 global batches of 32 images, a loss
    // logged every iteration, augmentation on (the shards must draw what the whole batch draws).
    QStringList trainArgs(const QString& out, int iterations = 6) const {
        return {"train",
                "--arch",
                arch_,
                "--data",
                data_,
                "--out",
                out,
                "--iterations",
                QString::number(iterations),
                "--batch",
                "32",
                "--train-subset",
                "96",
                "--test-subset",
                "20",
                "--log-every",
                "1",
                "--probe-images",
                "10",
                "--threads",
                "1",
                "--lr",
                "0.05"};
    }

    std::unique_ptr<RankProcess> startRank(const QStringList& args, int rank, int world,
                                           quint16 port, const QStringList& extra = {}) {
        auto r = std::make_unique<RankProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("RX_TEST_WEIGHTS_DIGEST", digest_);
        r->process->setProcessEnvironment(env);
        r->process->start(
            qEnvironmentVariable("RX_CLI"),
            args +
                QStringList{"--world-size", QString::number(world), "--rank", QString::number(rank),
                            "--master", QStringLiteral("127.0.0.1:%1").arg(port)} +
                extra);
        return r;
    }

    // Two ranks of `args`, rank 1 with its own --out (which it must leave alone); both codes.
    void runTwoRanks(const QString& run, const QStringList& extra, QString* errors) {
        const quint16 port = freePort();
        QVERIFY(port);
        auto r0 = startRank(trainArgs(run), 0, 2, port, extra);
        auto r1 = startRank(trainArgs(run + "-rank1"), 1, 2, port, extra);
        QVERIFY(r0->process->waitForFinished(120000));
        QVERIFY(r1->process->waitForFinished(120000));
        const QString e0 = r0->err(), e1 = r1->err();
        *errors = e0 + e1;
        QVERIFY2(r0->process->exitCode() == 0, qPrintable(e0));
        QVERIFY2(r1->process->exitCode() == 0, qPrintable(e1));
        QVERIFY2(!QFile::exists(run + "-rank1"), "rank 1 wrote a run folder");
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(QFile::exists(qEnvironmentVariable("RX_CLI")), "RX_CLI unset");
        data_ = dir_.filePath("cifar");
        QVERIFY(rx::test::writeSyntheticCifar(data_, 64, 40));
        arch_ = dir_.filePath("tiny.resnet.json");
        QFile f(arch_);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kTinyNet);
        digest_ = dir_.filePath("digest");
    }

    void shardsCoverTheGlobalBatch() {
        for (int world : {1, 2, 3, 4})
            for (int size : {4, 7, 32, 33}) {
                int64_t next = 0;
                for (int rank = 0; rank < world; ++rank) {
                    rx::DistributedSettings s;
                    s.worldSize = world;
                    s.rank = rank;
                    const auto [first, count] = s.shard(size);
                    QCOMPARE(first, next);
                    QVERIFY(count == size / world || count == size / world + 1);
                    next = first + count;
                }
                QCOMPARE(next, int64_t(size));
            }
    }

    void masterAddress() {
        QString host;
        quint16 port = 0;
        QVERIFY(rx::parseMasterAddress("192.168.1.10:29500", &host, &port));
        QCOMPARE(host, QString("192.168.1.10"));
        QCOMPARE(port, quint16(29500));
        QVERIFY(rx::parseMasterAddress("[::1]:80", &host, &port));
        QCOMPARE(host, QString("::1"));
        QVERIFY(!rx::parseMasterAddress("host", &host, &port));
        QVERIFY(!rx::parseMasterAddress("host:0", &host, &port));
        QVERIFY(!rx::parseMasterAddress("host:70000", &host, &port));
    }

    // (a) + (b): synchronised batch norm. Two ranks end bit-identical, and their global losses
    // are the single process's (same global batch, same images) to float rounding.
    void syncBatchNormTrainsAsOneProcess() {
        const QString single = dir_.filePath("single");
        qputenv("RX_TEST_WEIGHTS_DIGEST", (digest_ + "-single").toUtf8());
        const rx::test::CliRun one = rx::test::runCli(trainArgs(single));
        qunsetenv("RX_TEST_WEIGHTS_DIGEST");
        QVERIFY2(one.code == 0, qPrintable(one.err));
        const QList<double> expected = trainLosses(single);
        QCOMPARE(expected.size(), 6);

        const QString run = dir_.filePath("sync");
        QString errors;
        runTwoRanks(run, {}, &errors);
        if (QTest::currentTestFailed())
            return;
        const QString d0 = readAll(digest_ + ".0"), d1 = readAll(digest_ + ".1");
        QCOMPARE(d0.size(), 64);
        QCOMPARE(d0, d1);
        const QList<double> losses = trainLosses(run);
        QCOMPARE(losses.size(), expected.size());
        // The first loss is the same forward pass (same images, same batch statistics): equal to
        // float rounding. After it the updates differ by rounding only (the conv1 weight
        // gradient, a sum over 32k positions, is added in another order), which a few SGD steps
        // amplify to about 1e-4; a wrong shard, BN statistic or gradient scale is off by 1e-2.
        for (int i = 0; i < losses.size(); ++i)
            QVERIFY2(std::abs(losses[i] - expected[i]) <= (i == 0 ? 1e-6 : 1e-3) * expected[i],
                     qPrintable(QString("iteration %1: %2 vs %3 (one process)")
                                    .arg(i + 1)
                                    .arg(losses[i], 0, 'g', 9)
                                    .arg(expected[i], 0, 'g', 9)));
        // Rank 0 wrote the run folder: checkpoint, settings with the world size, status.
        QVERIFY(QFile::exists(run + "/checkpoint.pt"));
        const QJsonObject config =
            QJsonDocument::fromJson(readAll(run + "/config.json").toUtf8()).object();
        QCOMPARE(config["world_size"].toInt(), 2);
        QCOMPARE(config["batch_norm"].toString(), QString("sync"));
        QVERIFY(readAll(run + "/status.json").contains("finished"));
    }

    // Local batch norm (DDP's default): each rank normalises with its shard's statistics, so
    // the losses are not the single process's; the running statistics are rank 0's on both
    // ranks, so the weights still end bit-identical.
    void localBatchNormIsPerRank() {
        const QList<double> single = trainLosses(dir_.filePath("single"));
        QCOMPARE(single.size(), 6);
        const QString run = dir_.filePath("local");
        QString errors;
        runTwoRanks(run, {"--batch-norm", "local"}, &errors);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(readAll(digest_ + ".0"), readAll(digest_ + ".1"));
        const QList<double> losses = trainLosses(run);
        QCOMPARE(losses.size(), 6);
        QVERIFY2(std::abs(losses[0] - single[0]) > 1e-3 * std::abs(single[0]),
                 qPrintable(QString("%1 vs %2").arg(losses[0]).arg(single[0])));
    }

    // (c) A rank killed mid-run: the other exits non-zero with a message, within the timeout.
    void killedRankStopsTheOther() {
        const quint16 port = freePort();
        const QString run = dir_.filePath("killed");
        auto r0 = startRank(trainArgs(run, 100000), 0, 2, port);
        auto r1 = startRank(trainArgs(run, 100000), 1, 2, port);
        // Training has begun when rank 0 logs its first losses.
        QElapsedTimer timer;
        timer.start();
        while (trainLosses(run).size() < 2 && timer.elapsed() < 60000)
            QTest::qWait(50);
        QVERIFY2(trainLosses(run).size() >= 2, qPrintable(r0->err()));
        ::kill(pid_t(r1->process->processId()), SIGKILL);
        QVERIFY2(r0->process->waitForFinished(60000), "rank 0 hangs after its peer died");
        const QString e0 = r0->err();
        QVERIFY(r0->process->exitCode() != 0);
        QVERIFY2(e0.contains("rank 0 of 2: the connection to the other ranks broke"),
                 qPrintable(e0));
        r1->process->waitForFinished();
        QVERIFY(readAll(run + "/status.json").contains("failed"));
    }

    // (d) A rank that never joins: the other gives up after --timeout with a message.
    void rankThatNeverJoins() {
        const quint16 port = freePort();
        auto r0 = startRank(trainArgs(dir_.filePath("alone0")), 0, 2, port, {"--timeout", "2"});
        QVERIFY(r0->process->waitForFinished(60000));
        QString e = r0->err();
        QCOMPARE(r0->process->exitCode(), 1);
        QVERIFY2(
            e.contains("rank 0: not all 2 ranks joined at 127.0.0.1:") && e.contains("within 2 s"),
            qPrintable(e));
        // And a rank whose master is not there.
        auto r1 =
            startRank(trainArgs(dir_.filePath("alone1")), 1, 2, freePort(), {"--timeout", "2"});
        QVERIFY(r1->process->waitForFinished(60000));
        e = r1->err();
        QCOMPARE(r1->process->exitCode(), 1);
        QVERIFY2(e.contains("rank 1: could not join rank 0 at 127.0.0.1:"), qPrintable(e));
        QVERIFY(!QFile::exists(dir_.filePath("alone1")));
    }

    // (e) The launcher: rank 0's run folder; a failing launch names the rank and exits non-zero.
    void launchRunsTheRanks() {
        const QString run = dir_.filePath("launched");
        rx::test::CliRun r =
            rx::test::runCli(QStringList{"launch", "--nproc", "2"} + trainArgs(run, 3));
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains("finished at iteration 3"), qPrintable(r.err));
        QCOMPARE(trainLosses(run).size(), 3);
        QVERIFY(QFile::exists(run + "/checkpoint.pt"));
        QCOMPARE(QJsonDocument::fromJson(readAll(run + "/config.json").toUtf8())
                     .object()["world_size"]
                     .toInt(),
                 2);
        // A global batch of 1 image cannot be shared by 2 ranks: every rank refuses it.
        r = rx::test::runCli(QStringList{"launch", "--nproc", "2"} +
                             trainArgs(dir_.filePath("bad"), 3) + QStringList{"--batch", "1"});
        QCOMPARE(r.code, 1);
        QVERIFY2(
            r.err.contains(QRegularExpression("rank [01] failed \\(exit code 1\\): .*every batch "
                                              "needs at least 2 images")),
            qPrintable(r.err));
        r = rx::test::runCli({"launch", "--nproc", "2", "train", "--rank", "1"});
        QCOMPARE(r.code, 2);
    }
};

QTEST_GUILESS_MAIN(TestDistributed)
#include "tst_distributed.moc"
