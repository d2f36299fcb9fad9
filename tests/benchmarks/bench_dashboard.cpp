// The longest stall of the UI thread while a worker thread streams the metrics of a
// 100,000-iteration run into the dashboard's plots (train metrics every iteration, gradients every
// 50, test and responses every 391), as fast as the plots take them. Target: under 50 ms.
// The training error and loss are as noisy as a batch of 32 makes them: a smooth curve would
// hide what a real run costs to draw (a thick line through 10,000 noisy points).
// Run by hand: QT_QPA_PLATFORM=offscreen build/tests/benchmarks/bench_dashboard [--points N]
#include "plots_area.h"
#include "training_dashboard.h"
#include "training_plots.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>

using namespace rx;

namespace {

class Emitter : public QObject {
    Q_OBJECT
public:
    int points = 100000;
    void run() {
        const QStringList layers = [] {
            QStringList l{"conv1"};
            for (int s = 1; s <= 3; ++s)
                for (int b = 0; b < 3; ++b)
                    for (int c = 1; c <= 2; ++c)
                        l << QString("layer%1.%2.conv%3").arg(s).arg(b).arg(c);
            return l;
        }();
        std::mt19937 random(1);
        std::normal_distribution<double> normal;
        for (int it = 1; it <= points; ++it) {
            const double epoch = it / 391.0;
            const double err = 90 * std::exp(-it / 20000.0) + 5;
            // One batch of 32 images: the error's binomial spread, the loss's in proportion.
            const double spread = 100 * std::sqrt(err / 100 * (1 - err / 100) / 32);
            const double noisy = std::clamp(err + spread * normal(random), 0.0, 100.0);
            Q_EMIT record(TrainMetrics{it, epoch, 2.3 * noisy / 95, noisy,
                                       it > 48000   ? 0.001
                                       : it > 32000 ? 0.01
                                                    : 0.1,
                                       500});
            if (it % 50 == 0) {
                GradientNorms g{it, epoch, layers + QStringList{"fc"}, {}};
                for (int l = 0; l < g.layers.size(); ++l)
                    g.norms << 0.1 + 0.01 * l + 1.0 / it;
                Q_EMIT record(g);
            }
            if (it % 391 == 0) {
                Q_EMIT record(TestMetrics{it, epoch, 0.5, err + 2, false});
                LayerResponses r{it, epoch, layers, {}};
                for (int l = 0; l < layers.size(); ++l)
                    r.std << 1.0 + 0.1 * std::sin(l + epoch);
                Q_EMIT record(r);
            }
            // Keep the queue bounded, as a real trainer's pace would.
            if (it % 20 == 0)
                QThread::usleep(2000);
        }
        Q_EMIT done();
    }
Q_SIGNALS:
    void record(const rx::MetricRecord&);
    void done();
};

}  // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    registerMetricTypes();
    TrainingDashboard dashboard;
    dashboard.resize(1280, 800);
    dashboard.show();
    const QString id = QStringLiteral("benchmark");
    dashboard.plots()->addRun(id, {id, runColor(0)});

    Emitter emitter;
    const QStringList args = app.arguments();
    const int at = args.indexOf("--points");
    if (at > 0 && at + 1 < args.size())
        emitter.points = args[at + 1].toInt();
    QThread thread;
    emitter.moveToThread(&thread);
    QObject::connect(&thread, &QThread::started, &emitter, &Emitter::run);
    // The dashboard's fan-out: every record to every plot, each keeping the kinds it shows.
    QObject::connect(&emitter, &Emitter::record, &app,
                     [&](const MetricRecord& r) { dashboard.plots()->append(id, r); });

    // A 1 ms heartbeat on the UI thread: the longest gap between beats is the longest stall.
    QElapsedTimer clock;
    qint64 last = 0, longest = 0;
    QTimer heartbeat;
    heartbeat.setInterval(1);
    heartbeat.setTimerType(Qt::PreciseTimer);
    QObject::connect(&heartbeat, &QTimer::timeout, &app, [&] {
        const qint64 now = clock.nsecsElapsed();
        longest = std::max(longest, now - last);
        last = now;
    });
    bool finished = false;
    QObject::connect(&emitter, &Emitter::done, &app, [&] {
        finished = true;
        QTimer::singleShot(300, &app, &QApplication::quit);  // let the last replot happen
    });
    clock.start();
    heartbeat.start();
    thread.start();
    app.exec();
    thread.quit();
    thread.wait();
    const double seconds = clock.nsecsElapsed() / 1e9;
    std::printf("points %d in %.1f s; replots: error %d, loss %d, heat map %d\n",
                dashboard.errorPlot()->trainPoints(id), seconds,
                dashboard.errorPlot()->replotCount(), dashboard.lossPlot()->replotCount(),
                dashboard.gradientHeatmap()->replotCount());
    std::printf("longest UI-thread stall: %.1f ms (target < 50 ms)%s\n", longest / 1e6,
                finished ? "" : " [did not finish]");
    return 0;
}

#include "bench_dashboard.moc"
