// The open network autosaved while it has unsaved changes, and the autosaves of instances that
// crashed or were killed, found again on the next start.
//
// The folder (defaultFolder(): AppDataLocation/autosave) holds, per running instance, named by
// a random id: `<id>.lock` (a QLockFile held while the instance runs), `<id>.resnet.json` (the
// network, the normal file format) and `<id>.autosave.json` (where it came from, when it was
// saved). A clean exit removes all three; an autosave whose lock is stale or missing belongs to
// an instance that is not running any more. A live instance's lock is never taken, so two
// instances never touch each other's files.
#pragma once

#include "spec.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <map>
#include <memory>

class QLockFile;

namespace rx {

// An autosave of an instance that is not running any more.
struct AutosaveEntry {
    QString id;          // its name in the folder: <id>.resnet.json, <id>.lock
    QString specPath;    // <folder>/<id>.resnet.json
    NetworkSpec spec;    // empty when `error` is set
    QString sourcePath;  // the file the network came from; empty for a preset or a new network
    QDateTime savedAt;
    QString error;  // why the file cannot be read ("PATH: stages[0]: …"); empty when it can
};

class Autosave : public QObject {
    Q_OBJECT

public:
    // The debounce: an autosave is written this long after the last change.
    static constexpr int kDelayMs = 1000;

    explicit Autosave(const QString& folder, QObject* parent = nullptr);
    // Writes a pending change and releases the lock; the autosave stays (remove() is the clean
    // exit), so the next start offers it.
    ~Autosave() override;

    static QString defaultFolder();

    // Creates the folder and takes this instance's lock; false with the reason when it cannot.
    bool start(QString* error);
    QString folder() const { return folder_; }
    QString id() const { return id_; }
    QString specPath() const;  // this instance's <id>.resnet.json

    // kDelayMs after the last call: writes `spec` (and `sourcePath`) when `modified`, else
    // removes the autosave (nothing unsaved to lose).
    void schedule(const NetworkSpec& spec, const QString& sourcePath, bool modified);
    // Does what schedule() would do later, now; false when writing fails.
    bool flush();
    bool isPending() const { return timer_.isActive(); }
    // The clean exit: removes the autosave and the lock.
    void remove();

    // The autosaves of instances that are not running any more (their lock is stale or
    // missing), newest first; unreadable ones carry their error. Each one's lock is held from
    // now until discard(), release() or keepAside(), so no other instance claims it meanwhile.
    // Stale locks without an autosave are removed.
    QList<AutosaveEntry> findOrphans();
    void discard(const AutosaveEntry& entry);  // deletes its files and its lock
    void release(const AutosaveEntry& entry);  // keeps its files for the next start
    // An unreadable autosave renamed to <id>.unreadable.json, out of the way of the next start;
    // returns the new path.
    QString keepAside(const AutosaveEntry& entry);

Q_SIGNALS:
    void written();                     // the autosave is on disk
    void failed(const QString& error);  // it could not be written

private:
    QString pathOf(const QString& id, const char* suffix) const;
    bool write();
    void removeFiles(const QString& id);
    void unclaim(const QString& id);

    QString folder_;
    QString id_;
    std::unique_ptr<QLockFile> lock_;
    std::map<QString, std::unique_ptr<QLockFile>> claimed_;  // orphans' locks, by id
    QTimer timer_;
    NetworkSpec spec_;
    QString sourcePath_;
    bool modified_ = false;
};

}  // namespace rx
