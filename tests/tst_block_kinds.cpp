// Every row of the block kind table (model/block_kinds.h) builds, counts and draws: a new kind
// added to the table is checked here without touching this file.
#include "block_palette.h"
#include "network.h"
#include "network_canvas.h"
#include "palette_icons.h"
#include "presets.h"

#include <QApplication>
#include <QtTest>

using namespace rx;

namespace {

// A three-stage CIFAR net of one kind: 16, 32, 64 wide, one block per stage.
NetworkSpec netOf(BlockKind kind, ShortcutOption shortcut) {
    return cifarNet(QStringLiteral("test"), kind, 1, shortcut);
}

// The module names of a module's parameters and buffers, in registration order, without the
// tensor's own name ("layer1.0.conv1.weight" → "layer1.0.conv1"), each once.
QStringList moduleNames(const torch::nn::Module& module) {
    QStringList names;
    auto add = [&](const std::string& key) {
        const QString name = QString::fromStdString(key.substr(0, key.rfind('.')));
        if (names.isEmpty() || names.last() != name)
            names << name;
    };
    for (const auto& item : module.named_parameters())
        add(item.key());
    return names;
}

// The analysis' layers that hold parameters, in order.
QStringList weightedLayerNames(const Analysis& a) {
    QStringList names;
    for (const BlockInfo& block : a.blocks)
        for (const LayerInfo& layer : block.layers)
            if (layer.params > 0)
                names << layer.name;
    return names;
}

// The lines a block box should list, read straight from the plan.
QStringList planLines(const BlockKindInfo& kind, int width, int stride) {
    QStringList lines;
    if (kind.preActivation)
        lines << QStringLiteral("BN, ReLU first");
    for (const LayerStep& step : kind.plan) {
        if (step.op != StepOp::Conv)
            continue;
        QString line = QStringLiteral("%1×%1 conv, %2")
                           .arg(step.kernel)
                           .arg(step.to == StepWidth::Output ? width * kind.expansion : width);
        if (step.strided() && stride > 1)
            line += QStringLiteral(", /%1").arg(stride);
        lines << line;
    }
    return lines;
}

}  // namespace

