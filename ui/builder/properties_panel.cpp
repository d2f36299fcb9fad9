#include "properties_panel.h"

#include "analysis.h"
#include "edits.h"

#include <QComboBox>
#include <QEvent>
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

    auto* network = texts_.add(new QGroupBox(this), "title", QT_TR_NOOP("Network"));
    auto* nf = new QFormLayout(network);
    name_ = new QLineEdit(network);
    name_->setObjectName(QStringLiteral("name"));
    addRow(nf, QT_TR_NOOP("Name"), name_);
    depth_ = new QSpinBox(network);
    depth_->setObjectName(QStringLiteral("depth"));
    depth_->setRange(2, 100000);
    texts_.add(depth_, "toolTip",
               QT_TR_NOOP("Depth in weighted layers: 6n+2 for three stages of basic blocks "
                          "(20, 32, 44, 56, 110, 1202), 9n+2 for bottlenecks."));
    addRow(nf, QT_TR_NOOP("Depth"), depth_);
    depthHint_ = new QLabel(network);
    depthHint_->setWordWrap(true);
    depthHint_->setStyleSheet(QStringLiteral("color: gray"));
    nf->addRow(QString(), depthHint_);
    layout->addWidget(network);

    stemGroup_ = texts_.add(new QGroupBox(this), "title", QT_TR_NOOP("Stem"));
    auto* sf = new QFormLayout(stemGroup_);
    stemKind_ = new QComboBox(stemGroup_);
    stemKind_->setObjectName(QStringLiteral("stemKind"));
    for (const StemKindInfo& info : kStemKinds)
        stemKind_->addItem(QString(), int(info.value));  // texts: retranslateUi
    addRow(sf, QT_TR_NOOP("Kind"), stemKind_);
    stemWidth_ = new QSpinBox(stemGroup_);
    stemWidth_->setObjectName(QStringLiteral("stemWidth"));
    stemWidth_->setRange(1, kMaxWidth);
    addRow(sf, QT_TR_NOOP("Width"), stemWidth_);
    layout->addWidget(stemGroup_);

    stageGroup_ = new QGroupBox(this);  // its title names the stage: updateTexts
    auto* gf = new QFormLayout(stageGroup_);
    blockKind_ = new QComboBox(stageGroup_);
    blockKind_->setObjectName(QStringLiteral("blockKind"));
    for (const BlockKindInfo& info : kBlockKinds)
        blockKind_->addItem(QString(), int(info.value));
    addRow(gf, QT_TR_NOOP("Block"), blockKind_);
    blocks_ = new QSpinBox(stageGroup_);
    blocks_->setObjectName(QStringLiteral("blocks"));
    blocks_->setRange(0, kMaxTotalBlocks);
    addRow(gf, QT_TR_NOOP("Blocks"), blocks_);
    width_ = new QSpinBox(stageGroup_);
    width_->setObjectName(QStringLiteral("width"));
    width_->setRange(0, kMaxWidth);
    texts_.add(width_, "toolTip",
               QT_TR_NOOP("Width of the 3×3 convs; a bottleneck stage outputs 4× this."));
    addRow(gf, QT_TR_NOOP("Width"), width_);
    stride_ = new QSpinBox(stageGroup_);
    stride_->setObjectName(QStringLiteral("stride"));
    stride_->setRange(1, kMaxStride);
    texts_.add(stride_, "toolTip",
               QT_TR_NOOP("Stride of the stage's first block: 2 halves the feature map."));
    addRow(gf, QT_TR_NOOP("Stride"), stride_);
    shortcut_ = new QComboBox(stageGroup_);
    shortcut_->setObjectName(QStringLiteral("shortcut"));
    for (const ShortcutOptionInfo& info : kShortcutOptions)
        shortcut_->addItem(QString(), int(info.value));
    addRow(gf, QT_TR_NOOP("Shortcut"), shortcut_);
    layout->addWidget(stageGroup_);
    layout->addStretch();
    retranslateUi();

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

void PropertiesPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void PropertiesPanel::retranslateUi() {
    texts_.retranslate();
    // The combo boxes' items from the kinds' tables, in the current language.
    auto items = [](QComboBox* box, const auto& table, const char* context) {
        for (int i = 0; i < box->count(); ++i)
            box->setItemText(
                i, textOf(table, decltype(table[0].value)(box->itemData(i).toInt()), context));
    };
    items(stemKind_, kStemKinds, kStemContext);
    items(blockKind_, kBlockKinds, kBlockKindContext);
    items(shortcut_, kShortcutOptions, kShortcutContext);
    updateTexts();
}

void PropertiesPanel::addRow(QFormLayout* form, const char* label, QWidget* field) {
    auto* text = texts_.add(new QLabel(form->parentWidget()), "text", label);
    text->setBuddy(field);
    form->addRow(text, field);
}

void PropertiesPanel::updateTexts() {
    const DepthRule rule = depthRule(spec_);
    depthHint_->setText(
        rule.step > 0 ? tr("%1n+2 with n = %2 blocks per stage").arg(rule.step).arg(rule.blocks)
                      : tr("Stages differ: edit each stage's blocks."));
    const int stage = selectedStage();
    if (stage >= 0)
        stageGroup_->setTitle(selection_.kind == CanvasRef::Kind::Block
                                  ? tr("Stage %1, block %2 (the stage's %3 blocks are alike)")
                                        .arg(stage + 1)
                                        .arg(selection_.block + 1)
                                        .arg(spec_.stages[stage].blocks)
                                  : tr("Stage %1").arg(stage + 1));
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
    } else {
        depth_->setMinimum(0);
        depth_->setValue(analyze(spec).depth);
    }
    stemGroup_->setVisible(selection.kind == CanvasRef::Kind::Stem ||
                           selection.kind == CanvasRef::Kind::None);
    stemKind_->setCurrentIndex(stemKind_->findData(int(spec.stem.kind)));
    stemWidth_->setValue(spec.stem.width);
    const int stage = selectedStage();
    stageGroup_->setVisible(stage >= 0);
    if (stage >= 0) {
        const StageSpec& st = spec.stages[stage];
        blockKind_->setCurrentIndex(blockKind_->findData(int(st.block)));
        blocks_->setValue(st.blocks);
        width_->setValue(st.width);
        stride_->setValue(st.stride);
        shortcut_->setCurrentIndex(shortcut_->findData(int(st.shortcut)));
        shortcut_->setEnabled(blockKindInfo(st.block).residual);
    }
    updateTexts();
    updating_ = false;
}

}  // namespace rx
