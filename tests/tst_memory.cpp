// The training memory estimate (memory_estimate.h) against what LibTorch really allocates: one
// training step of several networks and batches under a counting CPU allocator, whose peak of
// live bytes the estimate's tensor part must match within kTolerance. The same allocator, told
// to fail past a limit, stands in for a GPU out of memory: the run must stop with the message
// and keep the checkpoint from before.
#include "cifar_fixture.h"
#include "memory.h"
#include "memory_estimate.h"
#include "pipeline.h"
#include "presets.h"
#include "proc_status.h"
#include "train_step.h"
#include "trainer.h"

#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <c10/core/CPUAllocator.h>

#include <cstdlib>
#include <cstring>
#include <mutex>
#include <unordered_map>

using namespace rx;

namespace {

// The estimate's tensor part is within ±25 % of the measured peak.
constexpr double kTolerance = 0.25;

// Wraps LibTorch's CPU allocator: counts the live bytes, keeps their peak, and throws
// c10::OutOfMemoryError past `limit` (0: none), as the CUDA allocator does when the GPU is full.
// Allocations keep data == context, so raw_allocate (oneDNN's) works through it too.
class CountingAllocator final : public c10::Allocator {
public:
    static CountingAllocator& instance() {
        static CountingAllocator a;
        return a;
    }
    void install() {
        if (!base_) {
            base_ = c10::GetCPUAllocator();
            baseDelete_ = base_->raw_deleter();
            c10::SetAllocator(c10::DeviceType::CPU, this);
        }
    }
    c10::DataPtr allocate(size_t n) const override {
        {
            std::lock_guard lock(mutex_);
            if (limit_ > 0 && live_ + qint64(n) > limit_)
                TORCH_CHECK_WITH(OutOfMemoryError, false,
                                 "CountingAllocator: out of memory: tried to allocate ", n,
                                 " bytes");
        }
        c10::DataPtr d = base_->allocate(n);
        void* p = d.get();
        TORCH_INTERNAL_ASSERT(d.get_context() == p && d.get_deleter() == baseDelete_);
        d.release_context();
        std::lock_guard lock(mutex_);
        sizes_[p] = qint64(n);
        live_ += qint64(n);
        peak_ = std::max(peak_, live_);
        return {p, p, &release, d.device()};
    }
    c10::DeleterFnPtr raw_deleter() const override { return &release; }

    qint64 live() const {
        std::lock_guard lock(mutex_);
        return live_;
    }
    qint64 peak() const {
        std::lock_guard lock(mutex_);
        return peak_;
    }
    void resetPeak() {
        std::lock_guard lock(mutex_);
        peak_ = live_;
    }
    void setLimit(qint64 limit) {
        std::lock_guard lock(mutex_);
        limit_ = limit;
    }

private:
    static void release(void* p) {
        CountingAllocator& a = instance();
        {
            std::lock_guard lock(a.mutex_);
            const auto it = a.sizes_.find(p);
            if (it != a.sizes_.end()) {
                a.live_ -= it->second;
                a.sizes_.erase(it);
            }
        }
        a.baseDelete_(p);
    }

    c10::Allocator* base_ = nullptr;
    c10::DeleterFnPtr baseDelete_ = nullptr;
    mutable std::mutex mutex_;
    mutable std::unordered_map<void*, qint64> sizes_;
    mutable qint64 live_ = 0, peak_ = 0;
    qint64 limit_ = 0;
};

struct Measured {
    qint64 peak = 0;  // live bytes at the step's peak, the model and optimiser included
    MemoryEstimate estimate;
};

// Two SGD steps of `spec` on random data (the first allocates the momentum buffers); the peak is
// the second step's, as every later step's.
Measured measureStep(const NetworkSpec& spec, int batch) {
    CountingAllocator& counter = CountingAllocator::instance();
    TrainConfig config;
    config.spec = spec;
    config.batchSize = batch;
    config.threads = 2;
    torch::set_num_threads(2);
    Measured m;
    m.estimate = estimateTrainingMemory(analyze(spec), config, false);
    torch::manual_seed(1);
    Network model(spec);
    torch::optim::SGD optimizer(
        model->parameters(),
        torch::optim::SGDOptions(0.1).momentum(config.momentum).weight_decay(config.weightDecay));
    TrainStep step(model, optimizer);
    const torch::Tensor y = torch::randint(0, 10, {batch}, torch::kLong);
    for (int i = 1; i <= 2; ++i) {
        // The batch is made for each step, as the trainer's trainingBatch does.
        const torch::Tensor x =
            torch::randn({batch, 3, 32, 32}).contiguous(torch::MemoryFormat::ChannelsLast);
        if (i == 2)
            counter.resetPeak();
        step.run(i, x, y, 0.1);
    }
    m.peak = counter.peak();
    return m;
}

double mib(qint64 bytes) {
    return double(bytes) / (1024.0 * 1024.0);
}

}  // namespace

