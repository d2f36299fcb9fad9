// The activation viewer (issue 11): each block's x, F(x) and output for one test image. The taps
// add up as the block computes them and chain from block to block; a zero branch adds nothing
// (ratio 0); a plain block has no branch; the image, label and top-3 are the test set's and the
// app's evaluation's; the JSON round trip and its refusals; `analyze activations` with its bad
// input; and the Insights view computing off the UI thread, its channel range, a plain run, a
// missing checkpoint, a test image that does not exist, and its exports.
#include "activation_maps.h"
#include "activation_view.h"
#include "activations.h"
#include "cifar_fixture.h"
#include "cli_fixture.h"
#include "run_fixture.h"

#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace rx;

namespace {

double maxDifference(const FeatureMaps& a, const QVector<float>& b) {
    double d = 0;
    for (qsizetype i = 0; i < a.values.size(); ++i)
        d = std::max(d, double(std::abs(a.values[i] - b[i])));
    return d;
}

}  // namespace

class TestActivations : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    QString data_;  // synthetic CIFAR-10, 60 test images
    QString residual_, zeroed_, plain_;

    ActivationSnapshot snapshot(const QString& run, int image) {
        ActivationProbe probe;
        ActivationSnapshot s;
        QString error;
        if (!probe.open(run, data_, &error, 2) || !probe.compute(image, &s, &error))
            qWarning() << error;
        return s;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(tmp_.isValid());
        torch::set_num_threads(2);
        data_ = tmp_.filePath(QStringLiteral("cifar"));
        QVERIFY(test::writeSyntheticCifar(data_, 20, 60));
        residual_ = tmp_.filePath(QStringLiteral("runs/residual"));
        test::writeRun(residual_, BlockKind::Basic, 2);
        zeroed_ = tmp_.filePath(QStringLiteral("runs/zeroed"));
        test::writeRun(zeroed_, BlockKind::Basic, 2, true);
        plain_ = tmp_.filePath(QStringLiteral("runs/plain"));
        test::writeRun(plain_, BlockKind::PlainBasic, 2);
    }

    void tapsAddUpAndChain() {
        const ActivationSnapshot s = snapshot(residual_, 7);
        QCOMPARE(s.blocks.size(), 6);
        QVERIFY(s.isResidual());
        for (int b = 0; b < s.blocks.size(); ++b) {
            const BlockActivations& block = s.blocks[b];
            QVERIFY(block.residual);
            QCOMPARE(block.downsampling, b == 2 || b == 4);  // layer2.0, layer3.0
            QCOMPARE(block.branch.channels, block.output.channels);
            QCOMPARE(block.branch.height, block.output.height);
            QVERIFY(block.scale > 0);
            QVERIFY(block.residualRatio > 0 && std::isfinite(block.residualRatio));
            if (b > 0)  // what a block passes on is what the next one takes in
                QCOMPARE(maxDifference(block.input, s.blocks[b - 1].output.values), 0.0);
            if (!block.downsampling) {  // identity shortcut: output = ReLU(x + F(x))
                QVector<float> sum(block.input.values.size());
                for (qsizetype i = 0; i < sum.size(); ++i)
                    sum[i] = std::max(0.0f, block.input.values[i] + block.branch.values[i]);
                QVERIFY(maxDifference(block.output, sum) < 1e-4);
                const double ratio = block.branch.norm() / block.input.norm();
                QVERIFY(std::abs(block.residualRatio - ratio) < 1e-4 * ratio);
            }
        }
        QCOMPARE(s.blocks[0].name, QStringLiteral("layer1.0"));
        QCOMPARE(s.blocks[5].name, QStringLiteral("layer3.1"));
        QCOMPARE(s.blocks[5].output.channels, 64);
        QCOMPARE(s.blocks[5].output.height, 8);
    }

    void imageLabelAndTopClassesAreTheTestSets() {
        CifarSplit test;
        QString error;
        QVERIFY(readCifarBatch(QDir(data_).filePath("test_batch.bin"), &test, &error));
        EvalOptions options;
        options.dataDir = data_;
        options.threads = 2;
        TestPredictions predictions;
        QVERIFY2(predictTestSet(residual_, options, &predictions, &error), qPrintable(error));
        for (int image : {0, 13, 59}) {
            const ActivationSnapshot s = snapshot(residual_, image);
            QCOMPARE(s.image, image);
            QCOMPARE(s.label, int(uchar(test.labels[image])));
            QCOMPARE(s.pixels,
                     test.images.mid(qsizetype(image) * kCifarImageBytes, kCifarImageBytes));
            QCOMPARE(s.top.size(), kActivationTop);
            // The same probabilities as the app's evaluation of the whole test set.
            const QVector<ClassProbability> expected = topK(predictions.row(image), 3);
            for (int k = 0; k < 3; ++k) {
                QCOMPARE(s.top[k].label, expected[k].label);
                QVERIFY(std::abs(s.top[k].probability - expected[k].probability) < 1e-4);
            }
            QVERIFY(s.top[0].probability >= s.top[1].probability);
        }
    }

    void zeroBranchAddsNothing() {
        const ActivationSnapshot s = snapshot(zeroed_, 3);
        QCOMPARE(s.blocks.size(), 6);
        for (const BlockActivations& b : s.blocks) {
            QCOMPARE(b.residualRatio, 0.0);
            QCOMPARE(b.branch.norm(), 0.0);
            if (!b.downsampling)  // x ≥ 0 after the previous ReLU: ReLU(x + 0) = x
                QCOMPARE(maxDifference(b.output, b.input.values), 0.0);
        }
    }

    void plainBlocksHaveNoBranch() {
        const ActivationSnapshot s = snapshot(plain_, 3);
        QCOMPARE(s.blocks.size(), 6);
        QVERIFY(!s.isResidual());
        for (const BlockActivations& b : s.blocks) {
            QVERIFY(!b.residual);
            QVERIFY(b.branch.isEmpty());
            QVERIFY(std::isnan(b.residualRatio));
            QVERIFY(!b.output.isEmpty());
        }
        const QJsonObject json = s.toJson();
        QVERIFY(json.value("blocks").toArray().first().toObject().value("branch").isNull());
    }

    void badImageIsRefused() {
        ActivationProbe probe;
        ActivationSnapshot s;
        QString error;
        QVERIFY(!probe.compute(0, &s, &error));  // nothing open
        QVERIFY(!error.isEmpty());
        QVERIFY2(probe.open(residual_, data_, &error, 2), qPrintable(error));
        QCOMPARE(probe.images(), 60);
        for (int image : {-1, 60}) {
            error.clear();
            QVERIFY(!probe.compute(image, &s, &error));
            QVERIFY2(error.contains(QStringLiteral("does not exist")), qPrintable(error));
            QVERIFY(error.contains(QStringLiteral("0 to 59")));
        }
        QVERIFY(!probe.open(tmp_.filePath("nothing"), data_, &error));
        QVERIFY(!probe.isOpen());
    }

    void jsonRoundTripAndRefusals() {
        const ActivationSnapshot s = snapshot(residual_, 5);
        const QString dir = tmp_.filePath(QStringLiteral("json"));
        QDir().mkpath(dir);
        QString error;
        QVERIFY2(writeActivations(dir, s, &error), qPrintable(error));
        ActivationSnapshot back;
        QVERIFY2(readActivations(dir, &back, &error), qPrintable(error));
        QCOMPARE(back.architecture, s.architecture);
        QCOMPARE(back.image, 5);
        QCOMPARE(back.label, s.label);
        QCOMPARE(back.pixels, s.pixels);
        QCOMPARE(back.top.size(), 3);
        QCOMPARE(back.blocks.size(), s.blocks.size());
        for (int b = 0; b < s.blocks.size(); ++b) {
            QCOMPARE(back.blocks[b].name, s.blocks[b].name);
            QCOMPARE(back.blocks[b].downsampling, s.blocks[b].downsampling);
            for (ActivationTap tap : kActivationTaps) {
                const FeatureMaps &m = s.blocks[b].tap(tap), &r = back.blocks[b].tap(tap);
                QCOMPARE(r.channels, m.channels);
                QCOMPARE(r.height, m.height);
                for (qsizetype i = 0; i < m.values.size(); ++i)  // four significant digits
                    QVERIFY(std::abs(r.values[i] - m.values[i]) <=
                            1e-3 * std::abs(m.values[i]) + 1e-12);
            }
        }
        // Not a snapshot: another kind, a truncated file, a wrong map size, no file.
        const QString bad = tmp_.filePath(QStringLiteral("bad.json"));
        QJsonObject other = s.toJson();
        other["kind"] = QStringLiteral("lesion");
        QJsonObject wrongSize = s.toJson();
        QJsonArray blocks = wrongSize["blocks"].toArray();
        QJsonObject first = blocks[0].toObject();
        first["input"] = QJsonObject{{"shape", QJsonArray{16, 32, 31}},
                                     {"values", first["input"].toObject()["values"]}};
        blocks[0] = first;
        wrongSize["blocks"] = blocks;
        for (const QByteArray& content :
             {QJsonDocument(other).toJson(), QByteArray("{\"kind\": \"activations\", \"vers"),
              QJsonDocument(wrongSize).toJson()}) {
            QFile f(bad);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(content);
            f.close();
            error.clear();
            QVERIFY(!readActivations(bad, &back, &error));
            QVERIFY2(error.contains(QStringLiteral("not an activation snapshot")),
                     qPrintable(error));
        }
        QVERIFY(!readActivations(tmp_.filePath("none.json"), &back, &error));
        QVERIFY(error.contains(QStringLiteral("cannot read")));
    }

    void cliWritesTheSnapshot() {
        QVERIFY2(!qEnvironmentVariable("RX_CLI").isEmpty(), "RX_CLI is not set");
        test::CliRun r = test::runCli({"analyze", "activations", residual_, "--image", "9",
                                       "--data", data_, "--threads", "2"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("test image 9")));
        QVERIFY(r.out.contains(QStringLiteral("layer3.1")));
        QVERIFY(r.out.contains(QStringLiteral("downsampling")));
        ActivationSnapshot s;
        QString error;
        QVERIFY2(readActivations(residual_, &s, &error), qPrintable(error));
        QCOMPARE(s.image, 9);
        QCOMPARE(s.blocks.size(), 6);
        // Bad input: an image the test set does not have, a bad number, no run folder, no run.
        r = test::runCli({"analyze", "activations", residual_, "--image", "60", "--data", data_});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("does not exist")), qPrintable(r.err));
        r = test::runCli({"analyze", "activations", residual_, "--image", "x", "--data", data_});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QStringLiteral("--image")));
        r = test::runCli({"analyze", "activations", tmp_.filePath("nothing"), "--data", data_});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QStringLiteral("not a run folder")));
        r = test::runCli({"analyze", "activations"});
        QCOMPARE(r.code, 2);
    }

    void colourScaleIsDiverging() {
        QCOMPARE(ActivationMaps::colorOf(0, 2), QColor(255, 255, 255));
        const QColor red = ActivationMaps::colorOf(2, 2), blue = ActivationMaps::colorOf(-2, 2);
        QVERIFY(red.red() > 150 && red.blue() < 60);
        QVERIFY(blue.blue() > 150 && blue.red() < 60);
        QCOMPARE(ActivationMaps::colorOf(5, 2), red);  // beyond the scale: its end
        const QColor half = ActivationMaps::colorOf(1, 2);
        QVERIFY(half.red() == 255 || half.red() > red.red());
        QVERIFY(half.green() > red.green());
    }

    void viewComputesOffTheUiThread() {
        ActivationView view(nullptr);
        view.setDataDirectory(data_);
        view.resize(1200, 760);
        view.show();
        QSignalSpy computed(&view, &ActivationView::computed);
        view.showRun(residual_);
        QVERIFY(view.isComputing());  // the UI thread did not compute it
        QVERIFY(computed.wait(30000));
        QVERIFY2(view.errorText().isEmpty(), qPrintable(view.errorText()));
        QVERIFY(view.snapshot());
        QCOMPARE(view.snapshot()->image, 0);
        QCOMPARE(view.maps()->tapsShown(0).size(), 3);
        const QString trueClass =
            cifarClassText(QLatin1String(kCifarClassNames[view.snapshot()->label]));
        QVERIFY(view.predictionLabel()->text().contains(trueClass));
        QCOMPARE(view.runBox()->currentData().toString(), residual_);

        // Another image.
        view.showImage(21);
        QVERIFY(computed.wait(30000));
        QCOMPARE(view.snapshot()->image, 21);
        QVERIFY(view.statusLabel()->text().contains(QStringLiteral("21")));

        // The channel range: 2 channels from 4 (16 in the first stage, 64 in the last).
        view.setChannels(4, 2);
        QVERIFY(!view.maps()->mapRect(0, ActivationTap::Residual, 4).isEmpty());
        QVERIFY(!view.maps()->mapRect(0, ActivationTap::Residual, 5).isEmpty());
        QVERIFY(view.maps()->mapRect(0, ActivationTap::Residual, 6).isEmpty());
        QVERIFY(view.maps()->mapRect(0, ActivationTap::Residual, 3).isEmpty());
        int block = -1, channel = -1;
        ActivationTap tap = ActivationTap::Input;
        const QRect r = view.maps()->mapRect(3, ActivationTap::Output, 5);
        QVERIFY(view.maps()->mapAt(r.center(), &block, &tap, &channel));
        QCOMPARE(block, 3);
        QCOMPARE(tap, ActivationTap::Output);
        QCOMPARE(channel, 5);
        // The drawn maps as CSV: 6 blocks × 3 taps × 2 channels of their sizes, and a header.
        int values = 0;
        for (const BlockActivations& b : view.snapshot()->blocks)
            for (ActivationTap t : kActivationTaps)
                values += 2 * b.tap(t).height * b.tap(t).width;
        QCOMPARE(view.maps()->csv().count(QLatin1Char('\n')), values + 1);
        // The drawing shows the colours of the maps: white (0) and red or blue somewhere.
        const QImage shot = view.maps()->grab().toImage();
        const QRect map = view.maps()->mapRect(0, ActivationTap::Residual, 4);
        bool coloured = false;
        for (int y = map.top(); y <= map.bottom(); ++y)
            for (int x = map.left(); x <= map.right(); ++x) {
                const QColor c = shot.pixelColor(x, y);
                coloured = coloured || std::abs(c.red() - c.blue()) > 40;
            }
        QVERIFY(coloured);
        for (const char* suffix : {".png", ".pdf", ".svg"}) {
            const QString path = tmp_.filePath(QStringLiteral("maps") + QLatin1String(suffix));
            QString error;
            QVERIFY2(view.maps()->exportTo(path, &error), qPrintable(error));
            QVERIFY(QFileInfo(path).size() > 1000);
        }

        // The run trains on and rewrites its checkpoint: the view loads the new weights.
        const ActivationSnapshot before = *view.snapshot();
        const QString moving = tmp_.filePath(QStringLiteral("runs/moving"));
        test::writeRun(moving, BlockKind::Basic, 2, false, {}, 11);
        view.showRun(moving);
        QVERIFY(computed.wait(30000));
        const float first = view.snapshot()->blocks[0].output.values[100];
        test::writeRun(moving, BlockKind::Basic, 2, false, {}, 12);  // other weights
        QFile checkpoint(QDir(moving).filePath(kRunCheckpointFile));
        QVERIFY(checkpoint.open(QIODevice::ReadWrite));
        QVERIFY(checkpoint.setFileTime(QDateTime::currentDateTime().addSecs(5),
                                       QFileDevice::FileModificationTime));
        checkpoint.close();
        view.showImage(view.image());
        QVERIFY(computed.wait(30000));
        QVERIFY(view.snapshot()->blocks[0].output.values[100] != first);
        QCOMPARE(before.image, 21);

        // A plain run: the outputs only.
        view.showRun(plain_);
        QVERIFY(computed.wait(30000));
        QVERIFY(view.snapshot() && !view.snapshot()->isResidual());
        QCOMPARE(view.maps()->tapsShown(0), QVector<ActivationTap>{ActivationTap::Output});
        QVERIFY(view.maps()->mapRect(0, ActivationTap::Input, 4).isEmpty());
        QVERIFY(!view.maps()->mapRect(0, ActivationTap::Output, 4).isEmpty());

        // A test image the set does not have: said, and the maps clear.
        view.showImage(60);
        QVERIFY(computed.wait(30000));
        QVERIFY(!view.snapshot());
        QVERIFY2(view.statusLabel()->text().contains(QStringLiteral("does not exist")),
                 qPrintable(view.statusLabel()->text()));

        // A run without a checkpoint: said at once, nothing computed.
        const QString untrained = tmp_.filePath(QStringLiteral("runs/untrained"));
        QDir().mkpath(untrained);
        view.showRun(untrained);
        QVERIFY(!view.isComputing());
        QVERIFY(view.statusLabel()->text().contains(QStringLiteral("no checkpoint")));
    }

    void newerChoiceSupersedesAPendingOne() {
        ActivationView view(nullptr);
        view.setDataDirectory(data_);
        QSignalSpy computed(&view, &ActivationView::computed);
        view.showRun(residual_);
        for (int image = 1; image <= 5; ++image)
            view.showImage(image);
        QTRY_VERIFY_WITH_TIMEOUT(!view.isComputing(), 30000);
        QCOMPARE(view.snapshot()->image, 5);
        QVERIFY(computed.count() >= 1);
        QCOMPARE(view.imageBox()->value(), 5);
    }
};

QTEST_MAIN(TestActivations)
#include "tst_activations.moc"
