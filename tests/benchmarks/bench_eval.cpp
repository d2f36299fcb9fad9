// `eval` on the test set: the old way (one thread, autograd recording every forward pass) against
// the new one (evaluateSplit: inference mode on every core), on the same weights and images,
// alternating, several rounds in one run; prints the median ratio (target ≥ 3× on 2 cores).
// A third row, inference mode on one thread, shows what the threads alone add.
// Run by hand: build/tests/benchmarks/bench_eval [--images N] [--rounds N] [--arch NAME]
// [--batch N].
// Uses $CIFAR10_DIR when present, else random images.
#include "cifar10.h"
#include "pipeline.h"
#include "presets.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>
#include <QThread>

#include <algorithm>

using namespace rx;

namespace {

// The evaluation as `eval` ran it before: grad mode, LibTorch's thread setting of the caller.
double oldWay(Network& net, const DeviceSplit& split, const Normalizer& norm, int64_t batch) {
    net->eval();
    double errors = 0;
    for (int64_t i = 0; i < split.size(); i += batch) {
        const int64_t end = std::min(split.size(), i + batch);
        const torch::Tensor out = net->forward(norm(split.images.slice(0, i, end)));
        const torch::Tensor y = split.labels.slice(0, i, end);
        torch::nn::functional::cross_entropy(
            out, y, torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum))
            .item<double>();
        errors += out.argmax(1).ne(y).sum().item<double>();
    }
    return errors;
}

double seconds(const std::function<void()>& f) {
    QElapsedTimer timer;
    timer.start();
    f();
    return timer.nsecsElapsed() / 1e9;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    int images = 2000, rounds = 5;
    int64_t batch = TrainConfig{}.testBatchSize;
    QString arch = QStringLiteral("resnet-20");
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == "--images")
            images = args[i + 1].toInt();
        if (args[i] == "--rounds")
            rounds = args[i + 1].toInt();
        if (args[i] == "--arch")
            arch = args[i + 1];
        if (args[i] == "--batch")
            batch = args[i + 1].toInt();
    }
    QTextStream out(stdout);
    const int cores = QThread::idealThreadCount();

    DeviceSplit split;
    QString source;
    CifarSplit test;
    QString error;
    const QString dir = findCifar10();
    if (!dir.isEmpty() && readCifarBatch(dir + QStringLiteral("/test_batch.bin"), &test, &error)) {
        split = toDevice(test, 0, std::min(images, test.size()), torch::kCPU);
        source = QStringLiteral("CIFAR-10 test images from ") + dir;
    } else {
        split.images = torch::randint(0, 256, {images, 3, 32, 32}, torch::kUInt8);
        split.labels = torch::randint(0, 10, {images}, torch::kLong);
        source = QStringLiteral("random images (no CIFAR-10 found)");
    }
    const Normalizer norm = Normalizer::fit(split.images, Normalization::PerChannel);
    torch::manual_seed(1);
    Network net(*preset(arch));
    out << arch << ", " << split.size() << ' ' << source << ", batch " << batch << ", " << cores
        << " cores, " << rounds << " rounds\n";
    out.flush();

    std::vector<double> oldTimes, newTimes, oneThreadTimes, ratios;
    for (int r = -1; r < rounds; ++r) {  // round −1 warms up and is not counted
        torch::set_num_threads(1);
        const double o = seconds([&] { oldWay(net, split, norm, batch); });
        const double one = seconds([&] { evaluateSplit(net, split, norm, batch); });
        torch::set_num_threads(cores);
        const double n = seconds([&] { evaluateSplit(net, split, norm, batch); });
        if (r < 0)
            continue;
        oldTimes.push_back(o);
        oneThreadTimes.push_back(one);
        newTimes.push_back(n);
        ratios.push_back(o / n);
        out << QStringLiteral("round %1: old %2 s, inference 1 thread %3 s, new %4 s, %5×\n")
                   .arg(r + 1)
                   .arg(o, 0, 'f', 2)
                   .arg(one, 0, 'f', 2)
                   .arg(n, 0, 'f', 2)
                   .arg(o / n, 0, 'f', 2);
        out.flush();
    }
    out << QStringLiteral(
               "median: old %1 img/s, inference 1 thread %2 img/s, new (%3 threads) %4 "
               "img/s; new/old %5×\n")
               .arg(split.size() / median(oldTimes), 0, 'f', 0)
               .arg(split.size() / median(oneThreadTimes), 0, 'f', 0)
               .arg(cores)
               .arg(split.size() / median(newTimes), 0, 'f', 0)
               .arg(median(ratios), 0, 'f', 2);
    return 0;
}
