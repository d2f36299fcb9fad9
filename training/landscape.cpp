#include "landscape.h"
#include "landscape_directions.h"

#include "files.h"
#include "pipeline.h"
#include "run_folder.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <mutex>
#include <thread>

namespace rx {

namespace {

class LandscapeText {
    Q_DECLARE_TR_FUNCTIONS(rx::Landscape)
public:
    static QString badGrid(int grid) {
        return tr("the grid must have an odd number of points per axis from 3 to %2, so that the "
                  "trained weights are its centre (got %1)")
            .arg(grid)
            .arg(kLandscapeMaxGrid);
    }
    static QString badRange() { return tr("the range must be a number above 0"); }
    static QString badImages() { return tr("at least one training image is needed"); }
    static QString notLandscape(const QString& source) {
        return tr("%1 holds no loss landscape").arg(source);
    }
    static QString cannotRead(const QString& path, const QString& why) {
        return tr("cannot read %1: %2").arg(path, why);
    }
    static QString noTrainingImages(const QString& dir) {
        return tr("%1 holds no CIFAR-10 training images (data_batch_1.bin … data_batch_5.bin)")
            .arg(dir);
    }
    static QString failed(const QString& weights, const QString& why) {
        return tr("cannot compute the landscape of %1: %2").arg(weights, why);
    }
    static QString cancelled(const QString& weights) {
        return tr("the landscape of %1 was cancelled").arg(weights);
    }
};

// The generator stream of the landscape's two directions ("LAND"), apart from training's.
constexpr quint64 kDirectionStream = 0x4c414e44;
constexpr int kTrainingBatches = 5;
constexpr double kNormEpsilon = 1e-10;  // as the paper's scripts: no division by zero

QJsonArray rows(const QVector<double>& values, int grid) {
    QJsonArray out;
    for (int j = 0; j < grid; ++j) {
        QJsonArray row;
        for (int i = 0; i < grid; ++i)
            row.append(values[j * grid + i]);
        out.append(row);
    }
    return out;
}

bool fromRows(const QJsonValue& value, int grid, QVector<double>* values) {
    const QJsonArray out = value.toArray();
    if (out.size() != grid)
        return false;
    values->clear();
    for (const QJsonValue& r : out) {
        const QJsonArray row = r.toArray();
        if (row.size() != grid)
            return false;
        for (const QJsonValue& v : row) {
            if (!v.isDouble())
                return false;
            values->append(v.toDouble());
        }
    }
    return true;
}

}  // namespace

QString landscapeOptionsProblem(const LandscapeOptions& options) {
    if (options.grid < 3 || options.grid > kLandscapeMaxGrid || options.grid % 2 == 0)
        return LandscapeText::badGrid(options.grid);
    if (!(options.range > 0) || !std::isfinite(options.range))
        return LandscapeText::badRange();
    if (options.images < 1 || options.batchSize < 1)
        return LandscapeText::badImages();
    return {};
}

bool Landscape::isValid() const {
    const qsizetype cells = qsizetype(grid) * grid;
    return grid >= 3 && grid % 2 == 1 && range > 0 && loss.size() == cells && error.size() == cells;
}

QVector<double> Landscape::sliceAlpha(const QVector<double>& values) const {
    return values.mid(centre() * grid, grid);
}

QVector<double> Landscape::sliceBeta(const QVector<double>& values) const {
    QVector<double> out;
    for (int j = 0; j < grid; ++j)
        out.append(values[j * grid + centre()]);
    return out;
}

QVector<QPair<int, int>> landscapeOrder(int grid) {
    const int c = grid / 2;
    QVector<QPair<int, int>> order;
    for (int j = 0; j < grid; ++j)
        for (int i = 0; i < grid; ++i)
            order.append({i, j});
    std::stable_sort(order.begin(), order.end(), [c](const auto& a, const auto& b) {
        return std::max(std::abs(a.first - c), std::abs(a.second - c)) <
               std::max(std::abs(b.first - c), std::abs(b.second - c));
    });
    return order;
}

QByteArray landscapeToJson(const Landscape& l) {
    QJsonArray coordinates;
    for (int i = 0; i < l.grid; ++i)
        coordinates.append(l.coordinate(i));
    const QJsonObject o{
        {"kind", QStringLiteral("loss landscape")},
        {"reference", QStringLiteral("Li, Xu, Taylor, Studer, Goldstein 2018, Visualizing the "
                                     "Loss Landscape of Neural Nets")},
        {"directions", QStringLiteral("two random Gaussian directions, filter-normalised; zero "
                                      "for biases and BN parameters")},
        {"architecture", l.architecture},
        {"iteration", l.iteration},
        {"split", QStringLiteral("train")},
        {"images", l.images},
        {"grid", l.grid},
        {"range", l.range},
        {"seed", QString::number(l.seed)},
        {"seconds", l.seconds},
        {"coordinates", coordinates},
        {"loss", rows(l.loss, l.grid)},
        {"error", rows(l.error, l.grid)},
    };
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

bool landscapeFromJson(const QByteArray& json, Landscape* landscape, QString* error,
                       const QString& source) {
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    Landscape l;
    l.architecture = o.value("architecture").toString();
    l.iteration = o.value("iteration").toInt();
    l.images = o.value("images").toInt();
    l.grid = o.value("grid").toInt();
    l.range = o.value("range").toDouble();
    l.seed = o.value("seed").toString().toULongLong();
    l.seconds = o.value("seconds").toDouble();
    if (o.value("kind").toString() != QLatin1String("loss landscape") || l.grid < 3 ||
        l.grid > kLandscapeMaxGrid || !fromRows(o.value("loss"), l.grid, &l.loss) ||
        !fromRows(o.value("error"), l.grid, &l.error) || !l.isValid()) {
        *error = LandscapeText::notLandscape(source.isEmpty() ? QStringLiteral("JSON") : source);
        return false;
    }
    *landscape = std::move(l);
    return true;
}

bool writeLandscape(const QString& runDir, const Landscape& landscape, QString* error) {
    return writeFileAtomically(QDir(runDir).filePath(QLatin1String(kRunLandscapeFile)),
                               landscapeToJson(landscape), error);
}

bool readLandscape(const QString& path, Landscape* landscape, QString* error) {
    const QString file =
        QFileInfo(path).isDir() ? QDir(path).filePath(QLatin1String(kRunLandscapeFile)) : path;
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = LandscapeText::cannotRead(file, f.errorString());
        return false;
    }
    return landscapeFromJson(f.readAll(), landscape, error, file);
}

bool landscapeImages(const QString& dataDir, int count, CifarSplit* images, QString* error) {
    const QDir dir(dataDir);
    if (dataDir.isEmpty() || !dir.exists(QStringLiteral("data_batch_1.bin"))) {
        *error = LandscapeText::noTrainingImages(dataDir);
        return false;
    }
    CifarSplit all;
    for (int b = 1; b <= kTrainingBatches; ++b) {
        CifarSplit batch;
        if (!readCifarBatch(dir.filePath(QStringLiteral("data_batch_%1.bin").arg(b)), &batch,
                            error))
            return false;
        all.images += batch.images;
        all.labels += batch.labels;
    }
    *images = spreadSample(all, 0, all.size(), std::min(count, all.size()));
    return true;
}

// ---------------------------------------------------------------------------------------------

void normalizeFilters(torch::Tensor& direction, const torch::Tensor& weight) {
    torch::NoGradGuard noGrad;
    if (direction.dim() <= 1) {
        direction.zero_();
        return;
    }
    const torch::Tensor dNorm = direction.flatten(1).norm(2, {1});
    const torch::Tensor wNorm = weight.flatten(1).norm(2, {1});
    std::vector<int64_t> shape(size_t(direction.dim()), 1);
    shape[0] = -1;
    direction.mul_((wNorm / (dNorm + kNormEpsilon)).view(shape));
}

std::vector<torch::Tensor> filterNormalizedDirection(const std::vector<torch::Tensor>& weights,
                                                     at::Generator& generator) {
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> direction;
    for (const torch::Tensor& w : weights) {
        // Drawn on the CPU (the generator's device) for every tensor, so the draws do not depend
        // on which tensors are 1-D or on the device.
        torch::Tensor d = torch::randn(w.sizes(), generator, torch::kFloat).to(w.device());
        normalizeFilters(d, w);
        direction.push_back(d);
    }
    return direction;
}

void moveWeights(const std::vector<torch::Tensor>& params, const std::vector<torch::Tensor>& w0,
                 const std::vector<torch::Tensor>& d1, const std::vector<torch::Tensor>& d2,
                 double alpha, double beta) {
    torch::NoGradGuard noGrad;
    for (size_t k = 0; k < params.size(); ++k) {
        torch::Tensor p = params[k];
        p.copy_(w0[k]);
        if (alpha != 0)
            p.add_(d1[k], alpha);
        if (beta != 0)
            p.add_(d2[k], beta);
    }
}

namespace {

// A copy of `model` (same spec, parameters and buffers) for another worker thread.
Network copyNetwork(const NetworkSpec& spec, Network& model) {
    Network copy(spec);
    torch::NoGradGuard noGrad;
    copy->to(model->parameters().front().device());
    auto from = model->named_parameters();
    for (auto& item : copy->named_parameters())
        item.value().copy_(from[item.key()]);
    auto fromBuffers = model->named_buffers();
    for (auto& item : copy->named_buffers())
        item.value().copy_(fromBuffers[item.key()]);
    return copy;
}

}  // namespace

bool computeLandscape(const QString& weights, const LandscapeOptions& options, Landscape* result,
                      QString* error) {
    if (const QString problem = landscapeOptionsProblem(options); !problem.isEmpty()) {
        *error = problem;
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    const int workers = options.threads > 0 ? options.threads : QThread::idealThreadCount();
    LoadedModel loaded;
    if (!loadTrainedModel(weights, &loaded, error))
        return false;
    CifarSplit images;
    if (!landscapeImages(options.dataDir, options.images, &images, error))
        return false;
    Landscape l;
    l.architecture = loaded.spec.name;
    l.iteration = loaded.info.iteration;
    l.grid = options.grid;
    l.range = options.range;
    l.images = images.size();
    l.seed = options.seed;
    l.loss.fill(0, l.grid * l.grid);
    l.error.fill(0, l.grid * l.grid);
    const auto order = landscapeOrder(l.grid);

    std::atomic<bool> stop{false};  // cancelled, or a worker failed
    std::atomic<qsizetype> next{0};
    std::mutex mutex;  // guards `done`, `failure` and the onPoint calls
    int done = 0;
    QString failure;
    try {
        torch::Device device(torch::kCPU);
        QString deviceName;
        if (!chooseDevice(DeviceChoice::Auto, &device, &deviceName, error))
            return false;
        loaded.model->to(device);
        const DeviceSplit split = toDevice(images, 0, images.size(), device);
        const Normalizer norm = savedNormalizer(loaded.info, split.images);
        std::vector<torch::Tensor> w0;
        for (const torch::Tensor& p : loaded.model->parameters())
            w0.push_back(p.detach().clone());
        at::Generator g1 = makeGenerator(options.seed, kDirectionStream, 0);
        at::Generator g2 = makeGenerator(options.seed, kDirectionStream, 1);
        const auto d1 = filterNormalizedDirection(w0, g1);
        const auto d2 = filterNormalizedDirection(w0, g2);

        // One worker per core, each single-threaded with its own copy of the network, taking
        // grid points in order: small convolutions keep one core busier than two cores share
        // one (bench_landscape: 0.69 of the sgemm rate against 0.33 for one two-threaded pass
        // of 1,000 images), and batches of kLandscapeBatchSize stay in the caches. New threads
        // take LibTorch's thread count when they first run an op, so it is 1 while they start.
        std::vector<Network> models{loaded.model};
        for (int w = 1; w < workers; ++w)
            models.push_back(copyNetwork(loaded.spec, loaded.model));
        torch::set_num_threads(1);
        auto work = [&](Network model) {
            try {
                std::vector<torch::Tensor> params = model->parameters();
                // A cancel stops the workers between batches.
                const BatchControl control{&stop, [&](int64_t, int64_t) {
                                               if (options.cancel && *options.cancel)
                                                   stop = true;
                                           }};
                for (qsizetype k = next++; k < order.size(); k = next++) {
                    if (stop || (options.cancel && *options.cancel)) {
                        stop = true;
                        break;
                    }
                    const auto [i, j] = order[k];
                    moveWeights(params, w0, d1, d2, l.coordinate(i), l.coordinate(j));
                    // evaluateSplit refolds BN into the moved convs (eval mode, running
                    // statistics).
                    const SplitEvaluation e =
                        evaluateSplit(model, split, norm, options.batchSize, nullptr, control);
                    if (!e.complete)
                        break;
                    l.loss[j * l.grid + i] = e.loss;
                    l.error[j * l.grid + i] = e.error;
                    std::lock_guard lock(mutex);
                    ++done;
                    if (options.onPoint)
                        options.onPoint({i, j, e.loss, e.error}, done, int(order.size()));
                }
                moveWeights(params, w0, d1, d2, 0, 0);
            } catch (const std::exception& e) {
                std::lock_guard lock(mutex);
                failure = errorText(e);
                stop = true;
            }
        };
        std::vector<std::thread> threads;
        for (int w = 1; w < workers; ++w)
            threads.emplace_back(work, models[size_t(w)]);
        work(models[0]);
        for (std::thread& t : threads)
            t.join();
    } catch (const std::exception& e) {
        failure = errorText(e);
    }
    torch::set_num_threads(workers);
    if (!failure.isEmpty()) {
        *error = LandscapeText::failed(weights, failure);
        return false;
    }
    if (done < order.size()) {
        *error = LandscapeText::cancelled(weights);
        return false;
    }
    l.seconds = timer.nsecsElapsed() / 1e9;
    *result = std::move(l);
    return true;
}

}  // namespace rx