class TestMemory : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { CountingAllocator::instance().install(); }

    void estimateMatchesTheMeasuredPeak_data() {
        QTest::addColumn<QString>("net");
        QTest::addColumn<int>("batch");
        // Every kind of block at batch 32, and one net at 128 (the activations scale with the
        // batch; the README's table has all five at both sizes: 2 minutes of a 2-core machine).
        for (const char* net :
             {"plain-20", "resnet-20", "resnet-56", "bottleneck-29", "preact-bottleneck-20"})
            QTest::newRow(qPrintable(QStringLiteral("%1/32").arg(net))) << QString(net) << 32;
        QTest::newRow("resnet-20/128") << QString("resnet-20") << 128;
    }

    void estimateMatchesTheMeasuredPeak() {
        QFETCH(QString, net);
        QFETCH(int, batch);
        NetworkSpec spec;
        if (net == "bottleneck-29")
            spec = cifarNet(net, BlockKind::Bottleneck, 3, ShortcutOption::ProjectOnChange);
        else if (net == "preact-bottleneck-20")
            spec = cifarNet(net, BlockKind::PreActBottleneck, 2, ShortcutOption::ProjectOnChange);
        else
            spec = *preset(net);
        const Measured m = measureStep(spec, batch);
        const qint64 estimated = m.estimate.stepTensors();
        const double ratio = double(estimated) / double(m.peak);
        qInfo(
            "%s batch %d: measured %.1f MiB, estimated %.1f MiB (activations %.1f MiB), "
            "ratio %.3f",
            qPrintable(net), batch, mib(m.peak), mib(estimated), mib(m.estimate.activations),
            ratio);
        QVERIFY2(std::abs(ratio - 1.0) <= kTolerance,
                 qPrintable(QStringLiteral("estimate %1 MiB vs measured %2 MiB")
                                .arg(mib(estimated))
                                .arg(mib(m.peak))));
    }

    // The probe's pass (Fig. 7 responses and block dynamics: eval mode, every block's tensors
    // tapped, as many images a pass as the trainer gives it) is the evaluation part, measured
    // above what the model holds.
    void evaluationMatchesTheProbesPeak_data() {
        QTest::addColumn<int>("batch");
        QTest::newRow("batch 128") << 128;
        QTest::newRow("batch 32") << 32;
        QTest::newRow("batch 250") << 250;
    }
    void evaluationMatchesTheProbesPeak() {
        QFETCH(int, batch);
        CountingAllocator& counter = CountingAllocator::instance();
        const NetworkSpec spec = *preset("resnet-20");
        TrainConfig config;
        config.spec = spec;
        config.batchSize = batch;
        const MemoryEstimate e = estimateTrainingMemory(analyze(spec), config, false);
        torch::manual_seed(1);
        Network model(spec);
        const torch::Tensor probe = torch::randn({kProbeBatchSize, 3, 32, 32});
        const torch::Tensor labels = torch::randint(0, 10, {kProbeBatchSize}, torch::kLong);
        const qint64 before = counter.live();
        counter.resetPeak();
        const BlockDynamicsValues v = blockDynamics(model, probe, labels, probeBatchSize(config));
        QVERIFY(!v.activationGradient.empty());
        const int64_t pass = probeBatchSize(config);
        const qint64 measured = counter.peak() - before + probe.slice(0, 0, pass).nbytes() +
                                labels.slice(0, 0, pass).nbytes();
        const double ratio = double(e.evaluation) / double(measured);
        qInfo(
            "resnet-20 probe, %d images a pass: measured %.1f MiB, estimated %.1f MiB, "
            "ratio %.3f",
            probeBatchSize(config), mib(measured), mib(e.evaluation), ratio);
        QVERIFY(std::abs(ratio - 1.0) <= kTolerance);
        // No larger than a training step's activations and the batch's tapped block outputs.
        QVERIFY(e.evaluation < 2 * e.activations);
    }

    // The parts follow the settings: a batch twice as large nearly doubles the activations,
    // bf16 halves them, the data set shrinks with a subset, and momentum 0 has no state.
    void estimatePartsFollowTheSettings() {
        const Analysis a = analyze(*preset("resnet-20"));
        TrainConfig c;
        const MemoryEstimate base = estimateTrainingMemory(a, c, false);
        QVERIFY(base.weights > a.params * 4);  // and the BN statistics
        QCOMPARE(base.gradients, a.params * 4);
        QCOMPARE(base.optimizerState, a.params * 4);
        c.batchSize = 256;
        const MemoryEstimate twice = estimateTrainingMemory(a, c, false);
        QVERIFY(twice.activations > 1.9 * double(base.activations));
        c.precision = Precision::Bf16;
        QVERIFY(estimateTrainingMemory(a, c, false).activations < 0.6 * twice.activations);
        c = TrainConfig{};
        c.trainSubset = 1000;
        QVERIFY(estimateTrainingMemory(a, c, false).dataset < base.dataset / 4);
        c.momentum = 0;
        QCOMPARE(estimateTrainingMemory(a, c, false).optimizerState, 0);
        QVERIFY(base.total() > base.stepTensors() + base.dataset);
    }

    void availableMemoryIsRead() {
        const qint64 host = availableHostMemory();
        QVERIFY(host > 0);
        QVERIFY(host < qint64(1) << 50);
        QCOMPARE(availableCudaMemory(), qint64(-1));  // this LibTorch has no CUDA
        QVERIFY(availableMemory(false) > 0);
    }

    // A run that does not fit is refused with both figures; unknown memory lets it go.
    void checkRefusesWithTheFigures() {
        TrainConfig c;
        c.spec = *preset("resnet-1202");
        c.batchSize = 4096;
        QString error;
        MemoryEstimate e;
        QVERIFY(!checkTrainingMemory(c, false, qint64(8) << 30, &error, &e));
        QVERIFY2(error.contains(memoryText(e.total())), qPrintable(error));
        QVERIFY2(error.contains(memoryText(qint64(8) << 30)), qPrintable(error));
        QVERIFY(error.contains("4096"));
        QVERIFY(checkTrainingMemory(c, false, -1, &error));
        c.spec = *preset("resnet-20");
        c.batchSize = 128;
        QVERIFY(checkTrainingMemory(c, false, qint64(8) << 30, &error));
    }

    // Out of memory in the middle of a run (here the counting allocator's limit, set after the
    // first epoch's checkpoint): the run fails with the message, the checkpoint of before stays.
    void outOfMemoryStopsTheRunAndKeepsTheCheckpoint() {
        QTemporaryDir dir;
        const QString data = dir.filePath("cifar");
        QVERIFY(test::writeSyntheticCifar(data, 64, 40));
        TrainConfig c;
        c.spec = *preset("resnet-20");
        c.dataDir = data;
        c.runDir = dir.filePath("run");
        c.batchSize = 32;  // 320 images: 10 iterations an epoch
        c.epochs = 3;
        c.logEvery = 5;
        c.threads = 2;
        Trainer trainer(c);
        CountingAllocator& counter = CountingAllocator::instance();
        connect(
            &trainer, &Trainer::checkpointSaved, this,
            [&counter](const QString&, int) { counter.setLimit(counter.live() + 64 * 1024); },
            Qt::DirectConnection);
        QString failure;
        connect(
            &trainer, &Trainer::failed, this, [&failure](const QString& m) { failure = m; },
            Qt::DirectConnection);
        QFile checkpoint(dir.filePath("run/checkpoint.pt"));
        trainer.run();
        counter.setLimit(0);
        QVERIFY2(failure.contains("out of memory at iteration 11"), qPrintable(failure));
        QVERIFY2(failure.contains("(iteration 10) is kept"), qPrintable(failure));
        const auto status = readRunStatus(c.runDir);
        QVERIFY(status);
        QCOMPARE(status->state, RunState::Failed);
        QCOMPARE(status->message, failure);
        Network model(c.spec);
        Checkpoint info;
        QString error;
        QVERIFY2(loadCheckpoint(checkpoint.fileName(), model, nullptr, &info, &error),
                 qPrintable(error));
        QCOMPARE(info.iteration, 10);
    }

    // With the heap the app keeps (keepTensorMemoryInHeap), freed blocks stay resident;
    // returnFreedMemory, which the trainer calls after each test and probe, gives them back.
    // (bench_soak measures what that does to a long run's resident memory.)
    void freedHeapMemoryIsGivenBack() {
        keepTensorMemoryInHeap();
        returnFreedMemory();  // what the tests before freed
        constexpr size_t kBlock = 4 << 20;
        constexpr int kBlocks = 64;  // 256 MB, each block below the mmap threshold: the heap
        std::vector<char*> blocks, pins;
        for (int i = 0; i < kBlocks; ++i) {
            blocks.push_back(static_cast<char*>(std::malloc(kBlock)));
            QVERIFY(blocks.back());
            std::memset(blocks.back(), 1, kBlock);
            pins.push_back(static_cast<char*>(std::malloc(64)));  // keeps the blocks apart
        }
        const double held = test::procStatusMb("VmRSS");
        for (char* b : blocks)
            std::free(b);
        const double freed = test::procStatusMb("VmRSS");
        returnFreedMemory();
        const double returned = test::procStatusMb("VmRSS");
        for (char* p : pins)
            std::free(p);
        qInfo("resident: %.0f MB with the blocks, %.0f MB freed, %.0f MB given back", held, freed,
              returned);
        QVERIFY2(freed > held - 64, "the heap should keep what was freed");
        QVERIFY(returned < freed - 192);
    }
};

QTEST_GUILESS_MAIN(TestMemory)
#include "tst_memory.moc"
