#include "run_folder.h"

#include "files.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QSysInfo>

#include <cerrno>
#include <csignal>

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
    if (hasLiveTrainer(status.state) && !runFolderInUse(runDir))
        status.state = RunState::Interrupted;
    return status;
}

namespace {

class RunFolder {
    Q_DECLARE_TR_FUNCTIONS(rx::RunFolder)
public:
    static QString inUse(const QString& dir, qint64 pid, const QString& host, const QString& app) {
        return tr("the run folder %1 is in use: %2 (process %3 on %4) is training into it. Wait "
                  "for it to end or stop it, or choose another folder.")
            .arg(dir, app.isEmpty() ? tr("another program") : app)
            .arg(pid)
            .arg(host);
    }
    static QString cannotLock(const QString& dir) {
        return tr("cannot lock the run folder %1: cannot write there").arg(dir);
    }
};

QString lockPath(const QString& runDir) {
    return QDir(runDir).filePath(QLatin1String(kRunLockFile));
}

}  // namespace

RunLock::RunLock() = default;
RunLock::~RunLock() = default;

bool RunLock::acquire(const QString& runDir, QString* error) {
    auto lock = std::make_unique<QLockFile>(lockPath(runDir));
    lock->setStaleLockTime(0);  // stale only when its process has died: runs last for hours
    if (lock->tryLock(0)) {
        lock_ = std::move(lock);
        return true;
    }
    qint64 pid = 0;
    QString host, app;
    if (lock->error() == QLockFile::LockFailedError && lock->getLockInfo(&pid, &host, &app))
        *error = RunFolder::inUse(QDir::toNativeSeparators(runDir), pid, host, app);
    else
        *error = RunFolder::cannotLock(QDir::toNativeSeparators(runDir));
    return false;
}

void RunLock::release() {
    lock_.reset();  // unlocks and removes the file
}

bool RunLock::held() const {
    return lock_ && lock_->isLocked();
}

bool runFolderInUse(const QString& runDir, qint64* pid) {
    QLockFile lock(lockPath(runDir));
    qint64 owner = 0;
    QString host, app;
    if (!lock.getLockInfo(&owner, &host, &app))
        return false;  // no lock file: nobody trains there
    if (pid)
        *pid = owner;
    // A lock from another machine (a shared folder) cannot be checked: take it as held.
    if (!host.isEmpty() && host != QSysInfo::machineHostName())
        return true;
    return owner > 0 && (::kill(pid_t(owner), 0) == 0 || errno == EPERM);
}

}  // namespace rx
