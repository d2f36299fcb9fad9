#include "trainer_thread.h"

#include "background.h"

#include <QThread>

namespace rx {

TrainerThread::TrainerThread(TrainConfig config, QObject* parent)
    : QObject(parent), trainer_(std::make_unique<Trainer>(std::move(config))) {
    Trainer* trainer = trainer_.get();
    // The run needs no event loop of its own: the thread runs it and ends.
    thread_.reset(QThread::create([trainer] {
        workInBackground();
        trainer->run();
    }));
    trainer->moveToThread(thread_.get());
    connect(thread_.get(), &QThread::finished, this, &TrainerThread::ended);
}

TrainerThread::~TrainerThread() {
    stop();
    wait();
    // The thread has ended: the trainer can be deleted from here, then its thread.
    trainer_.reset();
    thread_.reset();
}

void TrainerThread::start() {
    if (!thread_->isRunning() && !thread_->isFinished())
        thread_->start();  // one run per TrainerThread
}

void TrainerThread::stop() {
    trainer_->stop();
}

bool TrainerThread::wait(unsigned long ms) {
    if (!thread_->isRunning() && !thread_->isFinished())
        return true;  // never started
    return thread_->wait(ms == ULONG_MAX ? QDeadlineTimer(QDeadlineTimer::Forever)
                                         : QDeadlineTimer(qint64(ms)));
}

bool TrainerThread::isRunning() const {
    return thread_->isRunning();
}

}  // namespace rx
