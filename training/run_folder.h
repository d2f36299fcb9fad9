// A run folder: what the trainer writes there and how anyone (the dashboard's runs list, the CLI,
// another process) reads its state back. No torch here.
//
//   RUN_DIR/architecture.resnet.json   the network (spec_json.h)
//   RUN_DIR/config.json                TrainConfig::toJson() plus iterations_total, device…
//   RUN_DIR/metrics.jsonl              one metric record per line (metrics.h)
//   RUN_DIR/checkpoint.pt              the last checkpoint (written atomically)
//   RUN_DIR/status.json                {"state": RunState id, "best_test_error": %, "message": …}
//   RUN_DIR/train.lock                 held (QLockFile) by the process training into the folder
//   RUN_DIR/landscape.json             the loss landscape around the weights (landscape.h)
//   RUN_DIR/lesion.json                the lesion study of the trained net (lesion.h), on demand
#pragma once

#include "enum_table.h"

#include <QString>

#include <memory>
#include <optional>

class QLockFile;

namespace rx {

inline constexpr const char* kRunArchitectureFile = "architecture.resnet.json";
inline constexpr const char* kRunConfigFile = "config.json";
inline constexpr const char* kRunMetricsFile = "metrics.jsonl";
inline constexpr const char* kRunCheckpointFile = "checkpoint.pt";
inline constexpr const char* kRunStatusFile = "status.json";
inline constexpr const char* kRunLandscapeFile = "landscape.json";
inline constexpr const char* kRunLesionFile = "lesion.json";
inline constexpr const char* kRunActivationsFile = "activations.json";
inline constexpr const char* kRunDynamicsFile = "dynamics.json";
inline constexpr const char* kRunLockFile = "train.lock";

enum class RunState {
    Running,   // a trainer is writing into the folder
    Paused,    // the trainer waits (shown only while this process trains it)
    Finished,  // every iteration done
    Stopped,   // stopped by the user; resumable from its checkpoint
    Failed,    // could not go on (bad data, NaN loss, disk full…); the last checkpoint stays
    // Never written: a folder whose status says running or paused while no live process holds
    // its lock (the trainer was killed, crashed or lost power); resumable from its checkpoint.
    Interrupted,
};

inline constexpr EnumEntry<RunState> kRunStates[] = {
    {RunState::Running, "running", QT_TRANSLATE_NOOP("rx::RunState", "running")},
    {RunState::Paused, "paused", QT_TRANSLATE_NOOP("rx::RunState", "paused")},
    {RunState::Finished, "finished", QT_TRANSLATE_NOOP("rx::RunState", "finished")},
    {RunState::Stopped, "stopped", QT_TRANSLATE_NOOP("rx::RunState", "stopped")},
    {RunState::Failed, "failed", QT_TRANSLATE_NOOP("rx::RunState", "failed")},
    {RunState::Interrupted, "interrupted", QT_TRANSLATE_NOOP("rx::RunState", "interrupted")},
};
inline QString runStateId(RunState state) {
    return idOf(kRunStates, state);
}
inline QString runStateText(RunState state) {
    return textOf(kRunStates, state, "rx::RunState");
}
// Whether a run's status says a process is training it (running or paused; readRunStatus turns
// it into Interrupted when that process is gone).
inline bool hasLiveTrainer(RunState state) {
    return state == RunState::Running || state == RunState::Paused;
}
// Whether a run in this state can train on from its checkpoint.
inline bool isResumable(RunState state) {
    return state == RunState::Stopped || state == RunState::Failed ||
           state == RunState::Interrupted;
}

struct RunStatus {
    RunState state = RunState::Running;
    double bestTestError = -1;  // %, −1 when no test ran yet
    QString message;            // why it failed, empty otherwise
};

// Writes RUN_DIR/status.json atomically; false with a message when it cannot.
bool writeRunStatus(const QString& runDir, const RunStatus& status, QString* error = nullptr);
// Reads RUN_DIR/status.json; nullopt when it is missing or unreadable. A running or paused state
// whose lock no live process holds reads as Interrupted.
std::optional<RunStatus> readRunStatus(const QString& runDir);

// The lock of a run folder, held by the one process training into it (the GUI, the CLI, an
// experiment): another process that tries to train there is refused. A lock left by a process
// that died is stale and taken over.
class RunLock {
public:
    RunLock();
    ~RunLock();
    // False with a message naming the process that holds the folder.
    bool acquire(const QString& runDir, QString* error);
    void release();
    bool held() const;

private:
    std::unique_ptr<QLockFile> lock_;
};

// Whether a live process holds RUN_DIR's lock (its id in *pid), without taking it.
bool runFolderInUse(const QString& runDir, qint64* pid = nullptr);

}  // namespace rx
