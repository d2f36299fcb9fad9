#include "insight_runs.h"

#include "edits.h"
#include "run_folder.h"
#include "runs_model.h"
#include "spec_json.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>

namespace rx {

void fillRunBox(QComboBox* box, const RunsModel* runs, const QString& current) {
    const QSignalBlocker block(box);
    box->clear();
    if (runs)
        for (const QString& id : runs->ids())
            box->addItem(id, runs->path(id));
    if (!current.isEmpty() && box->findData(current) < 0)
        box->addItem(QFileInfo(current).fileName(), current);
    box->setCurrentIndex(current.isEmpty() ? -1 : box->findData(current));
}

void followRuns(RunsModel* runs, QObject* context, const std::function<void()>& refill) {
    if (!runs)
        return;
    QObject::connect(runs, &QAbstractItemModel::modelReset, context, refill);
    QObject::connect(runs, &QAbstractItemModel::rowsInserted, context, refill);
    QObject::connect(runs, &QAbstractItemModel::rowsRemoved, context, refill);
    QObject::connect(runs, &QAbstractItemModel::dataChanged, context, refill);
}

bool hasCheckpoint(const QString& runDir) {
    return QFileInfo::exists(QDir(runDir).filePath(QLatin1String(kRunCheckpointFile)));
}

std::optional<bool> runIsResidual(const QString& runDir) {
    NetworkSpec spec;
    QString error;
    if (!loadSpecFile(QDir(runDir).filePath(QLatin1String(kRunArchitectureFile)), &spec, &error))
        return std::nullopt;
    return edits::isResidual(spec);
}

}  // namespace rx
