#include "activations.h"

#include "files.h"
#include "pipeline.h"
#include "run_folder.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>

#include <algorithm>
#include <cmath>

namespace rx {

namespace {

class Activations {
    Q_DECLARE_TR_FUNCTIONS(rx::Activations)
public:
    static QString notOpen() { return tr("no trained network is loaded"); }
    static QString badImage(int image, int count) {
        return tr("test image %1 does not exist (the test set has images 0 to %2)")
            .arg(image)
            .arg(count - 1);
    }
    static QString failed(const QString& weights, const QString& why) {
        return tr("cannot compute the activations of %1: %2").arg(weights, why);
    }
    static QString notASnapshot(const QString& path) {
        return tr("%1 is not an activation snapshot").arg(path);
    }
    static QString cannotRead(const QString& path, const QString& why) {
        return tr("cannot read %1: %2").arg(path, why);
    }
};

// The JSON's identity: a reader refuses other files.
constexpr const char* kKind = "activations";
constexpr int kVersion = 1;
// Significant digits kept in the JSON: the maps are for looking at, and six digits would triple
// the file (a ResNet-56 snapshot holds about 800,000 values).
constexpr int kDigits = 4;
// The colour scale's percentile of |value| (see BlockActivations::scale).
constexpr double kScalePercentile = 0.995;

FeatureMaps toMaps(const torch::Tensor& t) {
    FeatureMaps m;
    if (!t.defined())
        return m;
    const torch::Tensor c = t.detach().to(torch::kCPU, torch::kFloat).contiguous();
    m.channels = int(c.size(1));
    m.height = int(c.size(2));
    m.width = int(c.size(3));
    m.values.resize(qsizetype(c[0].numel()));
    std::copy_n(c.data_ptr<float>(), m.values.size(), m.values.begin());
    return m;
}

float blockScale(const BlockActivations& b) {
    std::vector<float> all;
    for (ActivationTap tap : kActivationTaps)
        for (float v : b.tap(tap).values)
            all.push_back(std::abs(v));
    if (all.empty())
        return 1;
    const size_t k = std::min(all.size() - 1, size_t(kScalePercentile * double(all.size())));
    std::nth_element(all.begin(), all.begin() + qsizetype(k), all.end());
    const float s = all[k];
    return s > 0 && std::isfinite(s) ? s : 1;
}

QJsonObject mapsJson(const FeatureMaps& m) {
    QJsonArray values;
    for (float v : m.values)
        values.append(QString::number(v, 'g', kDigits).toDouble());
    return QJsonObject{{"shape", QJsonArray{m.channels, m.height, m.width}}, {"values", values}};
}

bool mapsFromJson(const QJsonValue& json, FeatureMaps* m) {
    if (json.isNull() || json.isUndefined()) {
        *m = {};
        return true;
    }
    const QJsonArray shape = json.toObject().value("shape").toArray();
    const QJsonArray values = json.toObject().value("values").toArray();
    if (shape.size() != 3)
        return false;
    m->channels = shape[0].toInt();
    m->height = shape[1].toInt();
    m->width = shape[2].toInt();
    if (m->channels <= 0 || m->height <= 0 || m->width <= 0 ||
        qsizetype(m->channels) * m->height * m->width != values.size())
        return false;
    m->values.resize(values.size());
    for (qsizetype i = 0; i < values.size(); ++i)
        m->values[i] = float(values[i].toDouble());
    return true;
}

}  // namespace

double FeatureMaps::norm() const {
    double sum = 0;
    for (float v : values)
        sum += double(v) * double(v);
    return std::sqrt(sum);
}

const FeatureMaps& BlockActivations::tap(ActivationTap tap) const {
    switch (tap) {
        case ActivationTap::Input:
            return input;
        case ActivationTap::Residual:
            return branch;
        case ActivationTap::Output:
            break;
    }
    return output;
}

bool ActivationSnapshot::isResidual() const {
    return std::any_of(blocks.begin(), blocks.end(),
                       [](const BlockActivations& b) { return b.residual; });
}

QJsonObject ActivationSnapshot::toJson() const {
    QJsonArray topArray;
    for (const ClassProbability& p : top)
        topArray.append(QJsonObject{{"label", p.label},
                                    {"name", QLatin1String(kCifarClassNames[p.label])},
                                    {"probability", p.probability}});
    QJsonArray blockArray;
    for (const BlockActivations& b : blocks)
        blockArray.append(QJsonObject{
            {"name", b.name},
            {"residual", b.residual},
            {"downsampling", b.downsampling},
            {"scale", b.scale},
            {"residual_ratio",
             std::isfinite(b.residualRatio) ? QJsonValue(b.residualRatio) : QJsonValue()},
            {"input", mapsJson(b.input)},
            {"branch", b.residual ? QJsonValue(mapsJson(b.branch)) : QJsonValue()},
            {"output", mapsJson(b.output)},
        });
    QJsonArray pixelArray;
    for (char p : pixels)
        pixelArray.append(int(uchar(p)));
    return QJsonObject{
        {"kind", QLatin1String(kKind)},
        {"version", kVersion},
        {"architecture", architecture},
        {"image", image},
        {"label", label},
        {"label_name", QLatin1String(kCifarClassNames[label])},
        {"pixels", pixelArray},  // 3 × 32 × 32, channel planes, as in test_batch.bin
        {"top", topArray},
        {"maps_layout", QStringLiteral("channel, row, column")},
        {"blocks", blockArray},
    };
}

bool ActivationSnapshot::fromJson(const QJsonObject& json, ActivationSnapshot* snapshot,
                                  QString* error) {
    const auto bad = [error] {
        *error = Activations::notASnapshot(QStringLiteral("JSON"));
        return false;
    };
    if (json.value("kind").toString() != QLatin1String(kKind) ||
        json.value("version").toInt() != kVersion || !json.value("blocks").isArray())
        return bad();
    ActivationSnapshot s;
    s.architecture = json.value("architecture").toString();
    s.image = json.value("image").toInt(-1);
    s.label = json.value("label").toInt(-1);
    if (s.image < 0 || s.label < 0 || s.label >= kCifarClasses)
        return bad();
    const QJsonArray pixelArray = json.value("pixels").toArray();
    if (pixelArray.size() != kCifarImageBytes)
        return bad();
    for (const QJsonValue& v : pixelArray)
        s.pixels.append(char(v.toInt()));
    for (const QJsonValue& v : json.value("top").toArray()) {
        const QJsonObject o = v.toObject();
        const int label = o.value("label").toInt(-1);
        if (label < 0 || label >= kCifarClasses)
            return bad();
        s.top << ClassProbability{label, float(o.value("probability").toDouble())};
    }
    for (const QJsonValue& v : json.value("blocks").toArray()) {
        const QJsonObject o = v.toObject();
        BlockActivations b;
        b.name = o.value("name").toString();
        b.residual = o.value("residual").toBool();
        b.downsampling = o.value("downsampling").toBool();
        b.scale = float(o.value("scale").toDouble(1));
        b.residualRatio = o.value("residual_ratio").toDouble(std::nan(""));
        if (b.name.isEmpty() || !mapsFromJson(o.value("input"), &b.input) ||
            !mapsFromJson(o.value("branch"), &b.branch) ||
            !mapsFromJson(o.value("output"), &b.output) || b.input.isEmpty() ||
            b.output.isEmpty() || b.residual == b.branch.isEmpty())
            return bad();
        s.blocks << b;
    }
    if (s.blocks.isEmpty())
        return bad();
    *snapshot = std::move(s);
    return true;
}

struct ActivationProbe::State {
    QString weights;
    TestBench bench;  // the whole test set, in file order
};

ActivationProbe::ActivationProbe() = default;
ActivationProbe::~ActivationProbe() = default;

bool ActivationProbe::open(const QString& weights, const QString& dataDir, QString* error,
                           int threads) {
    state_.reset();
    torch::set_num_threads(threads > 0 ? threads : QThread::idealThreadCount());
    try {
        auto s = std::make_unique<State>();
        s->weights = weights;
        // All of the test set, in file order: image i is record i of test_batch.bin.
        if (!prepareTestBench(weights, dataDir, 0, nullptr, &s->bench, error))
            return false;
        s->bench.loaded.model->foldForInference();
        state_ = std::move(s);
        return true;
    } catch (const std::exception& e) {
        *error = Activations::failed(weights, errorText(e));
        return false;
    }
}

bool ActivationProbe::isOpen() const {
    return state_ != nullptr;
}

QString ActivationProbe::weights() const {
    return state_ ? state_->weights : QString();
}

int ActivationProbe::images() const {
    return state_ ? int(state_->bench.split.size()) : 0;
}

bool ActivationProbe::compute(int image, ActivationSnapshot* snapshot, QString* error) {
    if (!state_) {
        *error = Activations::notOpen();
        return false;
    }
    if (image < 0 || image >= images()) {
        *error = Activations::badImage(image, images());
        return false;
    }
    try {
        torch::InferenceMode inference;
        TestBench& bench = state_->bench;
        Network& net = bench.loaded.model;
        ActivationSnapshot s;
        s.architecture = bench.loaded.spec.name;
        s.image = image;
        s.label = int(bench.split.labels[image].item<int64_t>());
        s.pixels = bench.sample.images.mid(qsizetype(image) * kCifarImageBytes, kCifarImageBytes);

        std::vector<BlockTap> taps;
        const torch::Tensor x = bench.norm(bench.split.images.slice(0, image, image + 1));
        const torch::Tensor logits = net->forward(x, ForwardProbe{nullptr, &taps, {}});
        const torch::Tensor p = torch::softmax(logits.to(torch::kCPU, torch::kFloat), 1)[0];
        s.top = topK({p.data_ptr<float>(), size_t(p.numel())}, kActivationTop);

        const QStringList names = net->blockNames();
        for (size_t i = 0; i < taps.size(); ++i) {
            BlockActivations b;
            b.name = names.value(int(i));
            b.residual = net->blocks()[i]->isResidual();
            b.downsampling = net->blocks()[i]->changesShape();
            b.input = toMaps(taps[i].input);
            b.output = toMaps(taps[i].output);
            if (b.residual) {
                b.branch = toMaps(taps[i].residual);
                // ‖F(x)‖ / ‖x‖, with x as the addition sees it (the shortcut's output).
                const double through = taps[i].shortcut.norm().item<double>();
                b.residualRatio = through > 0 ? b.branch.norm() / through : std::nan("");
            } else {
                b.residualRatio = std::nan("");
            }
            b.scale = blockScale(b);
            s.blocks << b;
        }
        *snapshot = std::move(s);
        return true;
    } catch (const std::exception& e) {
        *error = Activations::failed(state_->weights, errorText(e));
        return false;
    }
}

bool writeActivations(const QString& runDir, const ActivationSnapshot& snapshot, QString* error) {
    return writeFileAtomically(QDir(runDir).filePath(QLatin1String(kRunActivationsFile)),
                               QJsonDocument(snapshot.toJson()).toJson(QJsonDocument::Compact),
                               error);
}

bool readActivations(const QString& path, ActivationSnapshot* snapshot, QString* error) {
    const QString file =
        QFileInfo(path).isDir() ? QDir(path).filePath(QLatin1String(kRunActivationsFile)) : path;
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = Activations::cannotRead(file, f.errorString());
        return false;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll());
    if (!doc.isObject() || !ActivationSnapshot::fromJson(doc.object(), snapshot, error)) {
        *error = Activations::notASnapshot(file);
        return false;
    }
    return true;
}

}  // namespace rx
