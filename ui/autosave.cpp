#include "autosave.h"

#include "files.h"
#include "spec_json.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QSet>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>

namespace rx {

namespace {

// The files of one instance in the folder, by suffix after its id.
constexpr const char* kLockSuffix = ".lock";
constexpr const char* kMetaSuffix = ".autosave.json";
constexpr const char* kUnreadableSuffix = ".unreadable.json";
// The network itself: kSpecFileSuffix (".resnet.json"), so that File ▸ Open reads it too.

// A lock of another instance, taken only when that instance is not running any more: its
// process is gone (QLockFile checks the pid and the program's name), whatever the lock's age.
std::unique_ptr<QLockFile> claimIfOrphaned(const QString& path) {
    auto lock = std::make_unique<QLockFile>(path);
    lock->setStaleLockTime(0);  // a live instance's lock is never stale, however old
    if (!lock->tryLock(0))
        return nullptr;
    return lock;
}

}  // namespace

Autosave::Autosave(const QString& folder, QObject* parent)
    : QObject(parent), folder_(folder), id_(QUuid::createUuid().toString(QUuid::WithoutBraces)) {
    timer_.setSingleShot(true);
    timer_.setInterval(kDelayMs);
    connect(&timer_, &QTimer::timeout, this, &Autosave::write);
}

Autosave::~Autosave() {
    if (timer_.isActive())
        write();
}

QString Autosave::defaultFolder() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/autosave");
}

QString Autosave::pathOf(const QString& id, const char* suffix) const {
    return folder_ + QLatin1Char('/') + id + QLatin1String(suffix);
}

QString Autosave::specPath() const {
    return pathOf(id_, kSpecFileSuffix);
}

bool Autosave::start(QString* error) {
    if (!QDir().mkpath(folder_)) {
        if (error)
            *error = tr("cannot create the autosave folder %1").arg(folder_);
        return false;
    }
    lock_ = std::make_unique<QLockFile>(pathOf(id_, kLockSuffix));
    lock_->setStaleLockTime(0);
    if (!lock_->tryLock(0)) {
        if (error)
            *error = tr("cannot lock %1").arg(lock_->fileName());
        lock_.reset();
        return false;
    }
    return true;
}

void Autosave::schedule(const NetworkSpec& spec, const QString& sourcePath, bool modified) {
    spec_ = spec;
    sourcePath_ = sourcePath;
    modified_ = modified;
    timer_.start();
}

bool Autosave::flush() {
    timer_.stop();
    return write();
}

bool Autosave::write() {
    if (!lock_)
        return false;
    if (!modified_) {
        removeFiles(id_);
        return true;
    }
    // The network first: should the second write fail, the autosave still restores.
    QJsonObject meta{
        {QStringLiteral("source"), sourcePath_},
        {QStringLiteral("saved"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}};
    QString error;
    if (!writeFileAtomically(specPath(), specToJson(spec_), &error) ||
        !writeFileAtomically(pathOf(id_, kMetaSuffix), QJsonDocument(meta).toJson(), &error)) {
        Q_EMIT failed(tr("Autosave failed: %1").arg(error));
        return false;
    }
    Q_EMIT written();
    return true;
}

void Autosave::remove() {
    timer_.stop();
    removeFiles(id_);
    lock_.reset();  // unlocks: removes the lock file
}

void Autosave::removeFiles(const QString& id) {
    QFile::remove(pathOf(id, kSpecFileSuffix));
    QFile::remove(pathOf(id, kMetaSuffix));
}

QList<AutosaveEntry> Autosave::findOrphans() {
    const QDir dir(folder_);
    QSet<QString> ids;
    for (const char* suffix : {kSpecFileSuffix, kMetaSuffix, kLockSuffix}) {
        const QString tail = QLatin1String(suffix);
        for (const QString& name : dir.entryList({QLatin1Char('*') + tail}, QDir::Files))
            ids.insert(name.chopped(tail.size()));
    }
    QList<AutosaveEntry> found;
    for (const QString& id : ids) {
        if (id == id_ || claimed_.count(id))
            continue;
        std::unique_ptr<QLockFile> lock = claimIfOrphaned(pathOf(id, kLockSuffix));
        if (!lock)
            continue;  // its instance is running
        AutosaveEntry entry;
        entry.id = id;
        entry.specPath = pathOf(id, kSpecFileSuffix);
        if (!QFileInfo::exists(entry.specPath)) {
            removeFiles(id);  // ended with nothing unsaved; its lock goes with `lock`
            continue;
        }
        if (!loadSpecFile(entry.specPath, &entry.spec, &entry.error))
            entry.spec = {};
        entry.savedAt = QFileInfo(entry.specPath).lastModified();
        QFile metaFile(pathOf(id, kMetaSuffix));
        if (metaFile.open(QIODevice::ReadOnly)) {
            const QJsonObject meta = QJsonDocument::fromJson(metaFile.readAll()).object();
            entry.sourcePath = meta.value(QStringLiteral("source")).toString();
            const QDateTime saved = QDateTime::fromString(
                meta.value(QStringLiteral("saved")).toString(), Qt::ISODateWithMs);
            if (saved.isValid())
                entry.savedAt = saved;
        }
        claimed_[id] = std::move(lock);
        found.append(entry);
    }
    std::sort(found.begin(), found.end(),
              [](const AutosaveEntry& a, const AutosaveEntry& b) { return a.savedAt > b.savedAt; });
    return found;
}

void Autosave::unclaim(const QString& id) {
    claimed_.erase(id);  // unlocks: removes the lock file
}

void Autosave::discard(const AutosaveEntry& entry) {
    removeFiles(entry.id);
    unclaim(entry.id);
}

void Autosave::release(const AutosaveEntry& entry) {
    unclaim(entry.id);
}

QString Autosave::keepAside(const AutosaveEntry& entry) {
    const QString kept = pathOf(entry.id, kUnreadableSuffix);
    QFile::remove(kept);
    if (!QFile::rename(entry.specPath, kept)) {
        release(entry);  // left where it is: offered again on the next start
        return entry.specPath;
    }
    discard(entry);
    return kept;
}

}  // namespace rx
