#include "metrics.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <algorithm>

namespace rx {

namespace {

class Metrics {
    Q_DECLARE_TR_FUNCTIONS(rx::Metrics)
public:
    static QString cannotOpen(const QString& path, const QString& why) {
        return tr("cannot open %1: %2").arg(path, why);
    }
};

QJsonObject base(const char* type, int iteration, double epoch) {
    return {{"type", QLatin1String(type)}, {"iteration", iteration}, {"epoch", epoch}};
}

QJsonArray numbers(const QVector<double>& values) {
    QJsonArray a;
    for (double v : values)
        a.append(v);
    return a;
}

QVector<double> numbers(const QJsonValue& value) {
    QVector<double> out;
    for (const auto& v : value.toArray())
        out << v.toDouble();
    return out;
}

QStringList strings(const QJsonValue& value) {
    QStringList out;
    for (const auto& v : value.toArray())
        out << v.toString();
    return out;
}

}  // namespace

QString durationText(double seconds) {
    const qint64 s = qint64(std::max(0.0, seconds));
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3")
            .arg(s / 3600)
            .arg((s % 3600) / 60, 2, 10, QLatin1Char('0'))
            .arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QJsonObject toJson(const TrainMetrics& m) {
    QJsonObject o = base("train", m.iteration, m.epoch);
    o["loss"] = m.loss;
    o["error"] = m.error;
    o["lr"] = m.learningRate;
    o["images_per_second"] = m.imagesPerSecond;
    return o;
}

QJsonObject toJson(const TestMetrics& m) {
    QJsonObject o = base("test", m.iteration, m.epoch);
    o["loss"] = m.loss;
    o["error"] = m.error;
    o["split"] = m.validation ? QStringLiteral("validation") : QStringLiteral("test");
    return o;
}

QJsonObject toJson(const LayerResponses& m) {
    QJsonObject o = base("responses", m.iteration, m.epoch);
    o["layers"] = QJsonArray::fromStringList(m.layers);
    o["std"] = numbers(m.std);
    return o;
}

QJsonObject toJson(const GradientNorms& m) {
    QJsonObject o = base("gradients", m.iteration, m.epoch);
    o["layers"] = QJsonArray::fromStringList(m.layers);
    o["norms"] = numbers(m.norms);
    return o;
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
        const QJsonObject o = QJsonDocument::fromJson(file.readLine()).object();
        const QString type = o.value("type").toString();
        const int it = o.value("iteration").toInt();
        const double epoch = o.value("epoch").toDouble();
        if (type == QLatin1String("train")) {
            log->train.push_back({it, epoch, o["loss"].toDouble(), o["error"].toDouble(),
                                  o["lr"].toDouble(), o["images_per_second"].toDouble()});
        } else if (type == QLatin1String("test")) {
            log->test.push_back({it, epoch, o["loss"].toDouble(), o["error"].toDouble(),
                                 o["split"].toString() == QLatin1String("validation")});
        } else if (type == QLatin1String("responses")) {
            log->responses.push_back({it, epoch, strings(o["layers"]), numbers(o["std"])});
        } else if (type == QLatin1String("gradients")) {
            log->gradients.push_back({it, epoch, strings(o["layers"]), numbers(o["norms"])});
        }
    }
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
    if (!file_->open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text)) {
        if (error)
            *error = Metrics::cannotOpen(path, file_->errorString());
        file_.reset();
        return false;
    }
    return true;
}

void MetricsWriter::write(const QJsonObject& object) {
    if (!file_)
        return;
    file_->write(QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n');
    file_->flush();
}

void registerMetricTypes() {
    qRegisterMetaType<TrainMetrics>();
    qRegisterMetaType<TestMetrics>();
    qRegisterMetaType<LayerResponses>();
    qRegisterMetaType<GradientNorms>();
    qRegisterMetaType<TrainingProgress>();
}

}  // namespace rx
