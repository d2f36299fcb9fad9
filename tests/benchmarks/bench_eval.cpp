// `eval` on the test set as it was and as it is, each pass in a fresh process as `eval` runs it,
// alternating, several rounds in one run; prints the median ratio (target ≥ 3× on 2 cores):
//   old: one thread, autograd recording every forward pass, conv and BN apart, NCHW, LibTorch's
//        convolutions, glibc's default heap settings (the CLI before issue #9);
//   new: evaluateSplit (inference mode, BN folded into the convs, channels-last, in-place ReLU
//        and addition, the own Winograd kernels of fast_conv.h) on every core, with
//        keepTensorMemoryInHeap() as the CLI calls it.
// Run by hand: build/tests/benchmarks/bench_eval [--images N] [--rounds N] [--arch NAME]
// [--batch N]. (`--mode old|new` runs one pass and prints its seconds: what each child does.)
// Uses $CIFAR10_DIR when present, else random images.
#include "bench_common.h"
#include "cifar10.h"
#include "fast_conv.h"
#include "memory.h"
#include "pipeline.h"
#include "presets.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTextStream>
#include <QThread>

#include <algorithm>

using namespace rx;

namespace {

// The evaluation as `eval` ran it before: grad mode, LibTorch's thread setting of the caller.
double oldWay(Network& net, const DeviceSplit& split, const Normalizer& norm, int64_t batch) {
    net->train();  // drops the inference form (BN folded) that evaluateSplit prepares
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

// One pass in this process: loads the images and a seeded network, then evaluates them the old
// or the new way and prints "seconds S images N".
int onePass(const QString& mode, const QString& arch, int images, int64_t batch) {
    if (mode == QLatin1String("new"))
        keepTensorMemoryInHeap();
    DeviceSplit split;
    CifarSplit test;
    QString error;
    const QString dir = findCifar10();
    if (!dir.isEmpty() && readCifarBatch(dir + QStringLiteral("/test_batch.bin"), &test, &error)) {
        split = toDevice(test, 0, std::min(images, test.size()), torch::kCPU);
    } else {
        torch::manual_seed(2);
        split.images = torch::randint(0, 256, {images, 3, 32, 32}, torch::kUInt8);
        split.labels = torch::randint(0, 10, {images}, torch::kLong);
    }
    const Normalizer norm = Normalizer::fit(split.images, Normalization::PerChannel);
    torch::manual_seed(1);
    Network net(*preset(arch));
    double s = 0;
    if (mode == QLatin1String("old")) {
        torch::set_num_threads(1);
        setOwnConvKernels(false);  // LibTorch's convolutions, as before issue #12's kernels
        s = seconds([&] { oldWay(net, split, norm, batch); });
    } else {
        torch::set_num_threads(QThread::idealThreadCount());
        s = seconds([&] { evaluateSplit(net, split, norm, batch); });
    }
    QTextStream(stdout) << "seconds " << s << " images " << split.size() << '\n';
    return 0;
}

// Runs one pass in a child process; its seconds, or a negative number on failure.
double childPass(const QString& mode, const QStringList& args) {
    QProcess child;
    child.start(QCoreApplication::applicationFilePath(), args + QStringList{"--mode", mode});
    if (!child.waitForFinished(-1) || child.exitCode() != 0)
        return -1;
    const QStringList words = QString::fromUtf8(child.readAllStandardOutput()).split(' ');
    return words.size() >= 2 ? words[1].toDouble() : -1;
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    int images = kCifarImagesPerBatch, rounds = 3;
    int64_t batch = TrainConfig{}.testBatchSize;
    QString arch = QStringLiteral("resnet-20"), mode;
    QStringList passArgs;
    for (int i = 0; i + 1 < args.size(); ++i) {
        const QString& key = args[i];
        const QString& value = args[i + 1];
        if (key == "--images")
            images = value.toInt();
        else if (key == "--rounds")
            rounds = value.toInt();
        else if (key == "--arch")
            arch = value;
        else if (key == "--batch")
            batch = value.toInt();
        else if (key == "--mode")
            mode = value;
        else
            continue;
        if (key != "--mode" && key != "--rounds")
            passArgs << key << value;
    }
    if (!mode.isEmpty())
        return onePass(mode, arch, images, batch);

    QTextStream out(stdout);
    out << arch << ", " << images << " test images (" << findCifar10() << "), batch " << batch
        << ", " << QThread::idealThreadCount() << " cores, " << rounds
        << " rounds, each pass a fresh process\n";
    out.flush();
    std::vector<double> oldTimes, newTimes, ratios;
    for (int r = 0; r < rounds; ++r) {
        const double o = childPass(QStringLiteral("old"), passArgs);
        const double n = childPass(QStringLiteral("new"), passArgs);
        if (o <= 0 || n <= 0) {
            out << "a pass failed\n";
            return 1;
        }
        oldTimes.push_back(o);
        newTimes.push_back(n);
        ratios.push_back(o / n);
        out << QStringLiteral("round %1: old %2 s, new %3 s, %4×\n")
                   .arg(r + 1)
                   .arg(o, 0, 'f', 2)
                   .arg(n, 0, 'f', 2)
                   .arg(o / n, 0, 'f', 2);
        out.flush();
    }
    out << QStringLiteral("median: old %1 img/s, new %2 img/s; new/old %3× (target ≥ 3×)\n")
               .arg(images / bench::median(oldTimes), 0, 'f', 0)
               .arg(images / bench::median(newTimes), 0, 'f', 0)
               .arg(bench::median(ratios), 0, 'f', 2);
    return 0;
}