class TestBlockKinds : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        torch::manual_seed(0);
        torch::set_num_threads(2);
    }

    void everyKindBuildsAndCounts_data() {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("shortcut");
        for (const BlockKindInfo& info : blockKinds())
            for (const ShortcutOptionInfo& option : kShortcutOptions)
                QTest::newRow(qPrintable(QStringLiteral("%1/%2").arg(info.id, option.id)))
                    << int(info.value) << int(option.value);
    }
    void everyKindBuildsAndCounts() {
        QFETCH(int, kind);
        QFETCH(int, shortcut);
        const NetworkSpec spec = netOf(BlockKind(kind), ShortcutOption(shortcut));
        const Analysis a = analyze(spec);
        QVERIFY2(a.ok(), qPrintable(a.errorMessages().join('\n')));
        QCOMPARE(a.depth, depthRule(BlockKind(kind), 3, 1).depth());
        QCOMPARE(a.depth, 3 * weightedLayers(BlockKind(kind)) + 2);

        Network net(spec);
        QCOMPARE(countParameters(*net), a.params);
        QCOMPARE(moduleNames(*net), weightedLayerNames(a));
        net->train();
        torch::NoGradGuard noGrad;
        std::vector<torch::Tensor> responses;
        const torch::Tensor out = net->forward(torch::randn({2, 3, 32, 32}), &responses);
        QCOMPARE(out.sizes().vec(), (std::vector<int64_t>{2, 10}));
        QVERIFY(torch::isfinite(out).all().item<bool>());
        QCOMPARE(int(responses.size()), int(a.responseLayers().size()));
        // One response per marked conv of each block, plus the CIFAR stem's 3×3 conv.
        int marked = 0;
        for (const LayerStep& step : blockKindInfo(BlockKind(kind)).plan)
            marked += step.response();
        QCOMPARE(int(responses.size()), 3 * marked + 1);
    }

    // The inference form (BN folded into the convs, channels-last, ReLU and addition in place)
    // computes what the eval-mode module computes, responses included, and train() drops it.
    void everyKindFoldsForInference_data() { everyKindBuildsAndCounts_data(); }
    void everyKindFoldsForInference() {
        QFETCH(int, kind);
        QFETCH(int, shortcut);
        Network net(netOf(BlockKind(kind), ShortcutOption(shortcut)));
        torch::NoGradGuard noGrad;
        // Trained-looking BN statistics, so that folding has something to fold.
        for (auto& module : net->modules(false))
            if (auto* bn = module->as<torch::nn::BatchNorm2d>()) {
                bn->running_mean.uniform_(-0.5, 0.5);
                bn->running_var.uniform_(0.5, 2.0);
                bn->weight.uniform_(0.5, 1.5);
                bn->bias.uniform_(-0.2, 0.2);
            }
        const torch::Tensor x = torch::randn({4, 3, 32, 32});
        const torch::Tensor input = x.clone();
        net->eval();
        std::vector<torch::Tensor> plainResponses, foldedResponses;
        const torch::Tensor expected = net->forward(x, &plainResponses);
        net->foldForInference();
        QVERIFY(net->isFolded());
        const torch::Tensor folded = net->forward(x);
        const torch::Tensor foldedWithResponses = net->forward(x, &foldedResponses);
        QVERIFY(torch::equal(x, input));  // in-place steps never touch the caller's tensor
        const double scale = expected.abs().max().item<double>();
        QVERIFY2((folded - expected).abs().max().item<double>() < 1e-4 * scale,
                 qPrintable(QString::number((folded - expected).abs().max().item<double>())));
        QVERIFY((foldedWithResponses - expected).abs().max().item<double>() < 1e-4 * scale);
        QCOMPARE(foldedResponses.size(), plainResponses.size());
        for (size_t i = 0; i < plainResponses.size(); ++i) {
            const double s = plainResponses[i].abs().max().item<double>();
            QVERIFY((foldedResponses[i] - plainResponses[i]).abs().max().item<double>() < 1e-4 * s);
        }
        net->train();
        QVERIFY(!net->isFolded());
    }

    void everyKindDraws() {
        NetworkCanvas canvas;
        BlockPalette palette;
        for (const BlockKindInfo& info : blockKinds()) {
            const NetworkSpec spec = netOf(info.value, ShortcutOption::ProjectOnChange);
            canvas.setSpec(spec, analyze(spec), true);
            QCOMPARE(canvas.blockBoxCount(), 3);
            QCOMPARE(canvas.linesOf({CanvasRef::Kind::Block, 0, 0}), planLines(info, 16, 1));
            QCOMPARE(canvas.linesOf({CanvasRef::Kind::Block, 1, 0}), planLines(info, 32, 2));
            // Pre-activation nets end with BN and ReLU before the pooling (final_bn).
            QCOMPARE(canvas.linesOf({CanvasRef::Kind::Head}).first() == "BN, ReLU",
                     info.preActivation);
            QVERIFY(!canvas.isMarkedInvalid({CanvasRef::Kind::Block, 1, 0}));
            // Every title fits its box, the long collapsed ones too ("layer1 · ×18 plain
            // pre-activation bottleneck blocks" ran out of its box, cut in the middle).
            QCOMPARE(canvas.titleOverflowOf({CanvasRef::Kind::Block, 1, 0}), 0.0);
            NetworkSpec deep = spec;
            deep.stages[0].blocks = 18;
            canvas.setSpec(deep, analyze(deep), true);
            QVERIFY(canvas.isCollapsed(0));
            QCOMPARE(canvas.titleOverflowOf({CanvasRef::Kind::Stage, 0, -1}), 0.0);
            canvas.setSpec(spec, analyze(spec), true);

            QListWidgetItem* item = palette.itemFor(blockPayload(info.value));
            QVERIFY2(item, info.id);
            QCOMPARE(item->text(), QString::fromUtf8(info.text));
            QVERIFY2(!item->toolTip().isEmpty(), info.id);
            QVERIFY(!item->icon().isNull());
            QVERIFY(!item->icon().pixmap(32, 32).isNull());
            QCOMPARE(blockFromPayload(blockPayload(info.value)), std::optional(info.value));
            const Rgb c = info.color;
            QCOMPARE(blockColor(info.value), QColor(c.r, c.g, c.b));
        }
    }

    void plainAndResidualCounterpartsPair() {
        for (const BlockKindInfo& info : blockKinds()) {
            const BlockKind other = withResidual(info.value, !info.residual);
            if (other == info.value)
                continue;  // a kind without a counterpart stays what it is
            QCOMPARE(blockKindInfo(other).residual, !info.residual);
            QCOMPARE(withResidual(other, info.residual), info.value);
            QCOMPARE(weightedLayers(other), weightedLayers(info.value));
        }
    }
};

QTEST_MAIN(TestBlockKinds)
#include "tst_block_kinds.moc"
