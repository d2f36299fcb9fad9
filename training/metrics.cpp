#include "metrics.h"

#include "run_folder.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <type_traits>

namespace rx {

namespace {

class Metrics {
    Q_DECLARE_TR_FUNCTIONS(rx::Metrics)
public:
    static QString cannotOpen(const QString& path, const QString& why) {
        return tr("cannot open %1: %2").arg(path, why);
    }
    static QString cannotWrite(const QString& path, const QString& why) {
        return tr("cannot write %1: %2").arg(path, why);
    }
    static QString skipped(int lines) {
        return tr("%1: %n damaged line(s) skipped", nullptr, lines)
            .arg(QLatin1String(kRunMetricsFile));
    }
};

// Non-finite values (a plain block's residual ratio, a diverged run's norms) are JSON null.
QJsonArray numbers(const QVector<double>& values) {
    QJsonArray a;
    for (double v : values)
        a.append(std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null));
    return a;
}

// A line's fields are checked as they are read: a value of the wrong type makes the line damaged
// (a missing one keeps its default, as in files of earlier versions).
bool number(const QJsonObject& o, const char* key, double* out) {
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined())
        return true;
    if (v.isNull()) {  // how a non-finite value is written
        *out = std::numeric_limits<double>::quiet_NaN();
        return true;
    }
    *out = v.toDouble();
    return v.isDouble();
}

bool numbers(const QJsonObject& o, const char* key, QVector<double>* out) {
    const QJsonValue value = o.value(QLatin1String(key));
    if (value.isUndefined())
        return true;
    if (!value.isArray())
        return false;
    out->clear();
    for (const auto& v : value.toArray()) {
        if (!v.isDouble() && !v.isNull())
            return false;
        *out << (v.isDouble() ? v.toDouble() : std::numeric_limits<double>::quiet_NaN());
    }
    return true;
}

bool strings(const QJsonObject& o, const char* key, QStringList* out) {
    const QJsonValue value = o.value(QLatin1String(key));
    if (value.isUndefined())
        return true;
    if (!value.isArray())
        return false;
    out->clear();
    for (const auto& v : value.toArray()) {
        if (!v.isString())
            return false;
        *out << v.toString();
    }
    return true;
}

}  // namespace

namespace {

bool sameValues(const QVector<double>& a, const QVector<double>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](double x, double y) {
        return x == y || (std::isnan(x) && std::isnan(y));
    });
}

}  // namespace

bool BlockDynamics::operator==(const BlockDynamics& o) const {
    return iteration == o.iteration && epoch == o.epoch && blocks == o.blocks &&
           sameValues(residualRatio, o.residualRatio) &&
           sameValues(activationGradient, o.activationGradient);
}

