// The classroom views: the Dataset tab (images with their class names, the class filter, the
// trainer's augmentation shown live, a missing dataset) and the Predictions tab (the confusion
// matrix of a run agrees with `eval`, top-k, the misclassified gallery, a folder without a
// checkpoint), and the pure functions under them.
#include "augmentation.h"
#include "cifar_fixture.h"
#include "dataset_view.h"
#include "pipeline.h"
#include "predictions.h"
#include "predictions_view.h"
#include "presets.h"
#include "run_fixture.h"
#include "run_folder.h"
#include "spec_json.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QListView>
#include <QTemporaryDir>
#include <QtTest>

using namespace rx;

namespace {

QImage shownImage(const DatasetView& view, int row) {
    return view.model()->index(row).data(DatasetImagesModel::ImageRole).value<QImage>();
}

}  // namespace

class TestClassroom : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    QString data_;  // synthetic CIFAR-10
    QString run_;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(tmp_.isValid());
        torch::set_num_threads(2);
        data_ = tmp_.filePath(QStringLiteral("cifar"));
        QVERIFY(test::writeSyntheticCifar(data_, 60, 300));
        run_ = tmp_.filePath(QStringLiteral("runs/tiny"));
        test::writeTinyRun(run_);
    }

    void augmentationMatchesItsParameters() {
        // The identity draw (crop at the pad, no flip) gives the image back; a flip mirrors it;
        // a shifted crop brings in pad-coloured pixels.
        std::array<uchar, kCifarImageBytes> image, out;
        for (int i = 0; i < kCifarImageBytes; ++i)
            image[size_t(i)] = uchar(i * 7 % 251);
        const std::array<uchar, 3> pad{11, 22, 33};
        applyAugmentation(image.data(), {kAugmentPad, kAugmentPad, false}, pad, out.data());
        QCOMPARE(out, image);
        applyAugmentation(image.data(), {kAugmentPad, kAugmentPad, true}, pad, out.data());
        QCOMPARE(out[0], image[31]);
        QCOMPARE(out[2 * 1024 + 5 * 32 + 31], image[2 * 1024 + 5 * 32]);
        applyAugmentation(image.data(), {0, 0, false}, pad, out.data());
        QCOMPARE(out[0], uchar(11));                    // red plane, top-left: padding
        QCOMPARE(out[1024 + 3 * 32 + 2], uchar(22));    // green, still in the 4-pixel border
        QCOMPARE(out[1024 + 4 * 32 + 4], image[1024]);  // the image starts 4 pixels in
        // Every crop offset 0..2·pad and both flips come up.
        QRandomGenerator rng(1);
        QSet<int> offsets;
        int flips = 0;
        for (int i = 0; i < 2000; ++i) {
            const AugmentDraw d = drawAugmentation(rng);
            QVERIFY(d.dx >= 0 && d.dx <= 2 * kAugmentPad && d.dy >= 0 && d.dy <= 2 * kAugmentPad);
            offsets << d.dx;
            flips += d.flip;
        }
        QCOMPARE(offsets.size(), 2 * kAugmentPad + 1);
        QVERIFY(flips > 850 && flips < 1150);  // p = 0.5
    }

    void topKOrdersByProbability() {
        const QVector<float> logits = {0.1f,  2.0f, -1.0f, 3.0f, 0.0f, 0.5f, 1.0f,
                                       -2.0f, 2.5f, 0.2f,  5.0f, 5.0f, 0.0f, 0.0f,
                                       0.0f,  0.0f, 0.0f,  0.0f, 0.0f, 0.0f};
        const QVector<float> p = softmax(logits);
        QCOMPARE(p.size(), logits.size());
        for (int r = 0; r < 2; ++r) {
            double sum = 0;
            for (int c = 0; c < kCifarClasses; ++c)
                sum += p[r * kCifarClasses + c];
            QVERIFY(qAbs(sum - 1.0) < 1e-5);
        }
        const auto top = topK(std::span<const float>(p.constData(), kCifarClasses), 3);
        QCOMPARE(top.size(), 3);
        QCOMPARE(top[0].label, 3);
        QCOMPARE(top[1].label, 8);
        QCOMPARE(top[2].label, 1);
        QVERIFY(top[0].probability > top[1].probability && top[1].probability > top[2].probability);
        const auto tie =
            topK(std::span<const float>(p.constData() + kCifarClasses, kCifarClasses), 2);
        QCOMPARE(tie[0].label, 0);  // equal ones in label order
        QCOMPARE(tie[1].label, 1);
    }

    void confusionMatrixCounts() {
        const QByteArray labels("\x00\x01\x01\x02\x09", 5);
        const ConfusionMatrix m = confusionMatrix(labels, {0, 1, 2, 2, 0});
        QCOMPARE(m.total(), 5);
        QCOMPARE(m.correct(), 3);
        QCOMPARE(m.at(1, 2), 1);
        QCOMPARE(m.at(9, 0), 1);
        QCOMPARE(m.rowErrorPercent(1), 50.0);
        QCOMPARE(m.errorPercent(), 40.0);
    }

    void predictionsAgreeWithEval() {
        EvalOptions options;
        options.dataDir = data_;
        options.threads = 2;
        EvalResult eval;
        QString error;
        QVERIFY2(evaluateWeights(run_, options, &eval, &error), qPrintable(error));
        TestPredictions p;
        QVERIFY2(predictTestSet(run_, options, &p, &error), qPrintable(error));
        QCOMPARE(p.size(), 300);
        QCOMPARE(p.probabilities.size(), 300 * kCifarClasses);
        const ConfusionMatrix m = confusionMatrix(p.labels, predictedClasses(p));
        QCOMPARE(m.total(), eval.images);
        QCOMPARE(m.errorPercent(), eval.error);
        QVERIFY2(m.errorPercent() > 0 && m.errorPercent() < 100, "the net must not be trivial");
        for (int i = 0; i < p.size(); i += 37) {
            double sum = 0;
            for (float v : p.row(i))
                sum += v;
            QVERIFY(qAbs(sum - 1.0) < 1e-4);
            QCOMPARE(topK(p.row(i), 1).first().label, p.predicted(i));
        }
        // Cancelled before the first batch: false, and said so.
        std::atomic<bool> stop{true};
        options.cancel = &stop;
        QVERIFY(!predictTestSet(run_, options, &p, &error));
        QVERIFY(error.contains(QLatin1String("cancel")));
    }

    void datasetViewShowsImagesWithNames() {
        DatasetView view;
        view.setDataDirectory(data_);
        view.resize(1000, 700);
        view.show();
        QTRY_VERIFY_WITH_TIMEOUT(view.isLoaded(), 30000);
        QCOMPARE(view.message(), QString());
        QCOMPARE(view.model()->rowCount(), 5 * 60);
        const QStringList names = readCifarClassNames(data_);
        for (int row : {0, 1, 17, 299}) {
            const QModelIndex i = view.model()->index(row);
            const int label = i.data(DatasetImagesModel::LabelRole).toInt();
            QCOMPARE(i.data(Qt::DisplayRole).toString(), names[label]);
            QCOMPARE(i.data(Qt::DecorationRole).value<QPixmap>().width(), 96);
        }
        // The visible grid shows the images (more than one row of them) with their names.
        QVERIFY(view.grid()->visualRect(view.model()->index(20)).isValid());

        view.setClassFilter(3);
        QVERIFY(view.model()->rowCount() > 0 && view.model()->rowCount() < 300);
        for (int r = 0; r < view.model()->rowCount(); ++r) {
            QCOMPARE(view.model()->index(r).data(DatasetImagesModel::LabelRole).toInt(), 3);
            QCOMPARE(view.model()->index(r).data().toString(), QStringLiteral("cat"));
        }
        view.setClassFilter(-1);
        QCOMPARE(view.model()->rowCount(), 300);

        // Augmentation changes pixels, never labels; a re-draw changes them again.
        QVector<QImage> plain;
        QVector<int> labels;
        for (int r = 0; r < 20; ++r) {
            plain << shownImage(view, r);
            labels << view.model()->index(r).data(DatasetImagesModel::LabelRole).toInt();
        }
        view.setAugmentation(true);
        QVERIFY(view.augmentationBox()->isChecked());
        int changed = 0;
        QVector<QImage> first;
        for (int r = 0; r < 20; ++r) {
            first << shownImage(view, r);
            changed += first.last() != plain[r];
            QCOMPARE(view.model()->index(r).data(DatasetImagesModel::LabelRole).toInt(), labels[r]);
        }
        QVERIFY(changed >= 15);
        QCOMPARE(shownImage(view, 4), first[4]);  // repaints keep the draw
        QSignalSpy redraws(view.model(), &QAbstractItemModel::dataChanged);
        QVERIFY(redraws.wait(3000));  // the timer draws anew
        int redrawn = 0;
        for (int r = 0; r < 20; ++r)
            redrawn += shownImage(view, r) != first[r];
        QVERIFY(redrawn >= 10);
        view.setAugmentation(false);
        QCOMPARE(shownImage(view, 7), plain[7]);
    }

    void datasetViewWithoutDatasetSaysWhere() {
        DatasetView view;
        view.setDataDirectory(tmp_.filePath(QStringLiteral("nothing-here")));
        view.show();
        QTRY_VERIFY(!view.message().isEmpty());
        QVERIFY(view.message().contains(QLatin1String("nothing-here")));
        QVERIFY(view.message().contains(QLatin1String("resnet-explorer-cli download")));
        QVERIFY(!view.isLoaded());
        QCOMPARE(view.model()->rowCount(), 0);
        view.setDataDirectory({});
        QTRY_VERIFY(view.message().contains(QLatin1String("not on this computer")));
    }

    void predictionsViewShowsTheMatrix() {
        PredictionsView view(nullptr);
        view.setDataDirectory(data_);
        view.resize(1100, 700);
        view.show();
        view.showRun(run_);
        QTRY_VERIFY_WITH_TIMEOUT(!view.isEvaluating(), 120000);
        QVERIFY2(view.hasPredictions(), qPrintable(view.errorText()));
        QCOMPARE(view.matrix().total(), 300);
        int cells = 0;
        for (int t = 0; t < kCifarClasses; ++t)
            for (int p = 0; p < kCifarClasses; ++p)
                cells += view.matrixCellText(t, p).toInt();
        QCOMPARE(cells, 300);
        QVERIFY(
            view.matrixTitle().contains(QLocale().toString(view.matrix().errorPercent(), 'f', 2)));
        QCOMPARE(view.gallery()->rowCount(), view.matrix().total() - view.matrix().correct());

        // A gallery image's top 3: its prediction first, in order.
        const int image = view.gallery()->index(0).data(MisclassifiedModel::IndexRole).toInt();
        view.selectImage(image);
        const auto top = view.selectedTopK();
        QCOMPARE(top.size(), 3);
        QCOMPARE(top[0].label, view.predictions()->predicted(image));
        QVERIFY(top[0].probability >= top[1].probability);
        QVERIFY(view.predictions()->label(image) != top[0].label);

        // A cell of the matrix narrows the gallery to its pair.
        const int truth = view.predictions()->label(image);
        view.gallery()->setPair(truth, top[0].label);
        QCOMPARE(view.gallery()->rowCount(), view.matrix().at(truth, top[0].label));
    }

    // With RX_SCREENSHOT_DIR set and the real dataset: the Dataset view with the augmentation on,
    // as a class sees it.
    void datasetViewScreenshot() {
        const QString dir = qEnvironmentVariable("RX_SCREENSHOT_DIR");
        const QString real = test::realCifarDir();
        if (dir.isEmpty() || real.isEmpty())
            QSKIP("RX_SCREENSHOT_DIR and CIFAR10_DIR make the screenshot");
        DatasetView view;
        view.setDataDirectory(real);
        view.resize(940, 720);
        view.show();
        QTRY_VERIFY_WITH_TIMEOUT(view.isLoaded(), 60000);
        view.setAugmentation(true);
        QTest::qWait(100);
        QVERIFY(view.grab().save(QDir(dir).filePath(QStringLiteral("dataset-augmented.png"))));
    }

    void predictionsViewWithoutCheckpointFails() {
        const QString empty = tmp_.filePath(QStringLiteral("runs/empty"));
        QVERIFY(QDir().mkpath(empty));
        PredictionsView view(nullptr);
        view.setDataDirectory(data_);
        view.show();
        QSignalSpy done(&view, &PredictionsView::evaluated);
        view.showRun(empty);
        QCOMPARE(done.size(), 1);
        QVERIFY(!view.hasPredictions());
        QVERIFY(view.errorText().contains(QLatin1String("checkpoint")));
        QCOMPARE(view.statusLabel()->text(), view.errorText());
        QCOMPARE(view.matrix().total(), 0);
    }

    void changingTheRunCancelsTheEvaluation() {
        PredictionsView view(nullptr);
        view.setDataDirectory(data_);
        view.showRun(run_);
        QVERIFY(view.isEvaluating());
        view.showRun(tmp_.filePath(QStringLiteral("runs/empty")));  // the first one is dropped
        QVERIFY(!view.isEvaluating());
        QVERIFY(!view.errorText().isEmpty());
        // Destroying the view while it evaluates waits for its thread (no crash, no leak).
        auto* second = new PredictionsView(nullptr);
        second->setDataDirectory(data_);
        second->showRun(run_);
        delete second;
    }
};

QTEST_MAIN(TestClassroom)
#include "tst_classroom.moc"
