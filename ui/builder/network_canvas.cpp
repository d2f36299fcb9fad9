#include "network_canvas.h"

#include "block_palette.h"
#include "palette_icons.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDragEnterEvent>
#include <QFileInfo>
#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QKeyEvent>
#include <QMimeData>
#include <QPainter>
#include <QScrollBar>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>
#include <map>

namespace rx {

namespace {

constexpr double kBoxWidth = 260;
constexpr double kTitleHeight = 22;
constexpr double kLineHeight = 17;
constexpr double kGap = 22;         // arrow between boxes
constexpr double kStageGap = 34;    // room for a stage boundary
constexpr double kAddRadius = 8;    // the addition node ⊕
constexpr double kAddGap = 20;      // extra room below a residual box for its ⊕ (and ReLU)
constexpr int kAutoCollapse = 9;    // stages with more blocks start collapsed
constexpr int kForceCollapse = 64;  // and beyond this they always are

// QGraphicsItem::data key marking the items tests and tools look up.
constexpr int kItemRoleKey = 0;
enum class ItemRole { None, ShortcutLabel, Addition, ReluAfterAddition };

QString kindLabel(BlockKind kind) {
    return textOf(kBlockKinds, kind, kBlockKindContext);
}

// The layers of a block as the paper's Fig. 3 lists them ("3×3 conv, 32, /2"), from its plan.
QStringList blockLines(const StageSpec& s, int block) {
    const BlockKindInfo& k = blockKindInfo(s.block);
    const int stride = block == 0 ? s.stride : 1;
    QStringList lines;
    if (k.preActivation)
        lines << NetworkCanvas::tr("BN, ReLU first");
    for (const LayerStep& step : k.plan) {
        if (step.op == StepOp::Conv)
            lines << layerText(LayerType::Conv, step.kernel,
                               step.to == StepWidth::Output ? s.width * k.expansion : s.width,
                               step.strided() ? stride : 1);
    }
    return lines;
}

// Where a block's shortcut joins its main path, read from its plan: whether there is an
// addition (StepOp::Add; plain kinds skip it) and whether a ReLU follows it (post-activation).
struct Addition {
    bool present = false;
    bool reluAfter = false;
};

Addition additionOf(BlockKind kind) {
    const BlockKindInfo& k = blockKindInfo(kind);
    const auto add = std::ranges::find(k.plan, StepOp::Add, &LayerStep::op);
    if (!k.residual || add == k.plan.end())
        return {};
    const auto next = std::next(add);
    return {true, next != k.plan.end() && next->op == StepOp::Relu};
}

ItemRole roleOf(const QGraphicsItem* item) {
    return ItemRole(item->data(kItemRoleKey).toInt());
}

}  // namespace

// One box: stem, block, collapsed stage or head.
class CanvasBox : public QGraphicsItem {
public:
    CanvasBox(const CanvasRef& ref, QString title, QStringList lines, QColor color, bool stacked)
        : ref_(ref),
          title_(std::move(title)),
          lines_(std::move(lines)),
          color_(color),
          stacked_(stacked) {}

    // Sizes the box for the font its texts are drawn in (the canvas's). A title wider than the
    // box ("layer1 · ×18 pre-activation basic blocks", a long Korean kind name) wraps at its
    // words onto more lines, and the box grows to hold them.
    void layOut(const QFont& font) {
        font_ = font;
        const QRectF room = titleRect();
        const QFontMetricsF metrics(titleFont());
        const double needed = metrics
                                  .boundingRect(QRectF(room.topLeft(), QSizeF(room.width(), 1e6)),
                                                kMeasureFlags, title_)
                                  .height();
        titleHeight_ = std::max(kTitleHeight, needed + 4);
        height_ = titleHeight_ + kLineHeight * lines_.size() + 6;
    }

    static constexpr double kStackDepth = 8;  // how far a stacked box's shadows reach

