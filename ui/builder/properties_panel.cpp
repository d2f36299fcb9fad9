#include "properties_panel.h"

#include "analysis.h"
#include "edits.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace rx {

PropertiesPanel::PropertiesPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("properties"));
    auto* layout = new QVBoxLayout(this);

    auto* network = new QGroupBox(tr("Network"), this);
    auto* nf = new QFormLayout(network);
    name_ = new QLineEdit(network);
    name_->setObjectName(QStringLiteral("name"));
    nf->addRow(tr("Name"), name_);
    depth_ = new QSpinBox(network);
    depth_->setObjectName(QStringLiteral("depth"));
    depth_->setRange(2, 100000);
    depth_->setToolTip(
        tr("Depth in weighted layers: 6n+2 for three stages of basic blocks "
           "(20, 32, 44, 56, 110, 1202), 9n+2 for bottlenecks."));
    nf->addRow(tr("Depth"), depth_);
    depthHint_ = new QLabel(network);
    depthHint_->setWordWrap(true);
    depthHint_->setStyleSheet(QStringLiteral("color: gray"));
    nf->addRow(QString(), depthHint_);
    layout->addWidget(network);

    stemGroup_ = new QGroupBox(tr("Stem"), this);
    auto* sf = new QFormLayout(stemGroup_);
    stemKind_ = new QComboBox(stemGroup_);
    stemKind_->setObjectName(QStringLiteral("stemKind"));
    for (const StemKindInfo& info : kStemKinds)
        stemKind_->addItem(textOf(kStemKinds, info.value, kStemContext), int(info.value));
    sf->addRow(tr("Kind"), stemKind_);
    stemWidth_ = new QSpinBox(stemGroup_);
    stemWidth_->setObjectName(QStringLiteral("stemWidth"));
    stemWidth_->setRange(1, kMaxWidth);
    sf->addRow(tr("Width"), stemWidth_);
    layout->addWidget(stemGroup_);

    stageGroup_ = new QGroupBox(tr("Stage"), this);
    auto* gf = new QFormLayout(stageGroup_);
    blockKind_ = new QComboBox(stageGroup_);
    blockKind_->setObjectName(QStringLiteral("blockKind"));
    for (const BlockKindInfo& info : kBlockKinds)
        blockKind_->addItem(textOf(kBlockKinds, info.value, kBlockKindContext), int(info.value));
    gf->addRow(tr("Block"), blockKind_);
    blocks_ = new QSpinBox(stageGroup_);
    blocks_->setObjectName(QStringLiteral("blocks"));
    blocks_->setRange(0, kMaxTotalBlocks);
    gf->addRow(tr("Blocks"), blocks_);
    width_ = new QSpinBox(stageGroup_);
    width_->setObjectName(QStringLiteral("width"));
    width_->setRange(0, kMaxWidth);
    width_->setToolTip(tr("Width of the 3×3 convs; a bottleneck stage outputs 4× this."));
    gf->addRow(tr("Width"), width_);
    stride_ = new QSpinBox(stageGroup_);
    stride_->setObjectName(QStringLiteral("stride"));
    stride_->setRange(1, kMaxStride);
    stride_->setToolTip(tr("Stride of the stage's first block: 2 halves the feature map."));
    gf->addRow(tr("Stride"), stride_);
    shortcut_ = new QComboBox(stageGroup_);
    shortcut_->setObjectName(QStringLiteral("shortcut"));
    for (const ShortcutOptionInfo& info : kShortcutOptions)
        shortcut_->addItem(textOf(kShortcutOptions, info.value, kShortcutContext), int(info.value));
    gf->addRow(tr("Shortcut"), shortcut_);
    layout->addWidget(stageGroup_);
    layout->addStretch();

    connect(name_, &QLineEdit::editingFinished, this, [this] {
        NetworkSpec s = spec_;
        s.name = name_->text();
        emitEdit(s, tr("Rename"));
    });
    connect(depth_, &QSpinBox::valueChanged, this, [this](int depth) {
        const int n = depthRule(spec_).blocksFor(depth);
        if (n > 0)
            emitEdit(edits::setBlocksPerStage(spec_, n), tr("Set depth"));
    });
    connect(stemKind_, &QComboBox::currentIndexChanged, this, [this] {
        emitEdit(edits::setStem(spec_, StemKind(stemKind_->currentData().toInt())),
                 tr("Change stem"));
    });
    connect(stemWidth_, &QSpinBox::valueChanged, this, [this](int w) {
        NetworkSpec s = spec_;
        s.stem.width = w;
        emitEdit(s, tr("Change stem width"));
    });
    auto stageEdit = [this](auto apply, const QString& text) {
        const int stage = selectedStage();
        if (stage < 0)
            return;
        NetworkSpec s = spec_;
        apply(s.stages[stage]);
        emitEdit(s, text);
    };
    connect(blockKind_, &QComboBox::currentIndexChanged, this, [this, stageEdit] {
        stageEdit(
            [this](StageSpec& st) { st.block = BlockKind(blockKind_->currentData().toInt()); },
            tr("Change block kind"));
    });
    connect(blocks_, &QSpinBox::valueChanged, this, [stageEdit, this](int n) {
        stageEdit([n](StageSpec& st) { st.blocks = n; }, tr("Change block count"));
    });
    connect(width_, &QSpinBox::valueChanged, this, [stageEdit, this](int w) {
        stageEdit([w](StageSpec& st) { st.width = w; }, tr("Change width"));
    });
    connect(stride_, &QSpinBox::valueChanged, this, [stageEdit, this](int v) {
        stageEdit([v](StageSpec& st) { st.stride = v; }, tr("Change stride"));
    });
    connect(shortcut_, &QComboBox::currentIndexChanged, this, [stageEdit, this] {
        stageEdit(
            [this](StageSpec& st) {
                st.shortcut = ShortcutOption(shortcut_->currentData().toInt());
            },
            tr("Change shortcut option"));
    });
}

