// The values the trainer reports, as plain structs that cross threads in queued signals, and
// their one-JSON-object-per-line form in RUN_DIR/metrics.jsonl (field "type").
#pragma once

#include <QFile>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>

#include <memory>

namespace rx {

// Loss and error averaged over the last K iterations.
struct TrainMetrics {
    int iteration = 0;
    double epoch = 0;
    double loss = 0;
    double error = 0;  // %
    double learningRate = 0;
    double imagesPerSecond = 0;
};

// Loss and error on the whole test set (or the validation split).
struct TestMetrics {
    int iteration = 0;
    double epoch = 0;
    double loss = 0;
    double error = 0;  // %
    bool validation = false;
};

// Fig. 7: std of each 3×3 layer's output after BN, before addition/ReLU, on a fixed probe set.
struct LayerResponses {
    int iteration = 0;
    double epoch = 0;
    QStringList layers;
    QVector<double> std;
};

// L2 norm of the gradient of each conv and fc weight.
struct GradientNorms {
    int iteration = 0;
    double epoch = 0;
    QStringList layers;
    QVector<double> norms;
};

struct TrainingProgress {
    int iteration = 0;
    int totalIterations = 0;
    double epoch = 0;
    double imagesPerSecond = 0;
    double etaSeconds = 0;
};

// A duration as the CLI and the dashboard show it: "2:05", "1:02:03".
QString durationText(double seconds);

QJsonObject toJson(const TrainMetrics& m);
QJsonObject toJson(const TestMetrics& m);
QJsonObject toJson(const LayerResponses& m);
QJsonObject toJson(const GradientNorms& m);

// Metrics read back from a metrics.jsonl, in file order.
struct MetricsLog {
    QVector<TrainMetrics> train;
    QVector<TestMetrics> test;
    QVector<LayerResponses> responses;
    QVector<GradientNorms> gradients;
};
// Reads a metrics.jsonl; lines that are not valid JSON (e.g. a line cut by a crash) are skipped.
bool readMetrics(const QString& path, MetricsLog* log, QString* error);
// Drops every line after `iteration` (used when a run resumes from a checkpoint).
bool truncateMetrics(const QString& path, int iteration, QString* error);

// Appends one JSON object per line and flushes each line.
class MetricsWriter {
public:
    bool open(const QString& path, QString* error);
    void write(const QJsonObject& object);

private:
    std::unique_ptr<QFile> file_;
};

void registerMetricTypes();

}  // namespace rx

Q_DECLARE_METATYPE(rx::TrainMetrics)
Q_DECLARE_METATYPE(rx::TestMetrics)
Q_DECLARE_METATYPE(rx::LayerResponses)
Q_DECLARE_METATYPE(rx::GradientNorms)
Q_DECLARE_METATYPE(rx::TrainingProgress)