    QRectF boundingRect() const override {
        const double extra = stacked_ ? kStackDepth : 0;
        return QRectF(-kBoxWidth / 2 - 2, -2, kBoxWidth + 4 + extra, height_ + 4 + extra);
    }
    QRectF boxRect() const { return QRectF(-kBoxWidth / 2, 0, kBoxWidth, height_); }
    double height() const { return height_; }
    const CanvasRef& ref() const { return ref_; }
    const QString& title() const { return title_; }
    const QStringList& lines() const { return lines_; }
    // How far the widest line of the title reaches past its room, in pixels (0: it fits).
    double titleOverflow() const {
        const QFontMetricsF metrics(titleFont());
        const QRectF room = titleRect();
        const QRectF used = metrics.boundingRect(QRectF(room.topLeft(), QSizeF(room.width(), 1e6)),
                                                 kMeasureFlags, title_);
        return std::max({0.0, used.width() - room.width(), used.height() - room.height()});
    }
    bool isStacked() const { return stacked_; }

    void setSelected(bool selected) {
        selected_ = selected;
        update();
    }
    void setInvalid(const QStringList& messages) {
        invalid_ = !messages.isEmpty();
        setToolTip(messages.join(QLatin1Char('\n')));
        update();
    }
    bool isInvalid() const { return invalid_; }

    void paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) override {
        p->setRenderHint(QPainter::Antialiasing);
        const QRectF r = boxRect();
        const QColor fill = invalid_ ? QColor(255, 205, 205) : color_;
        const QColor border = invalid_ ? QColor(200, 30, 30) : color_.darker(160);
        if (stacked_) {
            for (int i = 2; i >= 1; --i) {
                p->setPen(QPen(border, 1));
                p->setBrush(fill.darker(100 + 6 * i));
                p->drawRoundedRect(r.translated(4 * i, 4 * i), 6, 6);
            }
        }
        p->setPen(QPen(selected_ ? QColor(25, 90, 210) : border, selected_ ? 3 : invalid_ ? 2 : 1));
        p->setBrush(fill);
        p->drawRoundedRect(r, 6, 6);
        p->setFont(titleFont());
        p->setPen(Qt::black);
        p->drawText(titleRect(), titleFlags(), title_);
        p->setFont(font_);
        for (int i = 0; i < lines_.size(); ++i)
            p->drawText(QRectF(r.left() + 14, r.top() + titleHeight_ + i * kLineHeight,
                               r.width() - 20, kLineHeight),
                        Qt::AlignVCenter | Qt::AlignLeft, lines_[i]);
    }

private:
    QFont titleFont() const {
        QFont font = font_;
        font.setBold(true);
        return font;
    }
    static int titleFlags() { return Qt::AlignVCenter | Qt::AlignLeft | Qt::TextWordWrap; }
    static constexpr int kMeasureFlags = Qt::AlignTop | Qt::AlignLeft | Qt::TextWordWrap;
    QRectF titleRect() const {
        return QRectF(-kBoxWidth / 2 + 8, 2, kBoxWidth - 16, titleHeight_ - 2);
    }

    CanvasRef ref_;
    QString title_;
    QFont font_;
    double titleHeight_ = kTitleHeight;
    QStringList lines_;
    QColor color_;
    bool stacked_;
    bool selected_ = false;
    bool invalid_ = false;
    double height_ = 0;
};

NetworkCanvas::NetworkCanvas(QWidget* parent) : QGraphicsView(parent) {
    setObjectName(QStringLiteral("canvas"));
    setScene(new QGraphicsScene(this));
    setRenderHint(QPainter::Antialiasing);
    setAcceptDrops(true);
    setDragMode(QGraphicsView::NoDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    setBackgroundBrush(QColor(250, 250, 252));
    setFocusPolicy(Qt::StrongFocus);
    // The drawing keeps the font it was laid out for (boxes have fixed sizes): a larger
    // application font (presentation mode) does not overflow them, the view's zoom enlarges all.
    setFont(QApplication::font());
}

void NetworkCanvas::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        rebuild();
    QGraphicsView::changeEvent(event);
}

void NetworkCanvas::setSpec(const NetworkSpec& spec, const Analysis& analysis, bool reset) {
    // Collapsed stages are remembered by index: when stages are added or removed the indices
    // shift, so fall back to the defaults rather than collapse the wrong stage.
    if (spec.stages.size() != spec_.stages.size())
        reset = true;
    spec_ = spec;
    analysis_ = analysis;
    const int count = static_cast<int>(spec.stages.size());
    if (reset)
        collapsed_.clear();
    for (auto it = collapsed_.begin(); it != collapsed_.end();)
        it = *it >= count ? collapsed_.erase(it) : std::next(it);
    for (int s = 0; s < count; ++s) {
        if ((reset && spec.stages[s].blocks > kAutoCollapse) ||
            spec.stages[s].blocks > kForceCollapse || spec.stages[s].blocks < 1)
            collapsed_.insert(s);
    }
    // Keep the selection when it still exists.
    if (selection_.kind == CanvasRef::Kind::Block || selection_.kind == CanvasRef::Kind::Stage) {
        if (selection_.stage >= count)
            selection_ = {};
        else if (selection_.kind == CanvasRef::Kind::Block &&
                 selection_.block >= spec.stages[selection_.stage].blocks)
            selection_.block = spec.stages[selection_.stage].blocks - 1;
    }
    rebuild();
}