int PropertiesPanel::selectedStage() const {
    if (selection_.kind != CanvasRef::Kind::Stage && selection_.kind != CanvasRef::Kind::Block)
        return -1;
    return selection_.stage < static_cast<int>(spec_.stages.size()) ? selection_.stage : -1;
}

void PropertiesPanel::emitEdit(const NetworkSpec& spec, const QString& description) {
    if (updating_ || spec == spec_)
        return;
    Q_EMIT editRequested(spec, description);
}

void PropertiesPanel::setSpec(const NetworkSpec& spec, const CanvasRef& selection) {
    spec_ = spec;
    selection_ = selection;
    updating_ = true;
    name_->setText(spec.name);
    const DepthRule rule = depthRule(spec);
    depth_->setEnabled(rule.step > 0);
    if (rule.step > 0) {
        depth_->setSingleStep(rule.step);
        depth_->setMinimum(DepthRule{rule.step, 1}.depth());
        depth_->setValue(rule.depth());
        depthHint_->setText(
            tr("%1n+2 with n = %2 blocks per stage").arg(rule.step).arg(rule.blocks));
    } else {
        depth_->setMinimum(0);
        depth_->setValue(analyze(spec).depth);
        depthHint_->setText(tr("Stages differ: edit each stage's blocks."));
    }
    stemGroup_->setVisible(selection.kind == CanvasRef::Kind::Stem ||
                           selection.kind == CanvasRef::Kind::None);
    stemKind_->setCurrentIndex(stemKind_->findData(int(spec.stem.kind)));
    stemWidth_->setValue(spec.stem.width);
    const int stage = selectedStage();
    stageGroup_->setVisible(stage >= 0);
    if (stage >= 0) {
        const StageSpec& st = spec.stages[stage];
        stageGroup_->setTitle(selection.kind == CanvasRef::Kind::Block
                                  ? tr("Stage %1, block %2 (the stage's %3 blocks are alike)")
                                        .arg(stage + 1)
                                        .arg(selection.block + 1)
                                        .arg(st.blocks)
                                  : tr("Stage %1").arg(stage + 1));
        blockKind_->setCurrentIndex(blockKind_->findData(int(st.block)));
        blocks_->setValue(st.blocks);
        width_->setValue(st.width);
        stride_->setValue(st.stride);
        shortcut_->setCurrentIndex(shortcut_->findData(int(st.shortcut)));
        shortcut_->setEnabled(blockKindInfo(st.block).residual);
    }
    updating_ = false;
}

}  // namespace rx
