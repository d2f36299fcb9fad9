// The metric registry: every kind round-trips through a metrics.jsonl line, lines written before
// the registry load unchanged, and lines of an unknown type or cut short are skipped and counted.
#include "metrics.h"

#include <QTemporaryDir>
#include <QtTest>

#include <limits>

using namespace rx;

namespace {

// One record of each kind, with values that survive only an exact round trip.
MetricRecord sample(MetricKind kind) {
    switch (kind) {
        case MetricKind::Train:
            return TrainMetrics{391, 1.0, 1.2345678901234, 42.125, 0.1, 1234.5};
        case MetricKind::Test:
            return TestMetrics{782, 2.0, 0.987654321, 17.3, true};
        case MetricKind::Responses:
            return LayerResponses{391, 1.0, {"conv1", "layer1.0.conv1"}, {0.123456789, 3.25}};
        case MetricKind::Gradients:
            return GradientNorms{50, 0.127877237851662, {"conv1", "fc"}, {1e-7, 2.5}};
        case MetricKind::Blocks:  // a plain block's ratio is NaN: null in JSON, NaN again
            return BlockDynamics{100,
                                 0.255754475703325,
                                 {"layer1.0", "layer1.1"},
                                 {0.3125, std::numeric_limits<double>::quiet_NaN()},
                                 {1e-3, 0.0123456789}};
    }
    return {};
}

bool writeFile(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

}  // namespace

class TestMetricsRegistry : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyKindRoundTrips() {
        QCOMPARE(int(metricKinds().size()), kMetricKindCount);
        for (const MetricKindInfo& info : metricKinds()) {
            const MetricRecord record = sample(info.kind);
            QCOMPARE(kindOf(record), info.kind);
            const QByteArray line = metricLine(record);
            QVERIFY(line.endsWith('\n'));
            QVERIFY2(line.contains(QByteArray("\"type\":\"") + info.type + '"'), line.constData());
            const auto back = parseMetricLine(line);
            QVERIFY2(back.has_value(), line.constData());
            QVERIFY2(*back == record, line.constData());
            QCOMPARE(metricKindFromType(info.type), std::optional(info.kind));
        }
    }

    // Lines as the app wrote them before the registry: read and written back byte for byte.
    void existingLinesStayByteCompatible() {
        const QList<QByteArray> lines = {
            "{\"epoch\":0.1278772378516624,\"error\":87.5,\"images_per_second\":1520.25,"
            "\"iteration\":50,\"loss\":2.203125,\"lr\":0.1,\"type\":\"train\"}",
            "{\"epoch\":1,\"error\":55.12,\"iteration\":391,\"loss\":1.25,\"split\":\"test\","
            "\"type\":\"test\"}",
            "{\"epoch\":1,\"error\":56,\"iteration\":391,\"loss\":1.5,\"split\":\"validation\","
            "\"type\":\"test\"}",
            "{\"epoch\":1,\"iteration\":391,\"layers\":[\"conv1\",\"layer1.0.conv1\"],\"std\":[0.5,"
            "1.25],\"type\":\"responses\"}",
            "{\"epoch\":0.1278772378516624,\"iteration\":50,\"layers\":[\"conv1\",\"fc\"],"
            "\"norms\":[0.03125,0.5],\"type\":\"gradients\"}",
        };
        for (const QByteArray& line : lines) {
            const auto record = parseMetricLine(line);
            QVERIFY2(record.has_value(), line.constData());
            QCOMPARE(metricLine(*record), line + '\n');
        }
        // The typed overloads the trainer calls write the same object.
        const TrainMetrics m{50, 50 / 391.0, 2.203125, 87.5, 0.1, 1520.25};
        QCOMPARE(QJsonDocument(toJson(m)).toJson(QJsonDocument::Compact), lines[0]);
        QCOMPARE(std::get<TestMetrics>(*parseMetricLine(lines[2])).validation, true);
    }

    void unknownAndGarbledLinesAreSkippedAndCounted() {
        QTemporaryDir dir;
        const QString path = dir.filePath("metrics.jsonl");
        QByteArray file;
        for (const MetricKindInfo& info : metricKinds())
            file += metricLine(sample(info.kind));
        file +=
            "{\"type\":\"residual_ratio_from_the_future\",\"iteration\":5}"
            "\n";  // unknown
        file += "not json at all\n";
        file += "\n";  // blank: neither a record nor a skipped line
        file += metricLine(sample(MetricKind::Train));
        file += "{\"epoch\":1,\"error\":55.1,\"itera";  // cut by a crash, no newline
        QVERIFY(writeFile(path, file));
        MetricsLog log;
        QString error;
        QVERIFY2(readMetrics(path, &log, &error), qPrintable(error));
        QCOMPARE(log.skippedLines, 3);
        QCOMPARE(log.records.size(), kMetricKindCount + 1);
        for (int i = 0; i < kMetricKindCount; ++i)  // file order
            QVERIFY(log.records[i] == sample(MetricKind(i)));
        QCOMPARE(log.all<TrainMetrics>().size(), 2);
        QCOMPARE(log.train.size(), 2);
        QCOMPARE(log.test.size(), 1);
        QCOMPARE(log.responses.size(), 1);
        QCOMPARE(log.gradients.size(), 1);
        QVERIFY(!readMetrics(dir.filePath("missing.jsonl"), &log, &error));
        QVERIFY(error.contains("missing.jsonl"));
    }