// What the drawing steps share: the scene, the running y, and the analysis indexed for them.
struct NetworkCanvas::Layout {
    using Location = ValidationError::Location;

    QGraphicsScene* scene;
    const Analysis& analysis;
    QFont font;  // the view's, for every text
    double y = 0;
    std::map<std::pair<int, int>, const BlockInfo*> blocks;  // (stage, block) → its analysis

    static inline const QColor kLine{90, 90, 90};
    static inline const QColor kMuted{110, 110, 120};

    Layout(QGraphicsScene* s, const Analysis& a, const QFont& f) : scene(s), analysis(a), font(f) {
        for (const BlockInfo& b : analysis.blocks)
            if (b.role == BlockInfo::Role::Block)
                blocks[{b.stage, b.block}] = &b;
    }

    // The validator's messages about `location` (for stages and blocks: about `stage`, and for
    // blocks about `block` too; block −1 takes every block of the stage).
    QStringList errors(Location location, int stage = -1, int block = -1) const {
        QStringList out;
        for (const ValidationError& e : analysis.errors) {
            const bool mine = location == Location::Stem || location == Location::Head
                                  ? e.location == location
                                  : (e.location == Location::Stage && e.stage == stage) ||
                                        (e.location == Location::Block && e.stage == stage &&
                                         (block < 0 || e.block == block));
            if (mine)
                out << e.message;
        }
        return out;
    }

    ShortcutKind shortcutOf(int stage, int block) const {
        const auto it = blocks.find({stage, block});
        return it == blocks.end() ? ShortcutKind::None : it->second->shortcut;
    }

    QGraphicsSimpleTextItem* text(const QString& t, double x, double top, bool right,
                                  const QColor& color) {
        auto* item = scene->addSimpleText(t, font);
        item->setBrush(color);
        const double w = item->boundingRect().width();
        item->setPos(right ? x - w : x, top);
        return item;
    }

    void arrow(double from, double to) {
        scene->addLine(0, from, 0, to - 1, QPen(kLine, 1.4));
        QPolygonF head;
        head << QPointF(-4, to - 6) << QPointF(4, to - 6) << QPointF(0, to);
        scene->addPolygon(head, QPen(kLine), QBrush(kLine));
    }
};

void NetworkCanvas::rebuild() {
    QGraphicsScene* s = scene();
    s->clear();
    boxes_.clear();
    slots_.clear();
    marker_ = nullptr;

    Layout layout(s, analysis_, font());
    drawInput(layout);
    drawStem(layout);
    for (int si = 0; si < static_cast<int>(spec_.stages.size()); ++si)
        drawStage(layout, si);
    drawHead(layout);

    marker_ =
        s->addLine(-kBoxWidth / 2 - 10, 0, kBoxWidth / 2 + 10, 0, QPen(QColor(25, 90, 210), 3));
    marker_->setZValue(10);
    marker_->setVisible(false);
    setSceneRect(s->itemsBoundingRect().adjusted(-20, -20, 20, 20));
    setSelection(selection_);
}

CanvasBox* NetworkCanvas::place(Layout& layout, CanvasBox* box, const QStringList& errors) {
    box->layOut(layout.font);
    box->setPos(0, layout.y);
    layout.scene->addItem(box);
    boxes_.push_back(box);
    layout.y += box->height();
    box->setInvalid(errors);
    return box;
}

void NetworkCanvas::drawInput(Layout& layout) {
    const InputSpec& in = spec_.input;
    layout.text(tr("input %1×%2×%3").arg(in.channels).arg(in.height).arg(in.width), -kBoxWidth / 2,
                layout.y, false, Layout::kMuted);
    layout.y += 22;
    layout.arrow(layout.y - 4, layout.y + kGap - 6);
    layout.y += kGap;
}

