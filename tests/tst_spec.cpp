// The network description: presets, counting, validation and the .resnet.json format.
#include "analysis.h"
#include "edits.h"
#include "presets.h"
#include "spec_json.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <map>

using namespace rx;

namespace {

// Parameter count computed straight from the stage description, the way one would by hand from
// the paper: convs k·k·in·out, BN 2·c, fc in·classes + classes. Independent of analysis.cpp.
std::int64_t handCount(const NetworkSpec& spec) {
    const bool preFirst = blockKindInfo(spec.stages.front().block).preActivation;
    const bool preLast = blockKindInfo(spec.stages.back().block).preActivation;
    const int k = spec.stem.kind == StemKind::Cifar ? 3 : 7;
    std::int64_t n = std::int64_t(k) * k * spec.input.channels * spec.stem.width;
    if (!preFirst)
        n += 2 * spec.stem.width;
    int in = spec.stem.width;
    for (const StageSpec& st : spec.stages) {
        const BlockKindInfo& kind = blockKindInfo(st.block);
        const std::int64_t w = st.width, out = w * kind.expansion;
        for (int b = 0; b < st.blocks; ++b) {
            const int stride = b == 0 ? st.stride : 1;
            if (weightedLayers(st.block) == 3) {  // 1×1, 3×3, 1×1
                n += in * w + 9 * w * w + w * out;
                n += kind.preActivation ? 2 * in + 2 * w + 2 * w : 2 * w + 2 * w + 2 * out;
            } else {
                n += 9 * in * w + 9 * w * out;
                n += kind.preActivation ? 2 * in + 2 * w : 2 * w + 2 * out;
            }
            const bool changes = stride != 1 || in != out;
            const bool projection =
                kind.residual && (st.shortcut == ShortcutOption::ProjectAll ||
                                  (st.shortcut == ShortcutOption::ProjectOnChange && changes));
            if (projection)
                n += in * out + (kind.preActivation ? 0 : 2 * out);
            in = static_cast<int>(out);
        }
    }
    if (preLast)
        n += 2 * in;
    n += std::int64_t(in) * spec.input.classes + spec.input.classes;
    return n;
}

NetworkSpec resnet20() {
    return *preset(QStringLiteral("resnet-20"));
}

bool anyErrorContains(const Analysis& a, const QString& text) {
    for (const auto& m : a.errorMessages())
        if (m.contains(text))
            return true;
    return false;
}

}  // namespace