    // Issue 13: a damaged metrics.jsonl loads every good record and counts the rest.
    void damagedLinesAreSkippedAndCounted_data() {
        QTest::addColumn<QByteArray>("damage");
        QTest::addColumn<bool>("atEnd");  // after the last good record, else between them
        QTest::addColumn<int>("skipped");
        QTest::newRow("torn last line")
            << QByteArray("{\"type\":\"train\",\"iteration\":4") << true << 1;
        QTest::newRow("garbage line") << QByteArray("garbage\n") << false << 1;
        QTest::newRow("binary junk")
            << QByteArray("\x00\xff\xfe{\x01\x02\n\x7f\x80[[\n\x89PNG\r\x1a\n", 19) << false << 3;
        QTest::newRow("NUL-filled tail (a lost write)") << QByteArray(4096, '\0') << true << 1;
        QTest::newRow("wrong types")
            << QByteArray(
                   "{\"type\":\"train\",\"iteration\":\"50\",\"epoch\":0.1}\n"
                   "{\"type\":\"train\",\"iteration\":50,\"epoch\":0.1,\"loss\":\"low\"}\n"
                   "{\"type\":\"test\",\"iteration\":50.5,\"epoch\":0.1}\n"
                   "{\"type\":\"test\",\"iteration\":-1,\"epoch\":0.1}\n"
                   "{\"type\":\"test\",\"iteration\":1e300,\"epoch\":0.1}\n"
                   "{\"type\":\"test\",\"iteration\":5,\"epoch\":0.1,\"split\":7}\n"
                   "{\"type\":\"responses\",\"iteration\":5,\"epoch\":0.1,\"layers\":\"conv1\"}\n"
                   "{\"type\":\"gradients\",\"iteration\":5,\"epoch\":0.1,\"layers\":[1],\"norms\":"
                   "[1]}\n"
                   "{\"type\":\"train\",\"iteration\":5}\n")
            << false << 9;
        QTest::newRow("names and values of different lengths")
            << QByteArray(
                   "{\"type\":\"responses\",\"iteration\":5,\"epoch\":0.1,\"layers\":[\"a\",\"b\"],"
                   "\"std\":[1]}\n"
                   "{\"type\":\"gradients\",\"iteration\":5,\"epoch\":0.1,\"layers\":[\"a\"],"
                   "\"norms\":[1,2]}\n"
                   "{\"type\":\"blocks\",\"iteration\":5,\"epoch\":0.1,\"blocks\":[\"a\"],"
                   "\"residual_ratio\":[1],\"activation_gradient\":[]}\n")
            << false << 3;
    }

    void damagedLinesAreSkippedAndCounted() {
        QFETCH(QByteArray, damage);
        QFETCH(bool, atEnd);
        QFETCH(int, skipped);
        QByteArray good;
        for (const MetricKindInfo& info : metricKinds())
            good += metricLine(sample(info.kind));
        const qsizetype middle = good.indexOf('\n', good.size() / 2) + 1;
        const QByteArray file =
            atEnd ? good + damage : good.left(middle) + damage + good.mid(middle);
        QTemporaryDir dir;
        const QString path = dir.filePath("metrics.jsonl");
        QVERIFY(writeFile(path, file));
        MetricsLog log;
        QString error;
        QVERIFY2(readMetrics(path, &log, &error), qPrintable(error));
        QCOMPARE(log.skippedLines, skipped);
        QCOMPARE(log.records.size(), kMetricKindCount);
        for (int i = 0; i < kMetricKindCount; ++i)
            QVERIFY(log.records[i] == sample(MetricKind(i)));
        // (No catalogue is loaded here: the English one spells the plural.)
        QCOMPARE(skippedLinesText(log.skippedLines),
                 QStringLiteral("metrics.jsonl: %1 damaged line(s) skipped").arg(skipped));
        QCOMPARE(skippedLinesText(0), QString());
    }

    // Values the writer gives as null (a diverged loss, a plain block's ratio) are not damage.
    void nullNumbersReadAsNaN() {
        const auto record = parseMetricLine(
            "{\"type\":\"train\",\"iteration\":3,\"epoch\":0.1,\"loss\":null,\"error\":90}");
        QVERIFY(record);
        QVERIFY(std::isnan(std::get<TrainMetrics>(*record).loss));
        QCOMPARE(std::get<TrainMetrics>(*record).error, 90.0);
    }