void NetworkCanvas::drawStem(Layout& layout) {
    const StemKindInfo& stem = stemKindInfo(spec_.stem.kind);
    QStringList lines{layerText(LayerType::Conv, stem.kernel, spec_.stem.width, stem.stride)};
    if (stem.maxPool)
        lines << layerText(LayerType::MaxPool, 3, spec_.stem.width, 2);
    place(layout, new CanvasBox({CanvasRef::Kind::Stem}, tr("stem"), lines, stemColor(), false),
          layout.errors(Layout::Location::Stem));
}

void NetworkCanvas::drawStage(Layout& layout, int si) {
    const StageSpec& st = spec_.stages[si];
    double& y = layout.y;
    // Stage boundary: feature-map size and width, as the paper labels them.
    y += kStageGap - kGap + 6;
    layout.scene->addLine(-kBoxWidth / 2 - 90, y - 14, kBoxWidth / 2 + 90, y - 14,
                          QPen(QColor(190, 190, 200), 1, Qt::DotLine));
    QString size = QStringLiteral("?");
    if (si < static_cast<int>(analysis_.stages.size())) {
        const rx::Shape& o = analysis_.stages[si].output;
        size = QStringLiteral("%1×%2").arg(o.height).arg(o.width);
    }
    const int outChannels = st.width * blockKindInfo(st.block).expansion;
    layout.text(tr("stage %1").arg(si + 1), -kBoxWidth / 2 - 12, y - 10, true, Qt::black);
    layout.text(tr("%1, %2 ch").arg(size).arg(outChannels), -kBoxWidth / 2 - 12, y + 6, true,
                Layout::kMuted);
    slots_.push_back({y - 14, {si, 0}});
    layout.arrow(y - 8, y + 4);
    y += 6;
    if (collapsed_.count(si)) {
        drawCollapsedStage(layout, si);
        return;
    }
    for (int b = 0; b < st.blocks; ++b)
        drawBlock(layout, si, b);
}

void NetworkCanvas::drawCollapsedStage(Layout& layout, int si) {
    const StageSpec& st = spec_.stages[si];
    const double top = layout.y;
    QStringList lines = blockLines(st, 0);
    lines << tr("… ×%1").arg(st.blocks);
    auto* box = place(layout,
                      new CanvasBox({CanvasRef::Kind::Stage, si, -1},
                                    tr("layer%1 · ×%2 %3 blocks")
                                        .arg(si + 1)
                                        .arg(st.blocks)
                                        .arg(kindLabel(st.block).toLower()),
                                    lines, blockColor(st.block), true),
                      layout.errors(Layout::Location::Stage, si));
    layout.y += CanvasBox::kStackDepth;
    drawJoin(layout, box, si, 0, top, /*last=*/true, {si, st.blocks});
}

void NetworkCanvas::drawBlock(Layout& layout, int si, int b) {
    const StageSpec& st = spec_.stages[si];
    const double top = layout.y;
    auto* box = place(
        layout,
        new CanvasBox({CanvasRef::Kind::Block, si, b},
                      QStringLiteral("layer%1.%2 · %3").arg(si + 1).arg(b).arg(kindLabel(st.block)),
                      blockLines(st, b), blockColor(st.block), false),
        layout.errors(Layout::Location::Block, si, b));
    const bool last = b + 1 == st.blocks;
    drawJoin(layout, box, si, b, top, last, {si, last ? st.blocks : b + 1});
}

void NetworkCanvas::drawJoin(Layout& layout, CanvasBox* box, int si, int b, double top, bool last,
                             DropTarget slot) {
    const StageSpec& st = spec_.stages[si];
    const Addition addition = additionOf(st.block);
    const double bottom = layout.y;
    const double gap = addition.present ? kGap + kAddGap : kGap;
    const double join = bottom + 4 + kAddRadius;  // the ⊕'s centre
    drawShortcut(layout, box, layout.shortcutOf(si, b), st.shortcut, top,
                 addition.present ? join : bottom + kGap / 2 - 2);
    if (!last)
        layout.arrow(bottom, bottom + gap);
    else if (addition.present)  // the main line runs on through the ⊕ to the stage boundary
        layout.scene->addLine(0, bottom, 0, bottom + gap, QPen(Layout::kLine, 1.4));
    if (addition.present)
        drawAddition(layout, join, addition.reluAfter);
    slots_.push_back({bottom + gap / 2, slot});
    layout.y += gap;
}