QString durationText(double seconds) {
    const qint64 s = qint64(std::max(0.0, seconds));
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3")
            .arg(s / 3600)
            .arg((s % 3600) / 60, 2, 10, QLatin1Char('0'))
            .arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

namespace {

// ---- Each kind's own fields (the registry adds "type", "iteration" and "epoch") ----

void writeFields(const TrainMetrics& m, QJsonObject& o) {
    o["loss"] = m.loss;
    o["error"] = m.error;
    o["lr"] = m.learningRate;
    o["images_per_second"] = m.imagesPerSecond;
}
bool readFields(const QJsonObject& o, TrainMetrics& m) {
    return number(o, "loss", &m.loss) && number(o, "error", &m.error) &&
           number(o, "lr", &m.learningRate) && number(o, "images_per_second", &m.imagesPerSecond);
}

void writeFields(const TestMetrics& m, QJsonObject& o) {
    o["loss"] = m.loss;
    o["error"] = m.error;
    o["split"] = m.validation ? QStringLiteral("validation") : QStringLiteral("test");
}
bool readFields(const QJsonObject& o, TestMetrics& m) {
    const QJsonValue split = o.value("split");
    m.validation = split.toString() == QLatin1String("validation");
    return number(o, "loss", &m.loss) && number(o, "error", &m.error) &&
           (split.isUndefined() || split.toString() == QLatin1String("test") || m.validation);
}

void writeFields(const LayerResponses& m, QJsonObject& o) {
    o["layers"] = QJsonArray::fromStringList(m.layers);
    o["std"] = numbers(m.std);
}
// One value per name: the plots index one list by the other.
bool readFields(const QJsonObject& o, LayerResponses& m) {
    return strings(o, "layers", &m.layers) && numbers(o, "std", &m.std) &&
           m.std.size() == m.layers.size();
}

void writeFields(const GradientNorms& m, QJsonObject& o) {
    o["layers"] = QJsonArray::fromStringList(m.layers);
    o["norms"] = numbers(m.norms);
}
bool readFields(const QJsonObject& o, GradientNorms& m) {
    return strings(o, "layers", &m.layers) && numbers(o, "norms", &m.norms) &&
           m.norms.size() == m.layers.size();
}

void writeFields(const BlockDynamics& m, QJsonObject& o) {
    o["blocks"] = QJsonArray::fromStringList(m.blocks);
    o["residual_ratio"] = numbers(m.residualRatio);
    o["activation_gradient"] = numbers(m.activationGradient);
}
bool readFields(const QJsonObject& o, BlockDynamics& m) {
    return strings(o, "blocks", &m.blocks) && numbers(o, "residual_ratio", &m.residualRatio) &&
           numbers(o, "activation_gradient", &m.activationGradient) &&
           m.residualRatio.size() == m.blocks.size() &&
           m.activationGradient.size() == m.blocks.size();
}

// ---- The registry ----

template <typename T>
QJsonObject fieldsOf(const MetricRecord& record) {
    QJsonObject o;
    writeFields(std::get<T>(record), o);
    return o;
}

template <typename T>
std::optional<MetricRecord> recordOf(const QJsonObject& o) {
    T m;
    const QJsonValue iteration = o.value("iteration"), epoch = o.value("epoch");
    const double it = iteration.toDouble(-1);
    m.epoch = epoch.toDouble();
    if (!iteration.isDouble() || it < 0 || it > std::numeric_limits<int>::max() ||
        std::floor(it) != it || !epoch.isDouble() || !readFields(o, m))
        return std::nullopt;
    m.iteration = int(it);
    return m;
}

// The MetricKind of a record struct: its index in MetricRecord.
template <typename T, std::size_t I = 0>
constexpr MetricKind kindOfStruct() {
    if constexpr (std::is_same_v<T, std::variant_alternative_t<I, MetricRecord>>)
        return MetricKind(I);
    else
        return kindOfStruct<T, I + 1>();
}

template <typename T>
constexpr MetricKindInfo row(const char* type) {
    return {kindOfStruct<T>(), type, fieldsOf<T>, recordOf<T>};
}

// In MetricKind order.
constexpr MetricKindInfo kMetricKinds[] = {
    row<TrainMetrics>("train"),      row<TestMetrics>("test"),     row<LayerResponses>("responses"),
    row<GradientNorms>("gradients"), row<BlockDynamics>("blocks"),
};
static_assert(std::size(kMetricKinds) == kMetricKindCount, "one row per MetricRecord alternative");
static_assert(
    [] {
        for (int i = 0; i < kMetricKindCount; ++i)
            if (kMetricKinds[i].kind != MetricKind(i))
                return false;
        return true;
    }(),
    "kMetricKinds is in MetricKind order");

}  // namespace

std::span<const MetricKindInfo> metricKinds() {
    return kMetricKinds;
}

const MetricKindInfo& metricKindInfo(MetricKind kind) {
    return kMetricKinds[int(kind)];
}

std::optional<MetricKind> metricKindFromType(const QString& type) {
    for (const MetricKindInfo& info : kMetricKinds)
        if (type == QLatin1String(info.type))
            return info.kind;
    return std::nullopt;
}

int iterationOf(const MetricRecord& record) {
    return std::visit([](const auto& m) { return m.iteration; }, record);
}

double epochOf(const MetricRecord& record) {
    return std::visit([](const auto& m) { return m.epoch; }, record);
}

QJsonObject toJson(const MetricRecord& record) {
    const MetricKindInfo& info = metricKindInfo(kindOf(record));
    QJsonObject o = info.toJson(record);
    o["type"] = QLatin1String(info.type);
    o["iteration"] = iterationOf(record);
    o["epoch"] = epochOf(record);
    return o;
}

QByteArray metricLine(const MetricRecord& record) {
    return QJsonDocument(toJson(record)).toJson(QJsonDocument::Compact) + '\n';
}

std::optional<MetricRecord> parseMetricLine(const QByteArray& line) {
    const QJsonDocument doc = QJsonDocument::fromJson(line);
    if (!doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    const auto kind = metricKindFromType(o.value("type").toString());
    if (!kind)
        return std::nullopt;
    return metricKindInfo(*kind).fromJson(o);
}

bool MetricsTail::read(Update* update, QString* error, bool toEnd) {
    *update = {};
    QFile file(path_);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = Metrics::cannotOpen(path_, file.errorString());
        return false;
    }
    // Still the file read so far: at least as long, and the last line read is still there.
    const qint64 lineStart = offset_ - lastLine_.size();
    if (offset_ > 0 && (file.size() < offset_ || !file.seek(lineStart) ||
                        file.read(lastLine_.size()) != lastLine_)) {
        offset_ = 0;
        lastLine_.clear();
        update->restarted = true;
    }
    if (!file.seek(offset_))
        return true;
    const QByteArray data = file.readAll();
    qsizetype begin = 0;
    while (begin < data.size()) {
        qsizetype end = data.indexOf('\n', begin);
        if (end < 0) {
            if (!toEnd)
                break;  // still being written
            end = data.size() - 1;
        }
        const QByteArray line = data.mid(begin, end - begin + 1);
        begin = end + 1;
        offset_ += line.size();
        lastLine_ = line;
        if (line.trimmed().isEmpty())
            continue;
        if (auto record = parseMetricLine(line)) {
            names_.share(*record);
            update->records << std::move(*record);
        } else
            ++update->skippedLines;
    }
    return true;
}

bool readMetrics(const QString& path, MetricsLog* log, QString* error) {
    MetricsTail tail(path);
    MetricsTail::Update all;
    if (!tail.read(&all, error, true))
        return false;
    *log = {};
    log->records = std::move(all.records);
    log->skippedLines = all.skippedLines;
    log->train = log->all<TrainMetrics>();
    log->test = log->all<TestMetrics>();
    log->responses = log->all<LayerResponses>();
    log->gradients = log->all<GradientNorms>();
    return true;
}

QString skippedLinesText(int skippedLines) {
    return skippedLines > 0 ? Metrics::skipped(skippedLines) : QString();
}

bool truncateMetrics(const QString& path, int iteration, QString* error) {
    QFile in(path);
    if (!in.exists())
        return true;
    if (!in.open(QIODevice::ReadOnly)) {
        if (error)
            *error = Metrics::cannotOpen(path, in.errorString());
        return false;
    }
    QByteArray kept;
    while (!in.atEnd()) {
        const QByteArray line = in.readLine();
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (!o.isEmpty() && o.value("iteration").toInt() <= iteration)
            kept += line;
    }
    in.close();
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(kept) < 0 || !out.commit()) {
        if (error)
            *error = Metrics::cannotOpen(path, out.errorString());
        return false;
    }
    return true;
}

bool MetricsWriter::open(const QString& path, QString* error) {
    file_ = std::make_unique<QFile>(path);
    // Unbuffered: each line reaches write(2) whole or fails there, never later from a buffer.
    if (!file_->open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text |
                     QIODevice::Unbuffered)) {
        if (error)
            *error = Metrics::cannotOpen(path, file_->errorString());
        file_.reset();
        return false;
    }
    return true;
}

void MetricsWriter::write(const QJsonObject& object) {
    if (!file_ || failed())
        return;
    const QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
    const qint64 before = file_->size();
    if (file_->write(line) != line.size() || !file_->flush()) {
        error_ =
            Metrics::cannotWrite(QDir::toNativeSeparators(file_->fileName()), file_->errorString());
        file_->resize(before);  // no torn line (a full disk may have taken half of it)
    }
}

void registerMetricTypes() {
    qRegisterMetaType<TrainMetrics>();
    qRegisterMetaType<TestMetrics>();
    qRegisterMetaType<LayerResponses>();
    qRegisterMetaType<GradientNorms>();
    qRegisterMetaType<BlockDynamics>();
    qRegisterMetaType<TrainingProgress>();
    qRegisterMetaType<MetricRecord>();
}

}  // namespace rx
