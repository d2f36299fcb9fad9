// Owns one run's Trainer and the QThread it runs in, and ends them in one order: stop, wait,
// delete. The owner (the dashboard, the CLI's main) creates and destroys this object on its own
// thread; nothing deletes itself. No torch here.
#pragma once

#include "trainer.h"

#include <QObject>

#include <climits>
#include <memory>

class QThread;

namespace rx {

class TrainerThread : public QObject {
    Q_OBJECT

public:
    explicit TrainerThread(TrainConfig config, QObject* parent = nullptr);
    // Stops the run if it is still going, waits for the thread, then deletes trainer and thread.
    ~TrainerThread() override;

    // Connect to its signals before start(); they arrive queued on the owner's thread.
    Trainer* trainer() const { return trainer_.get(); }

    // Starts the run; once only (a second call does nothing).
    void start();
    // Asks the trainer to stop; thread-safe. The run ends (checkpoint written) within about 1 s.
    void stop();
    // Waits for the thread to end; false when `ms` ran out first.
    bool wait(unsigned long ms = ULONG_MAX);
    bool isRunning() const;

Q_SIGNALS:
    // The worker thread has ended: the run finished, stopped or failed (after the trainer's own
    // finished/failed signal). Safe to destroy this object from here on.
    void ended();

private:
    std::unique_ptr<Trainer> trainer_;
    std::unique_ptr<QThread> thread_;
};

}  // namespace rx