void NetworkCanvas::drawShortcut(Layout& layout, CanvasBox* box, ShortcutKind kind,
                                 ShortcutOption option, double top, double join) {
    if (kind == ShortcutKind::None)
        return;
    // From the main line above the box, around its right side, back into the main line below
    // it where the addition happens (ending on the ⊕'s rim, with an arrowhead).
    const double x = kBoxWidth / 2 + (box->isStacked() ? CanvasBox::kStackDepth : 0);
    const double from = top - kGap / 2 + 2, to = join;
    const double end = kAddRadius + 1;
    QPainterPath path;
    path.moveTo(0, from);
    path.lineTo(x + 4, from);
    path.cubicTo(x + 36, from, x + 36, to, x + 4, to);
    path.lineTo(end + 5, to);
    QPen pen(Layout::kLine, 1.5);
    if (kind != ShortcutKind::Identity)
        pen.setStyle(Qt::DashLine);
    auto* item = layout.scene->addPath(path, pen);
    item->setZValue(-1);  // behind the boxes
    QPolygonF head;
    head << QPointF(end, to) << QPointF(end + 7, to - 4) << QPointF(end + 7, to + 4);
    layout.scene->addPolygon(head, QPen(Layout::kLine), QBrush(Layout::kLine));
    if (kind == ShortcutKind::Identity)
        return;
    const QString label =
        QCoreApplication::translate(kShortcutContext, shortcutOptionInfo(option).arcLabel);
    auto* text = layout.text(label, x + 34, (from + to) / 2 - 8, false, Layout::kMuted);
    text->setData(kItemRoleKey, int(ItemRole::ShortcutLabel));
}

void NetworkCanvas::drawAddition(Layout& layout, double y, bool reluAfter) {
    // The paper's Fig. 2: F(x) + x, drawn as ⊕ on the main line.
    const double r = kAddRadius;
    auto* circle = layout.scene->addEllipse(-r, y - r, 2 * r, 2 * r, QPen(Layout::kLine, 1.6),
                                            QBrush(Qt::white));
    circle->setData(kItemRoleKey, int(ItemRole::Addition));
    circle->setToolTip(tr("addition: the shortcut's x is added to the block's output F(x)"));
    circle->setZValue(1);
    const QPen plus(Layout::kLine, 1.6);
    for (const QLineF& l : {QLineF(-r + 3, y, r - 3, y), QLineF(0, y - r + 3, 0, y + r - 3)})
        layout.scene->addLine(l, plus)->setZValue(2);
    if (!reluAfter)
        return;
    // The ReLU that follows the addition, beside the main line just below the ⊕.
    auto* relu = layout.text(tr("ReLU"), -5, y + r - 1, true, Layout::kMuted);
    QFont font = relu->font();
    font.setPointSizeF(font.pointSizeF() * 0.85);
    relu->setFont(font);
    relu->setPos(-5 - relu->boundingRect().width(), y + r);
    relu->setData(kItemRoleKey, int(ItemRole::ReluAfterAddition));
}

void NetworkCanvas::drawHead(Layout& layout) {
    const int count = static_cast<int>(spec_.stages.size());
    double& y = layout.y;
    slots_.push_back({y + 4, {count, 0}});
    layout.arrow(y - kGap + 2, y + 6);
    y += 8;
    const InputSpec& in = spec_.input;
    QStringList lines;
    if (spec_.headHasBatchNorm())  // pre-activation blocks leave the last addition unnormalised
        lines << tr("BN, ReLU");
    lines << tr("global average pool") << tr("fc, %1").arg(in.classes);
    place(layout,
          new CanvasBox({CanvasRef::Kind::Head}, tr("head"), lines, QColor(225, 225, 225), false),
          layout.errors(Layout::Location::Head));
    y += 10;
    layout.text(tr("%1 classes").arg(in.classes), -kBoxWidth / 2, y, false, Layout::kMuted);
    y += 30;
}

QStringList NetworkCanvas::shortcutLabels() const {
    QStringList labels;
    for (QGraphicsItem* item : scene()->items(Qt::AscendingOrder))
        if (roleOf(item) == ItemRole::ShortcutLabel)
            if (auto* text = dynamic_cast<QGraphicsSimpleTextItem*>(item))
                labels << text->text();
    return labels;
}

