#include "run_folder.h"

#include "files.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace rx {

bool writeRunStatus(const QString& runDir, const RunStatus& status, QString* error) {
    QJsonObject o{{"state", runStateId(status.state)}};
    if (status.bestTestError >= 0)
        o["best_test_error"] = status.bestTestError;
    if (!status.message.isEmpty())
        o["message"] = status.message;
    return writeFileAtomically(QDir(runDir).filePath(QLatin1String(kRunStatusFile)),
                               QJsonDocument(o).toJson(), error);
}

std::optional<RunStatus> readRunStatus(const QString& runDir) {
    QFile file(QDir(runDir).filePath(QLatin1String(kRunStatusFile)));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    const auto state = fromId(kRunStates, o.value("state").toString());
    if (!state)
        return std::nullopt;
    RunStatus status;
    status.state = *state;
    status.bestTestError = o.value("best_test_error").toDouble(-1);
    status.message = o.value("message").toString();
    return status;
}

}  // namespace rx
