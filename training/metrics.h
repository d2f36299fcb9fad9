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
#include <optional>
#include <span>
#include <variant>

namespace rx {

// Loss and error averaged over the last K iterations.
struct TrainMetrics {
    int iteration = 0;
    double epoch = 0;
    double loss = 0;
    double error = 0;  // %
    double learningRate = 0;
    double imagesPerSecond = 0;

    bool operator==(const TrainMetrics&) const = default;
};

// Loss and error on the whole test set (or the validation split).
struct TestMetrics {
    int iteration = 0;
    double epoch = 0;
    double loss = 0;
    double error = 0;  // %
    bool validation = false;

    bool operator==(const TestMetrics&) const = default;
};

// Fig. 7: std of each 3×3 layer's output after BN, before addition/ReLU, on a fixed probe set.
struct LayerResponses {
    int iteration = 0;
    double epoch = 0;
    QStringList layers;
    QVector<double> std;

    bool operator==(const LayerResponses&) const = default;
};

// L2 norm of the gradient of each conv and fc weight.
struct GradientNorms {
    int iteration = 0;
    double epoch = 0;
    QStringList layers;
    QVector<double> norms;

    bool operator==(const GradientNorms&) const = default;
};

// Issue 11: what each block does, on the probe images (eval mode), one value per block
// ("layer1.0", …). The residual ratio ‖F(x)‖ / ‖s(x)‖, per image and averaged: the size of what
// a residual block adds relative to what its shortcut s carries past it (x itself for identity
// shortcuts; Jastrzębski et al. 2018), NaN for plain blocks. The activation gradient ‖∂L/∂y‖: the
// L2 norm of the gradient of the mean cross-entropy over the probe images with respect to the
// block's output y (not its weights): the signal that reaches the block from the loss.
struct BlockDynamics {
    int iteration = 0;
    double epoch = 0;
    QStringList blocks;
    QVector<double> residualRatio;
    QVector<double> activationGradient;

    bool operator==(const BlockDynamics& o) const;  // NaN equals NaN
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

// ---- The metric registry ----
// One metric record is one of the structs above; it flows as such from the trainer's signals or
// from metrics.jsonl to the plots. The order of the alternatives is MetricKind's order.
using MetricRecord =
    std::variant<TrainMetrics, TestMetrics, LayerResponses, GradientNorms, BlockDynamics>;
enum class MetricKind { Train, Test, Responses, Gradients, Blocks };
inline constexpr int kMetricKindCount = int(std::variant_size_v<MetricRecord>);

inline MetricKind kindOf(const MetricRecord& record) {
    return MetricKind(record.index());
}
int iterationOf(const MetricRecord& record);
double epochOf(const MetricRecord& record);

// One row per metric kind (metrics.cpp): its `type` in metrics.jsonl and how a record is written
// to and read from one line's JSON object. Adding a metric: its struct above, its alternative in
// MetricRecord and MetricKind, one row with its two functions in metrics.cpp.
struct MetricKindInfo {
    MetricKind kind;
    const char* type;  // the "type" field of its metrics.jsonl lines
    QJsonObject (*toJson)(const MetricRecord& record);
    // nullopt for a damaged line: a field of the wrong type, lists of different lengths.
    std::optional<MetricRecord> (*fromJson)(const QJsonObject& object);
};
std::span<const MetricKindInfo> metricKinds();
const MetricKindInfo& metricKindInfo(MetricKind kind);
std::optional<MetricKind> metricKindFromType(const QString& type);

// The JSON object of one record ("type", "iteration", "epoch" and its own fields). Takes the
// structs above directly too: metrics_.write(toJson(trainMetrics)).
QJsonObject toJson(const MetricRecord& record);
// One metrics.jsonl line, with its '\n'.
QByteArray metricLine(const MetricRecord& record);
// The record of one metrics.jsonl line; nullopt for a line that is not JSON, of unknown type or
// damaged (a field of the wrong type, names and values of different lengths).
std::optional<MetricRecord> parseMetricLine(const QByteArray& line);

// Metrics read back from a metrics.jsonl.
struct MetricsLog {
    QVector<MetricRecord> records;  // every record, in file order
    int skippedLines = 0;           // not records (parseMetricLine), e.g. cut by a crash