int NetworkCanvas::additionNodeCount() const {
    int n = 0;
    for (QGraphicsItem* item : scene()->items())
        n += roleOf(item) == ItemRole::Addition;
    return n;
}

int NetworkCanvas::reluAfterAdditionCount() const {
    int n = 0;
    for (QGraphicsItem* item : scene()->items())
        n += roleOf(item) == ItemRole::ReluAfterAddition;
    return n;
}

QStringList NetworkCanvas::linesOf(const CanvasRef& ref) const {
    CanvasBox* box = boxFor(ref);
    return box ? box->lines() : QStringList();
}

double NetworkCanvas::titleOverflowOf(const CanvasRef& ref) const {
    CanvasBox* box = boxFor(ref);
    return box ? box->titleOverflow() : 0;
}

void NetworkCanvas::setSelection(const CanvasRef& ref) {
    CanvasRef target = ref;
    // A block of a collapsed stage is shown by the stage's box.
    if (target.kind == CanvasRef::Kind::Block && collapsed_.count(target.stage))
        target = {CanvasRef::Kind::Stage, target.stage, -1};
    const bool changed = !(target == selection_);
    selection_ = target;
    for (CanvasBox* box : boxes_)
        box->setSelected(box->ref() == selection_);
    if (CanvasBox* box = boxFor(selection_))
        ensureVisible(box->sceneBoundingRect(), 20, 20);
    if (changed)
        Q_EMIT selectionChanged(selection_);
}

std::vector<CanvasRef> NetworkCanvas::order() const {
    std::vector<CanvasRef> refs;
    for (CanvasBox* box : boxes_)
        refs.push_back(box->ref());
    return refs;
}

void NetworkCanvas::selectNext(int delta) {
    const std::vector<CanvasRef> refs = order();
    if (refs.empty())
        return;
    auto it = std::find(refs.begin(), refs.end(), selection_);
    int index = it == refs.end() ? (delta > 0 ? -1 : int(refs.size())) : int(it - refs.begin());
    index = std::clamp(index + delta, 0, int(refs.size()) - 1);
    setSelection(refs[index]);
}

void NetworkCanvas::setCollapsed(int stage, bool collapsed) {
    if (stage < 0 || stage >= static_cast<int>(spec_.stages.size()))
        return;
    if (!collapsed && spec_.stages[stage].blocks > kForceCollapse)
        return;
    if (collapsed)
        collapsed_.insert(stage);
    else
        collapsed_.erase(stage);
    if (selection_.stage == stage)
        selection_ = collapsed ? CanvasRef{CanvasRef::Kind::Stage, stage, -1}
                               : CanvasRef{CanvasRef::Kind::Block, stage, 0};
    rebuild();
}

int NetworkCanvas::blockBoxCount() const {
    int n = 0;
    for (CanvasBox* box : boxes_)
        if (box->ref().kind == CanvasRef::Kind::Block || box->ref().kind == CanvasRef::Kind::Stage)
            ++n;
    return n;
}

CanvasBox* NetworkCanvas::boxFor(const CanvasRef& ref) const {
    for (CanvasBox* box : boxes_)
        if (box->ref() == ref)
            return box;
    return nullptr;
}

QPoint NetworkCanvas::viewportPointOf(const CanvasRef& ref) const {
    CanvasBox* box = boxFor(ref);
    if (!box)
        return {};
    return mapFromScene(box->mapToScene(box->boxRect().center()));
}

CanvasBox* NetworkCanvas::boxAt(const QPoint& viewportPos) const {
    const QPointF p = mapToScene(viewportPos);
    for (CanvasBox* box : boxes_)
        if (box->mapRectToScene(box->boxRect()).contains(p))
            return box;
    return nullptr;
}

DropTarget NetworkCanvas::dropTargetAt(const QPoint& viewportPos) const {
    const double y = mapToScene(viewportPos).y();
    // On a collapsed stage's box: append to that stage.
    if (CanvasBox* box = boxAt(viewportPos); box && box->ref().kind == CanvasRef::Kind::Stage)
        return {box->ref().stage, spec_.stages[box->ref().stage].blocks};
    const Slot* best = nullptr;
    for (const Slot& slot : slots_)
        if (!best || std::abs(slot.y - y) < std::abs(best->y - y))
            best = &slot;
    return best ? best->target : DropTarget{static_cast<int>(spec_.stages.size()), 0};
}

