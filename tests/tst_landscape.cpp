// The loss landscape's computation (Li et al. 2018; issue 11): filter-normalised directions, the
// centre agrees with the app's evaluation (evaluateSplit), the images, the grid's order and the
// options' checks. tst_landscape_view covers the JSON, contours, plots, the CLI and the view.
#include "cifar_fixture.h"
#include "landscape.h"
#include "landscape_directions.h"
#include "pipeline.h"
#include "presets.h"
#include "run_fixture.h"
#include "run_folder.h"
#include "spec_json.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace rx;

class TestLandscape : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    QString data_;  // synthetic CIFAR-10
    QString run_;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(tmp_.isValid());
        torch::set_num_threads(2);
        data_ = tmp_.filePath(QStringLiteral("cifar"));
        QVERIFY(test::writeSyntheticCifar(data_, 200, 50));
        run_ = tmp_.filePath(QStringLiteral("runs/tiny"));
        test::writeTinyRun(run_);
    }

    void directionsAreFilterNormalized() {
        torch::manual_seed(3);
        Network net(*preset(QStringLiteral("resnet-20")));
        std::vector<torch::Tensor> w;
        std::vector<std::string> names;
        for (const auto& item : net->named_parameters()) {
            w.push_back(item.value().detach().clone());
            names.push_back(item.key());
        }
        at::Generator g = makeGenerator(1, 2, 3);
        const std::vector<torch::Tensor> d = filterNormalizedDirection(w, g);
        QCOMPARE(d.size(), w.size());
        int filters = 0, oneD = 0;
        bool sawFc = false;
        for (size_t k = 0; k < w.size(); ++k) {
            QCOMPARE(d[k].sizes(), w[k].sizes());
            if (w[k].dim() <= 1) {  // biases, BN weights and biases
                QCOMPARE(d[k].abs().max().item<double>(), 0.0);
                ++oneD;
                continue;
            }
            sawFc = sawFc || names[k] == "fc.weight";
            const torch::Tensor dn = d[k].flatten(1).norm(2, {1});
            const torch::Tensor wn = w[k].flatten(1).norm(2, {1});
            for (int64_t f = 0; f < dn.size(0); ++f) {
                const double a = dn[f].item<double>(), b = wn[f].item<double>();
                QVERIFY2(std::abs(a - b) <= 1e-5 * b,
                         qPrintable(QStringLiteral("%1 filter %2: %3 vs %4")
                                        .arg(QString::fromStdString(names[k]))
                                        .arg(f)
                                        .arg(a)
                                        .arg(b)));
                ++filters;
            }
            // Random, not the weights scaled: the direction is not parallel to the weights.
            const double cosine =
                (d[k] * w[k]).sum().item<double>() / (d[k].norm() * w[k].norm()).item<double>();
            QVERIFY(std::abs(cosine) < 0.9);
        }
        QVERIFY(sawFc);
        QVERIFY(oneD > 0);
        QVERIFY(filters > 100);
        // The same generator state gives the same direction; moving and back restores exactly.
        at::Generator again = makeGenerator(1, 2, 3);
        QVERIFY(torch::equal(filterNormalizedDirection(w, again)[0], d[0]));
        std::vector<torch::Tensor> params;
        for (const auto& p : net->parameters())
            params.push_back(p);
        moveWeights(params, w, d, d, 0.5, -0.25);
        QVERIFY(!torch::equal(params[0], w[0]));
        QVERIFY(torch::allclose(params[0], w[0] + 0.25 * d[0]));
        moveWeights(params, w, d, d, 0, 0);
        for (size_t k = 0; k < w.size(); ++k)
            QVERIFY(torch::equal(params[k], w[k]));
    }

    void centreIsTheEvaluatedLoss() {
        LandscapeOptions options;
        options.grid = 3;
        options.range = 0.5;
        options.images = 300;
        options.dataDir = data_;
        options.threads = 2;
        int points = 0;
        QVector<QPair<int, int>> visited;
        options.onPoint = [&](const LandscapePoint& p, int done, int total) {
            ++points;
            visited.append({p.i, p.j});
            QCOMPARE(done, points);
            QCOMPARE(total, 9);
        };
        Landscape l;
        QString error;
        QVERIFY2(computeLandscape(run_, options, &l, &error), qPrintable(error));
        QVERIFY(l.isValid());
        QCOMPARE(points, 9);
        const QSet<QPair<int, int>> distinct(visited.cbegin(), visited.cend());
        QCOMPARE(distinct.size(), 9);
        QCOMPARE(l.images, 300);
        QCOMPARE(l.iteration, 10);

        // The app's evaluation of the same weights on the same images.
        LoadedModel loaded;
        QVERIFY2(loadTrainedModel(run_, &loaded, &error), qPrintable(error));
        CifarSplit images;
        QVERIFY2(landscapeImages(data_, 300, &images, &error), qPrintable(error));
        QCOMPARE(images.size(), 300);
        const DeviceSplit split = toDevice(images, 0, images.size(), torch::kCPU);
        const SplitEvaluation e =
            evaluateSplit(loaded.model, split, savedNormalizer(loaded.info, split.images),
                          TrainConfig{}.testBatchSize);
        QVERIFY2(std::abs(l.centreLoss() - e.loss) <= 1e-5 * e.loss,
                 qPrintable(QStringLiteral("%1 vs %2")
                                .arg(l.centreLoss(), 0, 'g', 10)
                                .arg(e.loss, 0, 'g', 10)));
        QCOMPARE(l.error[4], e.error);
        // The other points moved the weights: every one differs from the centre.
        for (int k = 0; k < 9; ++k)
            if (k != 4)
                QVERIFY(std::abs(l.loss[k] - e.loss) > 1e-6 * e.loss);
        // The same seed gives the same landscape, another seed another one.
        Landscape same, other;
        options.onPoint = {};
        QVERIFY(computeLandscape(run_, options, &same, &error));
        QCOMPARE(same.loss, l.loss);
        options.seed = 2;
        QVERIFY(computeLandscape(run_, options, &other, &error));
        QCOMPARE(other.centreLoss(), l.centreLoss());
        QVERIFY(other.loss != l.loss);
    }

    void landscapeImagesSpreadOverTheTrainingBatches() {
        CifarSplit images;
        QString error;
        QVERIFY(landscapeImages(data_, 5, &images, &error));
        QCOMPARE(images.size(), 5);
        // One image of each batch file: the k-th is the first record of data_batch_{k+1}.
        for (int b = 0; b < 5; ++b) {
            CifarSplit batch;
            QVERIFY(
                readCifarBatch(QDir(data_).filePath(QStringLiteral("data_batch_%1.bin").arg(b + 1)),
                               &batch, &error));
            QCOMPARE(images.images.mid(b * kCifarImageBytes, kCifarImageBytes),
                     batch.images.left(kCifarImageBytes));
        }
        QVERIFY(landscapeImages(data_, 100000, &images, &error));
        QCOMPARE(images.size(), 1000);
        QVERIFY(!landscapeImages(tmp_.filePath(QStringLiteral("none")), 10, &images, &error));
        QVERIFY(error.contains(QLatin1String("data_batch_1.bin")));
    }

    void orderVisitsEveryPointOnceFromTheCentre() {
        for (int grid : {3, 5, 21}) {
            const auto order = landscapeOrder(grid);
            QCOMPARE(order.size(), grid * grid);
            QCOMPARE(order.first(), qMakePair(grid / 2, grid / 2));
            QSet<int> seen;
            int ring = 0;
            for (const auto& [i, j] : order) {
                seen.insert(j * grid + i);
                const int r = std::max(std::abs(i - grid / 2), std::abs(j - grid / 2));
                QVERIFY(r >= ring);
                ring = r;
            }
            QCOMPARE(seen.size(), grid * grid);
        }
    }

    void optionsAreChecked() {
        LandscapeOptions o;
        QVERIFY(landscapeOptionsProblem(o).isEmpty());
        for (int grid : {0, 1, 2, 20, kLandscapeMaxGrid + 2}) {
            o.grid = grid;
            QVERIFY2(!landscapeOptionsProblem(o).isEmpty(), qPrintable(QString::number(grid)));
        }
        o.grid = 5;
        for (double range : {0.0, -1.0, std::nan("")}) {
            o.range = range;
            QVERIFY(!landscapeOptionsProblem(o).isEmpty());
        }
        o.range = 1;
        o.images = 0;
        QVERIFY(!landscapeOptionsProblem(o).isEmpty());
    }
};

QTEST_MAIN(TestLandscape)
#include "tst_landscape.moc"