    void writerAppendsRecordsAndTruncateKeepsEarlierOnes() {
        QTemporaryDir dir;
        const QString path = dir.filePath("metrics.jsonl");
        {
            MetricsWriter writer;
            QString error;
            QVERIFY2(writer.open(path, &error), qPrintable(error));
            for (int it = 1; it <= 4; ++it)
                writer.write(MetricRecord(TrainMetrics{it * 10, it / 10.0, 1, 50, 0.1, 10}));
        }
        QString error;
        QVERIFY2(truncateMetrics(path, 20, &error), qPrintable(error));
        MetricsLog log;
        QVERIFY(readMetrics(path, &log, &error));
        QCOMPARE(log.records.size(), 2);
        QCOMPARE(iterationOf(log.records.last()), 20);
        QCOMPARE(epochOf(log.records.last()), 0.2);
    }

    // A metrics.jsonl another process is writing, read on as it grows (the dashboard watching a
    // CLI's run): each line once, a line being written only once it is whole, and the file again
    // from its start when it was cut back (a resumed run).
    // A long run's records repeat their names: read back, they share one list (SharedNames),
    // and a record with other names keeps its own.
    void recordsReadShareTheirNames() {
        QTemporaryDir dir;
        const QString path = dir.filePath("metrics.jsonl");
        const QStringList layers{"conv1", "layer1.0.conv1", "fc"};
        const QStringList other{"conv1", "fc"};
        QByteArray text;
        for (int it = 1; it <= 3; ++it)
            text += metricLine(GradientNorms{it, 0, layers, {1, 2, 3}}) +
                    metricLine(LayerResponses{it, 0, layers, {1, 2, 3}});
        text += metricLine(GradientNorms{4, 0, other, {1, 2}});
        QVERIFY(writeFile(path, text));
        MetricsLog log;
        QString error;
        QVERIFY2(readMetrics(path, &log, &error), qPrintable(error));
        QCOMPARE(log.gradients.size(), 4);
        QCOMPARE(log.gradients[0].layers, layers);
        QCOMPARE(log.gradients[2].layers.constData(), log.gradients[0].layers.constData());
        QCOMPARE(log.responses[2].layers.constData(), log.responses[0].layers.constData());
        QCOMPARE(log.gradients[3].layers, other);
        QVERIFY(log.gradients[3].layers.constData() != log.gradients[0].layers.constData());
    }

    void tailReadsEachCompleteLineOnce() {
        QTemporaryDir dir;
        const QString path = dir.filePath("metrics.jsonl");
        MetricsTail tail(path);
        MetricsTail::Update u;
        QVERIFY(!tail.read(&u));  // not there yet
        const auto line = [](int it) {
            return metricLine(TrainMetrics{it, it / 10.0, 1, 50, 0.1, 10});
        };
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
        f.write(line(1) + line(2));
        const QByteArray third = line(3);
        f.write(third.left(10));  // the writer is in the middle of line 3
        QVERIFY(tail.read(&u));
        QCOMPARE(u.records.size(), 2);
        QCOMPARE(iterationOf(u.records.last()), 2);
        QCOMPARE(u.skippedLines, 0);
        QVERIFY(!u.restarted);
        QVERIFY(tail.read(&u));
        QVERIFY(u.records.isEmpty());  // nothing new, nothing counted twice
        f.write(third.mid(10) + "not json\n" + line(4));
        QVERIFY(tail.read(&u));
        QCOMPARE(u.records.size(), 2);
        QCOMPARE(iterationOf(u.records.first()), 3);
        QCOMPARE(iterationOf(u.records.last()), 4);
        QCOMPARE(u.skippedLines, 1);
        f.close();

        // Cut back to line 1 and written on: read again from the start.
        QString error;
        QVERIFY2(truncateMetrics(path, 1, &error), qPrintable(error));
        QVERIFY(tail.read(&u));
        QVERIFY(u.restarted);
        QCOMPARE(u.records.size(), 1);
        // Rewritten with lines of the same length (the size alone would not tell).
        QVERIFY(writeFile(path, line(5) + line(6) + line(7)));
        QVERIFY(tail.read(&u));
        QVERIFY(u.restarted);
        QCOMPARE(u.records.size(), 3);
        QCOMPARE(iterationOf(u.records.first()), 5);
        // A last line without its newline is read when the file is complete.
        QVERIFY(writeFile(path, line(5) + line(6) + line(7) + line(8).chopped(1)));
        QVERIFY(tail.read(&u));
        QVERIFY(u.records.isEmpty());
        QVERIFY(tail.read(&u, nullptr, true));
        QCOMPARE(u.records.size(), 1);
        QCOMPARE(iterationOf(u.records.first()), 8);
    }
};

QTEST_MAIN(TestMetricsRegistry)
#include "tst_metrics.moc"
