// The canvas: the network drawn top to bottom like the paper's Fig. 3. One box per block (or per
// collapsed stage) listing its layers, the shortcut as an arc beside it (solid for identity,
// dashed where the shape changes, none for plain blocks) ending in the addition node ⊕ on the
// main line (with "ReLU" after it for post-activation kinds), stage boundaries with feature-map
// size and width, invalid items in red. Palette items dropped on it become edit requests.
#pragma once

#include "analysis.h"
#include "spec.h"

#include <QGraphicsView>

#include <set>

class QGraphicsLineItem;

namespace rx {

struct CanvasRef {
    enum class Kind { None, Stem, Stage, Block, Head } kind = Kind::None;
    int stage = -1;
    int block = -1;
    bool operator==(const CanvasRef&) const = default;
};

// Where a dropped palette item goes: before block `index` of `stage`; `stage` equal to the
// number of stages means after the last one.
struct DropTarget {
    int stage = 0;
    int index = 0;
};

class CanvasBox;

class NetworkCanvas : public QGraphicsView {
    Q_OBJECT

public:
    explicit NetworkCanvas(QWidget* parent = nullptr);

    // Redraws for a new spec; `reset` also resets which stages are collapsed (deep stages,
    // over 9 blocks, start collapsed).
    void setSpec(const NetworkSpec& spec, const Analysis& analysis, bool reset);

    CanvasRef selection() const { return selection_; }
    void setSelection(const CanvasRef& ref);
    void selectNext(int delta);

    bool isCollapsed(int stage) const { return collapsed_.count(stage) > 0; }
    void setCollapsed(int stage, bool collapsed);

    // Number of boxes drawn for blocks: one per block, one per collapsed stage.
    int blockBoxCount() const;
    // The box for a ref (stem, a block, a collapsed stage, head), or nullptr.
    CanvasBox* boxFor(const CanvasRef& ref) const;
    // Centre of a ref's box in viewport coordinates (for tests and tooltips).
    QPoint viewportPointOf(const CanvasRef& ref) const;
    DropTarget dropTargetAt(const QPoint& viewportPos) const;
    // Whether a ref's box is drawn as invalid, and its tooltip (the validator's messages).
    bool isMarkedInvalid(const CanvasRef& ref) const;
    QString toolTipOf(const CanvasRef& ref) const;
    // The layer lines a ref's box lists ("3×3 conv, 16"), and the labels beside the drawn
    // non-identity shortcuts ("A: [x, 0]"), top to bottom.
    QStringList linesOf(const CanvasRef& ref) const;
    // How far a box's title reaches past the box, in pixels: 0 when it fits (long titles wrap).
    double titleOverflowOf(const CanvasRef& ref) const;
    QStringList shortcutLabels() const;
    // The addition nodes (⊕) drawn where shortcuts join the main path (one per residual block,
    // one per collapsed residual stage), and the "ReLU" labels drawn after them.
    int additionNodeCount() const;
    int reluAfterAdditionCount() const;
    bool dropMarkerVisible() const;

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void fitToWindow();

Q_SIGNALS:
    void selectionChanged(const rx::CanvasRef& ref);
    void paletteDropped(const QString& payload, const rx::DropTarget& target);
    void fileDropped(const QString& path);

protected:
    // A language change draws the network again (every label and tooltip is made by rebuild).
    void changeEvent(QEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    struct Slot {
        double y;
        DropTarget target;
    };
    // rebuild() draws top to bottom in these steps, which share a Layout (the running y).
    struct Layout;
    void rebuild();
    void drawInput(Layout& layout);
    void drawStem(Layout& layout);
    void drawStage(Layout& layout, int stage);
    void drawCollapsedStage(Layout& layout, int stage);
    void drawBlock(Layout& layout, int stage, int block);
    // Below a block's (or collapsed stage's) box: its shortcut arc and ⊕, the arrow on when it
    // is not the stage's last box, and the drop slot `slot` in the gap.
    void drawJoin(Layout& layout, CanvasBox* box, int stage, int block, double top, bool last,
                  DropTarget slot);
    // The arc from above the box at `top` back into the main line at `join`.
    void drawShortcut(Layout& layout, CanvasBox* box, ShortcutKind kind, ShortcutOption option,
                      double top, double join);
    // The addition node ⊕ on the main line at `y`, and "ReLU" after it when one follows.
    void drawAddition(Layout& layout, double y, bool reluAfter);
    void drawHead(Layout& layout);
    // Adds a box at the layout's y, marked invalid with `errors` when there are any.
    CanvasBox* place(Layout& layout, CanvasBox* box, const QStringList& errors);
    CanvasBox* boxAt(const QPoint& viewportPos) const;
    std::vector<CanvasRef> order() const;  // selection order for the arrow keys

    NetworkSpec spec_;
    Analysis analysis_;
    std::set<int> collapsed_;
    CanvasRef selection_;
    std::vector<CanvasBox*> boxes_;
    std::vector<Slot> slots_;
    QGraphicsLineItem* marker_ = nullptr;
};

}  // namespace rx

Q_DECLARE_METATYPE(rx::CanvasRef)
Q_DECLARE_METATYPE(rx::DropTarget)