class TestSpec : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyPresetIsValidAndCountsLikeByHand_data() {
        QTest::addColumn<QString>("name");
        for (const QString& name : presetNames())
            QTest::newRow(qPrintable(name)) << name;
    }
    void everyPresetIsValidAndCountsLikeByHand() {
        QFETCH(QString, name);
        const auto spec = preset(name);
        QVERIFY(spec);
        QCOMPARE(spec->name, name);
        const Analysis a = analyze(*spec);
        QVERIFY2(a.ok(), qPrintable(a.errorMessages().join('\n')));
        QCOMPARE(a.params, handCount(*spec));
        QCOMPARE(a.output, (Shape{10, 1, 1}));
    }

    void presetListIsComplete() {
        const QStringList expected = {
            "plain-20",          "plain-32",    "plain-44",    "plain-56",    "plain-110",
            "resnet-20",         "resnet-32",   "resnet-44",   "resnet-56",   "resnet-110",
            "resnet-1202",       "resnet-20-b", "resnet-32-b", "resnet-32-c", "preact-resnet-110",
            "preact-resnet-164", "resnet-18",   "resnet-34",   "resnet-50",   "resnet-34-cifar"};
        QCOMPARE(presetNames(), expected);
        QVERIFY(!preset(QStringLiteral("resnet-21")));
    }

    void paperParameterCounts_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("paper");
        QTest::newRow("resnet-20") << "resnet-20"
                                   << "0.27M";
        QTest::newRow("resnet-32") << "resnet-32"
                                   << "0.46M";
        QTest::newRow("resnet-44") << "resnet-44"
                                   << "0.66M";
        QTest::newRow("resnet-56") << "resnet-56"
                                   << "0.85M";
        QTest::newRow("resnet-110") << "resnet-110"
                                    << "1.73M";  // paper: 1.7M
        QTest::newRow("resnet-1202") << "resnet-1202"
                                     << "19.4M";
    }
    void paperParameterCounts() {
        QFETCH(QString, name);
        QFETCH(QString, paper);
        QCOMPARE(shortNumber(analyze(*preset(name)).params), paper);
    }

    void exactCountsOfOptionsAandB() {
        QCOMPARE(analyze(resnet20()).params, std::int64_t(269722));
        QCOMPARE(analyze(*preset("resnet-20-b")).params, std::int64_t(272474));
        // Option B adds a 1×1 conv + BN where the shape changes (16→32: 512 + 64, 32→64:
        // 2048 + 128); option C adds one on every shortcut of ResNet-32 (5 blocks per stage):
        // 5 × (256 + 32) + (512 + 64) + 4 × (1024 + 64) + (2048 + 128) + 4 × (4096 + 128).
        const std::int64_t a32 = analyze(*preset("resnet-32")).params;
        QCOMPARE(analyze(*preset("resnet-32-b")).params, a32 + 2752);
        QCOMPARE(analyze(*preset("resnet-32-c")).params,
                 a32 + 5 * 288 + 576 + 4 * 1088 + 2176 + 4 * 4224);
        // Plain nets have exactly the parameters of option A nets.
        QCOMPARE(analyze(*preset("plain-56")).params, analyze(*preset("resnet-56")).params);
    }

    void depthFollowsThePaperConvention_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("depth");
        for (int d : {20, 32, 44, 56, 110}) {
            QTest::newRow(qPrintable(QString("plain-%1").arg(d)))
                << QString("plain-%1").arg(d) << d;
            QTest::newRow(qPrintable(QString("resnet-%1").arg(d)))
                << QString("resnet-%1").arg(d) << d;
        }
        QTest::newRow("resnet-1202") << "resnet-1202" << 1202;
        QTest::newRow("resnet-20-b") << "resnet-20-b" << 20;  // projections do not count
        QTest::newRow("preact-resnet-110") << "preact-resnet-110" << 110;
        QTest::newRow("preact-resnet-164") << "preact-resnet-164" << 164;
        QTest::newRow("resnet-18") << "resnet-18" << 18;
        QTest::newRow("resnet-34") << "resnet-34" << 34;
        QTest::newRow("resnet-50") << "resnet-50" << 50;
        QTest::newRow("resnet-34-cifar") << "resnet-34-cifar" << 34;
    }
    void depthFollowsThePaperConvention() {
        QFETCH(QString, name);
        QFETCH(int, depth);
        QCOMPARE(analyze(*preset(name)).depth, depth);
    }

    void resnet20MacsAndShapes() {
        const Analysis a = analyze(resnet20());
        // Each 3×3 conv costs 9·in·out·H·W MACs; a stage's maps are 32², 16², 8².
        const std::int64_t stem = 9 * 3 * 16 * 32 * 32;
        const std::int64_t stage1 = 6 * (9 * 16 * 16 * 32 * 32);
        const std::int64_t stage2 = 9 * 16 * 32 * 16 * 16 + 5 * (9 * 32 * 32 * 16 * 16);
        const std::int64_t stage3 = 9 * 32 * 64 * 8 * 8 + 5 * (9 * 64 * 64 * 8 * 8);
        const std::int64_t fc = 64 * 10;
        QCOMPARE(a.macs, stem + stage1 + stage2 + stage3 + fc);
        QCOMPARE(shortNumber(a.macs), QStringLiteral("40.6M"));
        QCOMPARE(a.stages.size(), size_t(3));
        QCOMPARE(a.stages[0].output, (Shape{16, 32, 32}));
        QCOMPARE(a.stages[1].output, (Shape{32, 16, 16}));
        QCOMPARE(a.stages[2].output, (Shape{64, 8, 8}));
        // stem + 9 blocks + head, each block's output shape known.
        QCOMPARE(a.blocks.size(), size_t(11));
        QCOMPARE(a.blocks[4].name, QStringLiteral("layer2.0"));
        QCOMPARE(a.blocks[4].output, (Shape{32, 16, 16}));
        QCOMPARE(a.blocks[4].shortcut, ShortcutKind::ZeroPad);
        QCOMPARE(a.blocks[5].shortcut, ShortcutKind::Identity);
        // Fig. 7 layers: the stem conv and both convs of each of the 9 blocks.
        const QStringList responses = a.responseLayers();
        QCOMPARE(responses.size(), 19);
        QCOMPARE(responses.first(), QStringLiteral("conv1"));
        QCOMPARE(responses[1], QStringLiteral("layer1.0.conv1"));
        QCOMPARE(responses.last(), QStringLiteral("layer3.2.conv2"));
    }

    void imagenetStemShapes() {
        const Analysis a = analyze(*preset("resnet-50"));
        QCOMPARE(a.blocks.front().output, (Shape{64, 8, 8}));  // 32 → /2 conv → /2 pool
        QCOMPARE(a.stages.back().output, (Shape{2048, 1, 1}));
        QCOMPARE(a.responseLayers().size(), 16);  // one 3×3 per bottleneck, none in the stem
    }

    void blocksPerStageForDepth() {
        QCOMPARE(rx::blocksPerStageForDepth(BlockKind::Basic, 56), 9);
        QCOMPARE(rx::blocksPerStageForDepth(BlockKind::Basic, 1202), 200);
        QCOMPARE(rx::blocksPerStageForDepth(BlockKind::PreActBottleneck, 164), 18);
        QCOMPARE(rx::blocksPerStageForDepth(BlockKind::Basic, 21), -1);
    }

    void plainResidualCounterparts() {
        QCOMPARE(withResidual(BlockKind::Basic, false), BlockKind::PlainBasic);
        QCOMPARE(withResidual(BlockKind::PlainPreActBottleneck, true), BlockKind::PreActBottleneck);
        QCOMPARE(withResidual(BlockKind::Bottleneck, true), BlockKind::Bottleneck);
    }

    // ---- validation ----

    void validationNamesStageAndBlockForOptionAMismatch() {
        NetworkSpec spec = resnet20();
        spec.stages[1].width = 8;  // 16 → 8 channels cannot be zero-padded
        const Analysis a = analyze(spec);
        QVERIFY(!a.ok());
        QCOMPARE(a.errors.size(), size_t(1));
        QCOMPARE(a.errors[0].stage, 1);
        QCOMPARE(a.errors[0].block, 0);
        QVERIFY2(a.errors[0].message.startsWith("stage 2, block 1: shortcut option A"),
                 qPrintable(a.errors[0].message));
        QVERIFY(a.errors[0].message.contains("16 channels to 8"));
        // Option B projects and is fine.
        spec.stages[1].shortcut = ShortcutOption::ProjectOnChange;
        QVERIFY(analyze(spec).ok());
        // A plain net has no shortcut to mismatch.
        spec.stages[1].block = BlockKind::PlainBasic;
        spec.stages[1].shortcut = ShortcutOption::ZeroPad;
        QVERIFY(analyze(spec).ok());
    }

    void validationRejectsNonPositiveSizes() {
        NetworkSpec spec = resnet20();
        spec.stages[2].blocks = 0;
        spec.stages[0].width = -4;
        spec.stages[1].stride = 0;
        spec.stem.width = 0;
        spec.input.classes = 0;
        const Analysis a = analyze(spec);
        QCOMPARE(a.errors.size(), size_t(5));
        QVERIFY(anyErrorContains(a, "stage 3: number of blocks must be at least 1, got 0"));
        QVERIFY(anyErrorContains(a, "stage 1: width must be at least 1, got -4"));
        QVERIFY(anyErrorContains(a, "stage 2: stride must be at least 1, got 0"));
        QVERIFY(anyErrorContains(a, "stem width must be at least 1, got 0"));
        QVERIFY(anyErrorContains(a, "number of classes must be at least 1, got 0"));
    }

    void validationSaysWhereEachErrorIs() {
        using L = ValidationError::Location;
        NetworkSpec spec = resnet20();
        spec.input.height = 0;
        spec.input.classes = 0;
        spec.stem.width = 0;
        spec.stages[1].stride = 0;
        Analysis a = analyze(spec);
        QCOMPARE(a.errors.size(), size_t(4));
        std::map<L, ValidationError> byLocation;
        for (const ValidationError& e : a.errors)
            byLocation[e.location] = e;
        QVERIFY(byLocation[L::Input].message.startsWith("input height"));
        QVERIFY(byLocation[L::Head].message.startsWith("number of classes"));
        QVERIFY(byLocation[L::Stem].message.startsWith("stem width"));
        QCOMPARE(byLocation[L::Stage].stage, 1);
        QCOMPARE(byLocation[L::Stage].block, -1);

        spec = resnet20();
        spec.stages[1].width = 8;  // option A cannot drop channels: about layer2.0
        a = analyze(spec);
        QCOMPARE(a.errors.size(), size_t(1));
        QCOMPARE(a.errors[0].location, L::Block);
        QCOMPARE(a.errors[0].stage, 1);
        QCOMPARE(a.errors[0].block, 0);

        spec = *preset("resnet-18");
        spec.input.height = spec.input.width = 1;  // the stem's 7×7 conv /2 on a 1×1 input
        a = analyze(spec);
        QVERIFY(!a.errors.empty());
        QCOMPARE(a.errors[0].location, L::Stem);
        QVERIFY2(a.errors[0].message.startsWith("stem: "), qPrintable(a.errors[0].message));

        spec.stages.clear();
        a = analyze(spec);
        QCOMPARE(a.errors.back().location, L::Network);
    }

    void insertedBlockPosition() {
        edits::BlockPosition at;
        // Another kind mid-stage splits the stage; the new block is the middle part.
        NetworkSpec out = edits::insertBlock(resnet20(), 0, 2, BlockKind::Bottleneck, &at);
        QCOMPARE(out.stages[at.stage].block, BlockKind::Bottleneck);
        QCOMPARE(at, (edits::BlockPosition{1, 0}));
        // The stage's own kind: where it was inserted.
        edits::insertBlock(resnet20(), 1, 1, BlockKind::Basic, &at);
        QCOMPARE(at, (edits::BlockPosition{1, 1}));
        // Appended to the last stage of its kind: the last block.
        edits::insertBlock(resnet20(), 3, 0, BlockKind::Basic, &at);
        QCOMPARE(at, (edits::BlockPosition{2, 3}));
        // At the front of a stage, after an equal stage it merges into: that stage's last block.
        NetworkSpec two = resnet20();
        two.stages[0] = {BlockKind::Bottleneck, 2, 4, 1, ShortcutOption::ZeroPad};
        two.stages[1] = {BlockKind::Basic, 3, 16, 1, ShortcutOption::ZeroPad};
        out = edits::insertBlock(two, 1, 0, BlockKind::Bottleneck, &at);
        QCOMPARE(out.stages.size(), size_t(3));
        QCOMPARE(out.stages[0].blocks, 3);
        QCOMPARE(at, (edits::BlockPosition{0, 2}));
    }

    void validationRejectsSpatialCollapse() {
        NetworkSpec spec = resnet20();
        spec.input.height = spec.input.width = 8;
        spec.stages.push_back({BlockKind::Basic, 1, 128, 2, ShortcutOption::ZeroPad});
        spec.stages.push_back({BlockKind::Basic, 1, 256, 2, ShortcutOption::ZeroPad});
        // 8 → 8 → 4 → 2 → 1, then a 1×1 map asked to stride 2 again in stage 5.
        const Analysis a = analyze(spec);
        QCOMPARE(a.errors.size(), size_t(1));
        QVERIFY2(a.errors[0].message.startsWith("stage 5, block 1: the spatial size would fall "
                                                "below 1×1"),
                 qPrintable(a.errors[0].message));
        QCOMPARE(a.errors[0].stage, 4);
    }

    void validationRejectsAbsurdSizes() {
        NetworkSpec spec = resnet20();
        spec.stages[0].blocks = 20000;
        Analysis a = analyze(spec);
        QVERIFY(anyErrorContains(a, "stage 1: number of blocks of 20000 is absurd"));
        QVERIFY(anyErrorContains(a, "the network has 20,006 blocks; at most 10,000"));
        QVERIFY(a.blocks.empty());  // nothing was expanded

        spec = resnet20();
        spec.stages[2].width = 1000000;
        QVERIFY(anyErrorContains(analyze(spec), "stage 3: width of 1000000 is absurd"));

        spec = resnet20();
        spec.stages.clear();
        QVERIFY(anyErrorContains(analyze(spec), "the network has no stages"));
    }

    // ---- .resnet.json ----

    void jsonRoundTripsEveryPreset() {
        for (const QString& name : presetNames()) {
            const NetworkSpec spec = *preset(name);
            const QByteArray json = specToJson(spec);
            NetworkSpec back;
            QString error;
            QVERIFY2(specFromJson(json, &back, &error), qPrintable(error));
            QVERIFY2(back == spec, qPrintable(name));
            QCOMPARE(specToJson(back), json);
        }
    }

    void fileRoundTripKeepsEveryField() {
        NetworkSpec spec = resnet20();
        spec.name = QStringLiteral("내 네트워크");  // non-ASCII survives
        spec.description = QStringLiteral("edited \"by hand\"");
        spec.input = {1, 28, 28, 7};
        spec.stem = {StemKind::ImageNet, 12};
        spec.stages[1] = {BlockKind::PreActBottleneck, 2, 12, 2, ShortcutOption::ProjectAll};
        QVERIFY(analyze(spec).ok());
        QTemporaryDir dir;
        const QString path = dir.filePath("net.resnet.json");
        QString error;
        QVERIFY2(saveSpecFile(path, spec, &error), qPrintable(error));
        NetworkSpec back;
        QVERIFY2(loadSpecFile(path, &back, &error), qPrintable(error));
        QCOMPARE(back, spec);
    }

    void jsonErrors_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not json") << QByteArray("{\"format\": 1, \"stages\": [")
                                  << "not valid JSON";
        QTest::newRow("array root") << QByteArray("[1, 2]") << "must hold one JSON object";
        QTest::newRow("newer format")
            << QByteArray(R"({"format": 2, "stages": []})") << "format: this file has format 2";
        QTest::newRow("no format") << QByteArray(R"({"stages": []})") << "format: missing";
        QTest::newRow("format as string") << QByteArray(R"({"format": "1", "stages": []})")
                                          << "format: expected an integer, got a string";
        QTest::newRow("stages not array") << QByteArray(R"({"format": 1, "stages": {}})")
                                          << "stages: expected an array, got an object";
        QTest::newRow("width as string")
            << QByteArray(
                   R"({"format": 1, "stages": [{"block": "basic", "blocks": 3, "width": "16"}]})")
            << "stages[0].width: expected an integer, got a string";
        QTest::newRow("fractional blocks")
            << QByteArray(
                   R"({"format": 1, "stages": [{"block": "basic", "blocks": 2.5, "width": 16}]})")
            << "stages[0].blocks: expected an integer, got a number";
        QTest::newRow("unknown kind")
            << QByteArray(R"({"format": 1, "stages": [{"block": "basic", "blocks": 1, "width": 16},
                                                      {"block": "dense", "blocks": 1, "width": 16}]})")
            << "stages[1].block: unknown block kind 'dense'";
        QTest::newRow("unknown shortcut")
            << QByteArray(
                   R"({"format": 1, "stages": [{"block": "basic", "blocks": 1, "width": 16, "shortcut": "D"}]})")
            << "stages[0].shortcut: unknown shortcut option 'D'";
        QTest::newRow("missing blocks")
            << QByteArray(R"({"format": 1, "stages": [{"block": "basic", "width": 16}]})")
            << "stages[0].blocks: missing";
        QTest::newRow("unknown stem")
            << QByteArray(R"({"format": 1, "stem": {"kind": "vit"}, "stages": []})")
            << "stem.kind: unknown stem kind 'vit'";
        QTest::newRow("input not object")
            << QByteArray(R"({"format": 1, "input": 32, "stages": []})")
            << "input: expected an object, got a number";
    }
    void jsonErrors() {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        NetworkSpec spec = resnet20();
        const NetworkSpec before = spec;
        QString error;
        QVERIFY(!specFromJson(json, &spec, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QCOMPARE(spec, before);  // a failed load changes nothing
    }

    void missingFileAndReadOnlySave() {
        NetworkSpec spec;
        QString error;
        QVERIFY(!loadSpecFile("/nonexistent/dir/x.resnet.json", &spec, &error));
        QVERIFY2(error.contains("cannot read /nonexistent/dir/x.resnet.json"), qPrintable(error));
        QTemporaryDir dir;
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner);
        const QString path = dir.filePath("net.resnet.json");
        if (QFile f(dir.filePath("probe")); f.open(QIODevice::WriteOnly)) {
            // Running as root: permissions do not stop writes, so use a path that cannot exist.
            f.remove();
            QVERIFY(!saveSpecFile("/proc/version/net.resnet.json", resnet20(), &error));
            QVERIFY2(error.contains("cannot write /proc/version/net.resnet.json"),
                     qPrintable(error));
        } else {
            QVERIFY(!saveSpecFile(path, resnet20(), &error));
            QVERIFY2(error.contains("cannot write"), qPrintable(error));
            QVERIFY(!QFile::exists(path));
        }
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
};

QTEST_GUILESS_MAIN(TestSpec)
#include "tst_spec.moc"