    // The records of one kind, in file order.
    template <typename T>
    QVector<T> all() const {
        QVector<T> out;
        for (const MetricRecord& r : records)
            if (const T* t = std::get_if<T>(&r))
                out << *t;
        return out;
    }
    // The same records by kind (filled by readMetrics; kept for the trainer and its tests).
    QVector<TrainMetrics> train;
    QVector<TestMetrics> test;
    QVector<LayerResponses> responses;
    QVector<GradientNorms> gradients;
};
// Reads a metrics.jsonl; every line that is not a record (parseMetricLine) is skipped and counted
// in log->skippedLines (blank lines are not counted). False only when the file cannot be read.
// (MetricsTail read to its end).
bool readMetrics(const QString& path, MetricsLog* log, QString* error);
// The names (of layers, of blocks) that a run's records repeat, held once: a record whose names
// equal those of the last record of its kind takes that record's list (implicitly shared). A
// 10,000-iteration run's gradient records then hold one list of 20 names, not 10,000 copies
// (about 2 KB each). The trainer and the metrics reader pass every record through one.
class SharedNames {
public:
    void share(GradientNorms& r) { share(r.layers, gradients_); }
    void share(LayerResponses& r) { share(r.layers, responses_); }
    void share(BlockDynamics& r) { share(r.blocks, blocks_); }
    template <typename T>
    void share(T&) {}  // a kind without names
    void share(MetricRecord& r) {
        std::visit([this](auto& record) { share(record); }, r);
    }

private:
    static void share(QStringList& names, QStringList& last) {
        if (names == last)
            names = last;
        else
            last = names;
    }
    QStringList gradients_, responses_, blocks_;
};

// Reads a metrics.jsonl that another process may still be writing (the CLI, another rank 0,
// another machine through a shared folder), a piece at a time: each read() gives the records of
// the lines completed since the last one; a line still being written waits for its '\n'. A file
// that shrank or was rewritten (a resumed run truncates it) is read again from its start.
class MetricsTail {
public:
    explicit MetricsTail(QString path = {}) : path_(std::move(path)) {}
    struct Update {
        QVector<MetricRecord> records;  // the new records, in file order
        int skippedLines = 0;           // new lines that are not records
        bool restarted = false;         // the file was rewritten: `records` start from its start
    };
    // False only when the file cannot be read (it may not exist yet). `toEnd`: the file is
    // complete, so a last line without its '\n' is read too (a crash cut it).
    bool read(Update* update, QString* error = nullptr, bool toEnd = false);
    QString path() const { return path_; }

private:
    QString path_;
    qint64 offset_ = 0;    // just past the last complete line read
    QByteArray lastLine_;  // that line, to see whether the file was rewritten since
    SharedNames names_;
};

// What a reader of a run folder tells the user about skipped lines: "metrics.jsonl: 3 damaged
// lines skipped"; empty when there are none.
QString skippedLinesText(int skippedLines);
// Drops every line after `iteration` (used when a run resumes from a checkpoint).
bool truncateMetrics(const QString& path, int iteration, QString* error);

// Appends one JSON object per line and flushes each line.
class MetricsWriter {
public:
    bool open(const QString& path, QString* error);
    // Appends one line and hands it to the OS at once (a killed process loses no record). A
    // write that fails (disk full, file size limit, folder gone) is kept in error(); the lines
    // after it are not written, so the file never holds a torn line followed by good ones.
    void write(const QJsonObject& object);
    void write(const MetricRecord& record) { write(toJson(record)); }
    bool failed() const { return !error_.isEmpty(); }
    QString error() const { return error_; }

private:
    std::unique_ptr<QFile> file_;
    QString error_;
};

void registerMetricTypes();

}  // namespace rx

Q_DECLARE_METATYPE(rx::TrainMetrics)
Q_DECLARE_METATYPE(rx::TestMetrics)
Q_DECLARE_METATYPE(rx::LayerResponses)
Q_DECLARE_METATYPE(rx::GradientNorms)
Q_DECLARE_METATYPE(rx::BlockDynamics)
Q_DECLARE_METATYPE(rx::TrainingProgress)
Q_DECLARE_METATYPE(rx::MetricRecord)
