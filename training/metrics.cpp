#include "metrics.h"

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
};

// Non-finite values (a plain block's residual ratio, a diverged run's norms) are JSON null.
QJsonArray numbers(const QVector<double>& values) {
    QJsonArray a;
    for (double v : values)
        a.append(std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null));
    return a;
}

QVector<double> numbers(const QJsonValue& value) {
    QVector<double> out;
    for (const auto& v : value.toArray())
        out << (v.isDouble() ? v.toDouble() : std::numeric_limits<double>::quiet_NaN());
    return out;
}

QStringList strings(const QJsonValue& value) {
    QStringList out;
    for (const auto& v : value.toArray())
        out << v.toString();
    return out;
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
void readFields(const QJsonObject& o, TrainMetrics& m) {
    m.loss = o["loss"].toDouble();
    m.error = o["error"].toDouble();
    m.learningRate = o["lr"].toDouble();
    m.imagesPerSecond = o["images_per_second"].toDouble();
}

void writeFields(const TestMetrics& m, QJsonObject& o) {
    o["loss"] = m.loss;
    o["error"] = m.error;
    o["split"] = m.validation ? QStringLiteral("validation") : QStringLiteral("test");
}
void readFields(const QJsonObject& o, TestMetrics& m) {
    m.loss = o["loss"].toDouble();
    m.error = o["error"].toDouble();
    m.validation = o["split"].toString() == QLatin1String("validation");
}

void writeFields(const LayerResponses& m, QJsonObject& o) {
    o["layers"] = QJsonArray::fromStringList(m.layers);
    o["std"] = numbers(m.std);
}
void readFields(const QJsonObject& o, LayerResponses& m) {
    m.layers = strings(o["layers"]);
    m.std = numbers(o["std"]);
}

void writeFields(const GradientNorms& m, QJsonObject& o) {
    o["layers"] = QJsonArray::fromStringList(m.layers);
    o["norms"] = numbers(m.norms);
}
void readFields(const QJsonObject& o, GradientNorms& m) {
    m.layers = strings(o["layers"]);
    m.norms = numbers(o["norms"]);
}

void writeFields(const BlockDynamics& m, QJsonObject& o) {
    o["blocks"] = QJsonArray::fromStringList(m.blocks);
    o["residual_ratio"] = numbers(m.residualRatio);
    o["activation_gradient"] = numbers(m.activationGradient);
}
void readFields(const QJsonObject& o, BlockDynamics& m) {
    m.blocks = strings(o["blocks"]);
    m.residualRatio = numbers(o["residual_ratio"]);
    m.activationGradient = numbers(o["activation_gradient"]);
}

// ---- The registry ----

template <typename T>
QJsonObject fieldsOf(const MetricRecord& record) {
    QJsonObject o;
    writeFields(std::get<T>(record), o);
    return o;
}

template <typename T>
MetricRecord recordOf(const QJsonObject& o) {
    T m;
    m.iteration = o.value("iteration").toInt();
    m.epoch = o.value("epoch").toDouble();
    readFields(o, m);
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

bool readMetrics(const QString& path, MetricsLog* log, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = Metrics::cannotOpen(path, file.errorString());
        return false;
    }
    *log = {};
    while (!file.atEnd()) {
        const QByteArray line = file.readLine();
        if (line.trimmed().isEmpty())
            continue;
        if (auto record = parseMetricLine(line))
            log->records << std::move(*record);
        else
            ++log->skippedLines;
    }
    log->train = log->all<TrainMetrics>();
    log->test = log->all<TestMetrics>();
    log->responses = log->all<LayerResponses>();
    log->gradients = log->all<GradientNorms>();
    return true;
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
