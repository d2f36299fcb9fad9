#include "dynamics.h"

#include "files.h"
#include "run_folder.h"
#include "spec_json.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace rx {

namespace {

class Dynamics {
    Q_DECLARE_TR_FUNCTIONS(rx::Dynamics)
public:
    static QString noMeasurements(const QString& path) {
        return tr("%1 has no block measurements yet: they are taken every probe interval "
                  "(--probe-every) while training")
            .arg(path);
    }
};

QJsonArray numbers(const QVector<double>& values) {
    QJsonArray a;
    for (double v : values)
        a.append(std::isfinite(v) ? QJsonValue(v) : QJsonValue());
    return a;
}

}  // namespace

bool BlockHistory::hasResidualBlocks() const {
    for (const QVector<double>& block : residualRatio)
        for (double v : block)
            if (std::isfinite(v))
                return true;
    return false;
}

BlockHistory BlockHistory::fromRecords(const QVector<BlockDynamics>& records) {
    BlockHistory h;
    for (const BlockDynamics& r : records) {
        if (h.blocks.isEmpty()) {
            h.blocks = r.blocks;
            h.residualRatio.resize(h.blocks.size());
            h.activationGradient.resize(h.blocks.size());
        }
        if (r.blocks != h.blocks || r.residualRatio.size() != h.blocks.size() ||
            r.activationGradient.size() != h.blocks.size())
            continue;
        h.iterations << r.iteration;
        h.epochs << r.epoch;
        for (qsizetype b = 0; b < h.blocks.size(); ++b) {
            h.residualRatio[b] << r.residualRatio[b];
            h.activationGradient[b] << r.activationGradient[b];
        }
    }
    return h;
}

QJsonObject BlockHistory::toJson() const {
    QJsonArray blockArray;
    for (qsizetype b = 0; b < blocks.size(); ++b)
        blockArray.append(QJsonObject{{"name", blocks[b]},
                                      {"residual_ratio", numbers(residualRatio[b])},
                                      {"activation_gradient", numbers(activationGradient[b])}});
    QJsonArray iterationArray;
    for (int i : iterations)
        iterationArray.append(i);
    return QJsonObject{
        {"kind", QStringLiteral("dynamics")},
        {"version", 1},
        {"architecture", architecture},
        {"reference",
         QStringLiteral("Jastrzebski et al. (2018), Residual Connections Encourage Iterative "
                        "Inference")},
        {"iterations", iterationArray},
        {"epochs", numbers(epochs)},
        {"blocks", blockArray},
    };
}

bool readBlockHistory(const QString& runDir, BlockHistory* history, QString* error) {
    const QString path = QDir(runDir).filePath(QLatin1String(kRunMetricsFile));
    MetricsLog log;
    if (!readMetrics(path, &log, error))
        return false;
    BlockHistory h = BlockHistory::fromRecords(log.all<BlockDynamics>());
    if (h.isEmpty()) {
        *error = Dynamics::noMeasurements(path);
        return false;
    }
    NetworkSpec spec;
    QString ignored;
    if (loadSpecFile(QDir(runDir).filePath(QLatin1String(kRunArchitectureFile)), &spec, &ignored))
        h.architecture = spec.name;
    h.skippedMetricLines = log.skippedLines;
    *history = std::move(h);
    return true;
}

bool writeBlockHistory(const QString& runDir, const BlockHistory& history, QString* error) {
    return writeFileAtomically(QDir(runDir).filePath(QLatin1String(kRunDynamicsFile)),
                               QJsonDocument(history.toJson()).toJson(QJsonDocument::Indented),
                               error);
}

}  // namespace rx
