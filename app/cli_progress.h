// What the commands that train print while a run goes on, and how Ctrl+C stops it.
#pragma once

#include "cli_common.h"
#include "trainer.h"

#include <QSocketNotifier>

#include <unistd.h>
#include <cstdio>

#include <functional>
#include <memory>

namespace rx::cli {

// Prints a run's progress to stderr: one line that rewrites itself on a terminal,
// a line every --log-every iterations otherwise.
class ProgressPrinter {
public:
    ProgressPrinter(Trainer* trainer, QObject* context, const QString& runDir)
        : tty_(isatty(fileno(stderr))) {
        QObject::connect(trainer, &Trainer::started, context, [this](const TrainingStart& s) {
            progress_.totalIterations = s.totalIterations;  // before the first progress report
            err() << "training " << s.parameters << " parameters on " << s.device << ": "
                  << s.trainImages << " training / " << s.testImages << " test images, "
                  << s.iterationsPerEpoch << " iterations per epoch, iterations "
                  << s.startIteration + 1 << "–" << s.totalIterations << '\n';
            err().flush();
        });
        QObject::connect(trainer, &Trainer::trainMetrics, context, [this](const TrainMetrics& m) {
            last_ = m;
            progress_.iteration = m.iteration;
            progress_.epoch = m.epoch;
            progress_.imagesPerSecond = m.imagesPerSecond;
            line(true);
        });
        QObject::connect(trainer, &Trainer::progress, context, [this](const TrainingProgress& p) {
            progress_ = p;
            if (tty_)
                line(false);
        });
        QObject::connect(trainer, &Trainer::testMetrics, context, [this](const TestMetrics& m) {
            endLine();
            err() << (m.validation ? "validation" : "test") << " error "
                  << QString::number(m.error, 'f', 2) << "% (loss "
                  << QString::number(m.loss, 'f', 3) << ") at iteration " << m.iteration
                  << ", epoch " << QString::number(m.epoch, 'f', 2) << '\n';
            err().flush();
        });
        QObject::connect(trainer, &Trainer::finished, context,
                         [this, runDir](int iteration, bool completed) {
                             endLine();
                             err() << (completed ? "finished" : "stopped") << " at iteration "
                                   << iteration << "; checkpoint in " << runDir << '\n';
                             err().flush();
                         });
        QObject::connect(trainer, &Trainer::failed, context, [this](const QString& message) {
            endLine();
            err() << message << '\n';
            err().flush();
        });
    }

private:
    void line(bool newline) {
        const QString text =
            QStringLiteral("it %1/%2 · epoch %3 · loss %4 · train err %5% · %6 img/s · ETA %7")
                .arg(progress_.iteration)
                .arg(progress_.totalIterations)
                .arg(progress_.epoch, 0, 'f', 2)
                .arg(last_.loss, 0, 'f', 3)
                .arg(last_.error, 0, 'f', 1)
                .arg(progress_.imagesPerSecond, 0, 'f', 0)
                .arg(durationText(progress_.etaSeconds));
        if (tty_)
            err() << '\r' << text << "\x1b[K";
        else if (newline)
            err() << text << '\n';
        err().flush();
    }
    void endLine() {
        if (tty_)
            err() << '\n';
    }

    const bool tty_;
    TrainMetrics last_;
    TrainingProgress progress_;
};

// Calls `stop` on the main thread when SIGINT or SIGTERM arrives (while the returned notifier
// lives); nullptr when the handlers cannot be installed.
std::unique_ptr<QSocketNotifier> onInterrupt(QObject* context, std::function<void()> stop);

}  // namespace rx::cli
