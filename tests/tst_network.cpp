// The LibTorch builder: every preset builds, counts like the spec, runs, and is named like
// torchvision.
#include "network.h"
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
