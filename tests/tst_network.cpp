// The LibTorch builder: every preset builds, counts like the spec, runs, and is named like
// torchvision.
#include "conv_kernels.h"
#include "fast_conv.h"
#include "network.h"
#include "omp_region.h"
#include "presets.h"

#include <QtTest>

#include <cmath>
#include <set>

using namespace rx;

namespace {

std::set<std::string> parameterNames(const Network& net) {
    std::set<std::string> names;
    for (const auto& item : net->named_parameters())
        names.insert(item.key());
    return names;
}

}  // namespace

class TestNetwork : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // conv3x3 (the own kernels where they apply, else LibTorch's) against torch::conv2d: the
    // output and both gradients, to float rounding, for the shapes of the CIFAR nets (Winograd
    // for stride 1, the direct weight gradient for stride 2), the kernels' edges (one tile, a
    // tile count and channel counts that are not multiples of the register blocks, height ≠
    // width, one image for two threads: `make asan` checks every access), a shape the kernels
    // refuse (10×10: not a multiple of 4; 8 channels) and NCHW input.
    void conv3x3MatchesConv2d_data() {
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("c");
        QTest::addColumn<int>("k");
        QTest::addColumn<int>("h");
        QTest::addColumn<int>("w");
        QTest::addColumn<int>("stride");
        QTest::addColumn<bool>("channelsLast");
        QTest::newRow("16->16 32x32") << 6 << 16 << 16 << 32 << 32 << 1 << true;
        QTest::newRow("32->32 16x16") << 6 << 32 << 32 << 16 << 16 << 1 << true;
        QTest::newRow("64->64 8x8") << 6 << 64 << 64 << 8 << 8 << 1 << true;
        QTest::newRow("16->32 32x32 stride 2") << 6 << 16 << 32 << 32 << 32 << 2 << true;
        QTest::newRow("32->64 16x16 stride 2") << 6 << 32 << 64 << 16 << 16 << 2 << true;
        QTest::newRow("16->16 4x4 (one tile)") << 6 << 16 << 16 << 4 << 4 << 1 << true;
        QTest::newRow("48->16 12x20 (15 tiles)") << 3 << 48 << 16 << 12 << 20 << 1 << true;
        QTest::newRow("16->48 20x12 stride 2") << 3 << 16 << 48 << 20 << 12 << 2 << true;
        QTest::newRow("32->16 36x28 (63 tiles), one image")
            << 1 << 32 << 16 << 36 << 28 << 1 << true;
        QTest::newRow("16->16 10x10 (fallback)") << 6 << 16 << 16 << 10 << 10 << 1 << true;
        QTest::newRow("8->16 8x8 (fallback)") << 6 << 8 << 16 << 8 << 8 << 1 << true;
        QTest::newRow("16->16 8x8 NCHW input") << 6 << 16 << 16 << 8 << 8 << 1 << false;
    }
    void conv3x3MatchesConv2d() {
        QFETCH(int, n);
        QFETCH(int, c);
        QFETCH(int, k);
        QFETCH(int, h);
        QFETCH(int, w);
        QFETCH(int, stride);
        QFETCH(bool, channelsLast);
        QVERIFY(kernels::supported());  // this project's machines have AVX2 and FMA
        torch::manual_seed(9);
        const auto format =
            channelsLast ? torch::MemoryFormat::ChannelsLast : torch::MemoryFormat::Contiguous;
        const torch::Tensor x0 = torch::randn({n, c, h, w}).contiguous(format);
        const torch::Tensor w0 = torch::randn({k, c, 3, 3}).mul(0.2).contiguous(format);
        const torch::Tensor x1 = x0.clone().requires_grad_(), w1 = w0.clone().requires_grad_();
        const torch::Tensor x2 = x0.clone().requires_grad_(), w2 = w0.clone().requires_grad_();
        const torch::Tensor y1 = conv3x3(x1, w1, stride);
        const torch::Tensor y2 = torch::conv2d(x2, w2, {}, stride, 1);
        const torch::Tensor g = torch::randn_like(y2);
        (y1 * g).sum().backward();
        (y2 * g).sum().backward();
        // max |a − b| relative to max |b| (Winograd rounds a little more than direct sums)
        const auto close = [](const torch::Tensor& a, const torch::Tensor& b) {
            return (a - b).abs().max().item<double>() <= 5e-5 * b.abs().max().item<double>();
        };
        QCOMPARE(y1.sizes().vec(), y2.sizes().vec());
        QVERIFY2(close(y1, y2), "forward");
        QVERIFY2(close(x1.grad(), x2.grad()), "gradient of the input");
        QVERIFY2(close(w1.grad(), w2.grad()), "gradient of the weights");
        // Inference form: the same output with a bias.
        const torch::Tensor bias = torch::randn({k});
        torch::NoGradGuard noGrad;
        QVERIFY2(
            close(conv3x3Inference(x0, w0, bias, stride), torch::conv2d(x0, w0, bias, stride, 1)),
            "inference with a bias");
    }

    // The weight-gradient kernels sum one partial result per thread of the team they get, which
    // is smaller than omp_get_max_threads() inside another parallel region (or under
    // OMP_THREAD_LIMIT, OMP_DYNAMIC): they read a missing thread's null partial sum before (a
    // crash). Here each of two threads of an OpenMP region computes one gradient, whose own
    // region then has one thread while omp_get_max_threads() still says 2.
    void weightGradientsInsideAParallelRegion() {
        torch::manual_seed(4);
        const auto cl = torch::MemoryFormat::ChannelsLast;
        const torch::Tensor x = torch::randn({2, 16, 8, 8}).contiguous(cl);
        const int strides[2] = {1, 2};
        torch::Tensor dy[2], got[2], want[2];
        for (int i = 0; i < 2; ++i) {
            const int side = 8 / strides[i];
            dy[i] = torch::randn({2, 16, side, side}).contiguous(cl);
            got[i] = torch::zeros({16, 16, 3, 3}).contiguous(cl);
            const torch::Tensor w = torch::randn({16, 16, 3, 3}).requires_grad_();
            (torch::conv2d(x, w, {}, strides[i], 1) * dy[i]).sum().backward();
            want[i] = w.grad();
        }
        const int outerThreads = test::inParallelRegion(2, [&](int i) {
            float* out = got[i].data_ptr<float>();
            if (strides[i] == 1)
                kernels::winogradWeightGradient(x.data_ptr<float>(), dy[i].data_ptr<float>(), out,
                                                2, 8, 8, 16, 16);
            else
                kernels::directWeightGradient(x.data_ptr<float>(), dy[i].data_ptr<float>(), out, 2,
                                              8, 8, 16, 16, 2);
        });
        QCOMPARE(outerThreads, 2);
        for (int i = 0; i < 2; ++i)
            QVERIFY2((got[i] - want[i]).abs().max().item<double>() <=
                         5e-5 * want[i].abs().max().item<double>(),
                     strides[i] == 1 ? "Winograd" : "direct, stride 2");
    }

    // The kernels are used where they apply: turning them off changes the rounding of a
    // Winograd shape (so the test above compared the own kernels, not conv2d with itself).
    void ownKernelsAreUsed() {
        torch::manual_seed(2);
        const torch::Tensor x =
            torch::randn({4, 16, 16, 16}).contiguous(torch::MemoryFormat::ChannelsLast);
        const torch::Tensor w = torch::randn({16, 16, 3, 3});
        torch::NoGradGuard noGrad;
        QVERIFY(ownConvKernels());
        const torch::Tensor own = conv3x3(x, w, 1);
        setOwnConvKernels(false);
        const torch::Tensor lib = conv3x3(x, w, 1);
        setOwnConvKernels(true);
        QVERIFY(!torch::equal(own, lib));
        QVERIFY(torch::equal(lib, torch::conv2d(x, w, {}, 1, 1)));
    }

    void initTestCase() {
        torch::manual_seed(0);
        torch::set_num_threads(2);
    }

    void everyPresetBuildsCountsAndRuns_data() {
        QTest::addColumn<QString>("name");
        for (const QString& name : presetNames())
            QTest::newRow(qPrintable(name)) << name;
    }
    void everyPresetBuildsCountsAndRuns() {
        QFETCH(QString, name);
        const NetworkSpec spec = *preset(name);
        Network net(spec);
        QCOMPARE(countParameters(*net), analyze(spec).params);
        // Training mode: batch statistics keep even the untrained 1202-layer net finite (in eval
        // mode its fresh running statistics are an identity and the residual sums overflow).
        net->train();
        torch::NoGradGuard noGrad;
        std::vector<torch::Tensor> responses;
        const torch::Tensor out = net->forward(torch::randn({2, 3, 32, 32}), &responses);
        QCOMPARE(out.sizes().vec(), (std::vector<int64_t>{2, 10}));
        QVERIFY(torch::isfinite(out).all().item<bool>());
        QCOMPARE(int(responses.size()), int(net->responseLayers().size()));
        for (const auto& r : responses)
            QCOMPARE(r.size(0), int64_t(2));
    }

    void namesFollowTorchvision() {
        const auto a = parameterNames(Network(*preset("resnet-20")));
        for (const char* n : {"conv1.weight", "bn1.weight", "bn1.bias", "layer1.0.conv1.weight",
                              "layer1.0.bn1.weight", "layer1.2.conv2.weight", "layer3.2.bn2.bias",
                              "fc.weight", "fc.bias"})
            QVERIFY2(a.count(n), n);
        for (const auto& n : a)
            QVERIFY2(n.find("downsample") == std::string::npos, n.c_str());
        QCOMPARE(a.size(), size_t(1 + 2 + 9 * 6 + 2));  // conv1, bn1, 9 × (2 convs, 2 BNs), fc

        const auto b = parameterNames(Network(*preset("resnet-20-b")));
        for (const char* n : {"layer2.0.downsample.0.weight", "layer2.0.downsample.1.weight",
                              "layer3.0.downsample.1.bias"})
            QVERIFY2(b.count(n), n);
        QVERIFY(!b.count("layer1.0.downsample.0.weight"));  // identity where shapes agree

        const auto c = parameterNames(Network(*preset("resnet-50")));
        QVERIFY(c.count("layer1.0.conv3.weight"));
        QVERIFY(c.count("layer1.0.downsample.0.weight"));  // 64 → 256 channels

        const auto pre = parameterNames(Network(*preset("preact-resnet-110")));
        QVERIFY(!pre.count("bn1.weight"));  // no BN after the stem in pre-activation nets
        QVERIFY(pre.count("final_bn.weight"));
        QVERIFY(pre.count("layer2.0.downsample.0.weight"));
        QVERIFY(!pre.count("layer2.0.downsample.1.weight"));

        Network net(*preset("resnet-20"));
        std::set<std::string> buffers;
        for (const auto& item : net->named_buffers())
            buffers.insert(item.key());
        QVERIFY(buffers.count("bn1.running_mean"));
        QVERIFY(buffers.count("layer3.2.bn2.num_batches_tracked"));
    }

    void heInitialisation() {
        torch::manual_seed(1);
        Network net(*preset("resnet-56"));
        for (const auto& item : net->named_parameters()) {
            const std::string& name = item.key();
            const torch::Tensor& p = item.value();
            if (name.find("bn") != std::string::npos && name.ends_with(".weight"))
                QVERIFY(torch::all(p == 1).item<bool>());
            if (name.find("bn") != std::string::npos && name.ends_with(".bias"))
                QVERIFY(torch::all(p == 0).item<bool>());
        }
        // Kaiming normal, fan_out mode: std = sqrt(2 / (out · k · k)).
        const torch::Tensor w = net->named_parameters()["layer3.4.conv1.weight"];
        const double expected = std::sqrt(2.0 / (64 * 9));
        const double measured = w.std().item<double>();
        QVERIFY2(std::abs(measured - expected) / expected < 0.05,
                 qPrintable(QString("std %1, expected %2").arg(measured).arg(expected)));
        // fc keeps PyTorch's default: uniform within ±1/sqrt(fan_in).
        const torch::Tensor fc = net->named_parameters()["fc.weight"];
        QVERIFY(fc.abs().max().item<double>() <= 1.0 / std::sqrt(64.0) + 1e-6);
    }

    void optionAPadsZeroChannelsAfterTheInput() {
        // A block 16 → 32, stride 2, whose residual branch is silenced: its output is then
        // relu([x subsampled, 0]).
        BlockInfo info;
        info.kind = BlockKind::Basic;
        info.inChannels = 16;
        info.width = 32;
        info.outChannels = 32;
        info.stride = 2;
        info.shortcut = ShortcutKind::ZeroPad;
        Block block(info);
        torch::NoGradGuard noGrad;
        for (auto& p : block->named_parameters())
            if (p.key().find("conv") != std::string::npos)
                p.value().zero_();
        block->eval();
        const torch::Tensor x = torch::rand({1, 16, 8, 8});
        const torch::Tensor y = block->forward(x);
        QCOMPARE(y.sizes().vec(), (std::vector<int64_t>{1, 32, 4, 4}));
        using torch::indexing::None;
        using torch::indexing::Slice;
        const torch::Tensor expected =
            x.index({Slice(), Slice(), Slice(None, None, 2), Slice(None, None, 2)});
        QVERIFY(torch::allclose(y.index({Slice(), Slice(0, 16)}), expected));
        QVERIFY(torch::all(y.index({Slice(), Slice(16, 32)}) == 0).item<bool>());
    }

    void plainBlocksHaveNoShortcut() {
        // Same silenced branch in a plain block: nothing of the input survives.
        const Analysis a = analyze(*preset("plain-20"));
        Block block(a.blocks[2]);  // layer1.1
        torch::NoGradGuard noGrad;
        for (auto& p : block->named_parameters())
            if (p.key().find("conv") != std::string::npos)
                p.value().zero_();
        block->eval();
        QVERIFY(torch::all(block->forward(torch::rand({1, 16, 8, 8})) == 0).item<bool>());
    }

    void responsesAreBeforeTheAddition() {
        // In a residual block the reported conv2 response is bn2's output; adding the shortcut
        // and ReLU happen after, so the block output differs from relu(response).
        Network net(*preset("resnet-20"));
        net->eval();
        torch::NoGradGuard noGrad;
        std::vector<torch::Tensor> responses;
        net->forward(torch::randn({4, 3, 32, 32}), &responses);
        QCOMPARE(int(responses.size()), 19);
        for (const auto& r : responses)
            QVERIFY(r.min().item<float>() < 0);  // not yet ReLU'd
    }

    void invalidSpecThrowsWithTheMessage() {
        NetworkSpec spec = *preset("resnet-20");
        spec.stages[1].width = 8;
        try {
            Network net(spec);
            QFAIL("expected an exception");
        } catch (const std::invalid_argument& e) {
            QVERIFY2(QString(e.what()).startsWith("stage 2, block 1:"), e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestNetwork)
#include "tst_network.moc"