bool NetworkCanvas::isMarkedInvalid(const CanvasRef& ref) const {
    CanvasBox* box = boxFor(ref);
    return box && box->isInvalid();
}

QString NetworkCanvas::toolTipOf(const CanvasRef& ref) const {
    CanvasBox* box = boxFor(ref);
    return box ? box->toolTip() : QString();
}

bool NetworkCanvas::dropMarkerVisible() const {
    return marker_ && marker_->isVisible();
}

void NetworkCanvas::zoomIn() {
    scale(1.2, 1.2);
}
void NetworkCanvas::zoomOut() {
    scale(1 / 1.2, 1 / 1.2);
}

void NetworkCanvas::fitToWindow() {
    fitInView(sceneRect(), Qt::KeepAspectRatio);
    // Never magnify a small network beyond its natural size.
    if (transform().m11() > 1.0)
        resetTransform();
}

void NetworkCanvas::mousePressEvent(QMouseEvent* event) {
    setFocus();
    CanvasBox* box = boxAt(event->position().toPoint());
    setSelection(box ? box->ref() : CanvasRef{});
    QGraphicsView::mousePressEvent(event);
}

void NetworkCanvas::mouseDoubleClickEvent(QMouseEvent* event) {
    CanvasBox* box = boxAt(event->position().toPoint());
    if (box &&
        (box->ref().kind == CanvasRef::Kind::Stage || box->ref().kind == CanvasRef::Kind::Block))
        setCollapsed(box->ref().stage, !isCollapsed(box->ref().stage));
}

void NetworkCanvas::keyPressEvent(QKeyEvent* event) {
    switch (event->key()) {
        case Qt::Key_Up:
        case Qt::Key_Left:
            selectNext(-1);
            return;
        case Qt::Key_Down:
        case Qt::Key_Right:
            selectNext(+1);
            return;
        default:
            QGraphicsView::keyPressEvent(event);
    }
}

void NetworkCanvas::wheelEvent(QWheelEvent* event) {
    if (event->modifiers() & Qt::ControlModifier) {
        event->angleDelta().y() > 0 ? zoomIn() : zoomOut();
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

namespace {
QString droppedFile(const QMimeData* mime) {
    for (const QUrl& url : mime->urls())
        if (url.isLocalFile() && url.toLocalFile().endsWith(QLatin1String(".json")))
            return url.toLocalFile();
    return {};
}
}  // namespace

void NetworkCanvas::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasFormat(QLatin1String(kPaletteMime)) ||
        !droppedFile(event->mimeData()).isEmpty())
        event->acceptProposedAction();
    else
        event->ignore();
}

void NetworkCanvas::dragMoveEvent(QDragMoveEvent* event) {
    if (!event->mimeData()->hasFormat(QLatin1String(kPaletteMime))) {
        event->setAccepted(!droppedFile(event->mimeData()).isEmpty());
        return;
    }
    event->acceptProposedAction();
    const DropTarget t = dropTargetAt(event->position().toPoint());
    double y = 0;
    for (const Slot& slot : slots_)
        if (slot.target.stage == t.stage && slot.target.index == t.index)
            y = slot.y;
    if (marker_) {
        marker_->setPos(0, y);
        marker_->setVisible(true);
    }
}

void NetworkCanvas::dragLeaveEvent(QDragLeaveEvent* event) {
    if (marker_)
        marker_->setVisible(false);
    QGraphicsView::dragLeaveEvent(event);
}

void NetworkCanvas::dropEvent(QDropEvent* event) {
    if (marker_)
        marker_->setVisible(false);
    const QMimeData* mime = event->mimeData();
    if (mime->hasFormat(QLatin1String(kPaletteMime))) {
        event->acceptProposedAction();
        const QString payload = QString::fromUtf8(mime->data(QLatin1String(kPaletteMime)));
        Q_EMIT paletteDropped(payload, dropTargetAt(event->position().toPoint()));
        return;
    }
    const QString file = droppedFile(mime);
    if (!file.isEmpty()) {
        event->acceptProposedAction();
        Q_EMIT fileDropped(file);
    }
}

}  // namespace rx
