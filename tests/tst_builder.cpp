// The architecture builder, driven as a user drives it: drag from the palette, click, type,
// keyboard shortcuts, undo/redo, files.
#include "analysis.h"
#include "block_palette.h"
#include "main_window.h"
#include "network_canvas.h"
#include "presets.h"
#include "properties_panel.h"
#include "spec_json.h"

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QGroupBox>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTranslator>
#include <QUndoStack>
#include <QtTest>

using namespace rx;

namespace {

// Drags `payload` from the palette and drops it on the canvas at `pos` (viewport coordinates),
// through the widgets' own drag-and-drop handlers.
bool dragFromPalette(MainWindow& w, const QString& payload, const QPoint& pos, bool* markerShown) {
    QListWidgetItem* item = w.palette()->itemFor(payload);
    if (!item)
        return false;
    // The palette's own QListWidget::mimeData, as its startDrag would produce it.
    std::unique_ptr<QMimeData> mime(w.palette()->mimeDataFor(payload));
    QWidget* target = w.canvas()->viewport();
    QDragEnterEvent enter(pos, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    if (!enter.isAccepted())
        return false;
    QDragMoveEvent move(pos, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &move);
    if (markerShown)
        *markerShown = w.canvas()->dropMarkerVisible();
    QDropEvent drop(pos, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    return drop.isAccepted();
}

CanvasRef block(int stage, int index) {
    return {CanvasRef::Kind::Block, stage, index};
}

void clickOn(MainWindow& w, const CanvasRef& ref) {
    QTest::mouseClick(w.canvas()->viewport(), Qt::LeftButton, {}, w.canvas()->viewportPointOf(ref));
}

// Translates the stem's word differently in the canvas and in the validator's messages, as two
// translators (or two revisions of one) may: the canvas must not find errors by their words.
class StemWordTranslator : public QTranslator {
public:
    QString translate(const char* context, const char* source, const char* disambiguation,
                      int n) const override {
        const QByteArray c(context), s(source);
        if (c == "rx::NetworkCanvas" && s == "stem")
            return QString::fromUtf8("줄기");
        if (c == "rx::Analyzer" && s == "stem width")
            return QString::fromUtf8("스템 너비");
        if (c == "rx::Analyzer" && s == "stem: ")
            return QString::fromUtf8("스템: ");
        return QTranslator::translate(context, source, disambiguation, n);
    }
    bool isEmpty() const override { return false; }
};

int expectedBoxes(const NetworkSpec& spec) {
    int n = 0;
    for (const StageSpec& s : spec.stages)
        n += s.blocks > 9 ? 1 : s.blocks;
    return n;
}

}  // namespace

class TestBuilder : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QCoreApplication::setOrganizationName("ResNetExplorerTests");
        QCoreApplication::setApplicationName("tst_builder");
        QSettings().clear();
    }

    void opensOnResnet20() {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.spec().name, QString("resnet-20"));
        QCOMPARE(w.canvas()->blockBoxCount(), 9);
        QVERIFY2(w.statusText().contains("depth 20"), qPrintable(w.statusText()));
        QVERIFY(w.statusText().contains("269,722"));
        QVERIFY(!w.isModified());
        // Every palette item explains itself.
        for (int i = 0; i < w.palette()->count(); ++i)
            QVERIFY(!w.palette()->item(i)->toolTip().isEmpty());
        QCOMPARE(w.palette()->count(),
                 2 + int(blockKinds().size()) + 2);  // stems, kinds, stage, head
        QVERIFY(!w.windowIcon().isNull());           // the icon from resources/
        QVERIFY(!w.windowIcon().pixmap(32, 32).isNull());
    }

    void dragBlockFromPaletteIntoAStage() {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const Analysis before = w.analysis();
        // Between layer2.0 and layer2.1.
        const QPoint a = w.canvas()->viewportPointOf(block(1, 0));
        const QPoint b = w.canvas()->viewportPointOf(block(1, 1));
        QVERIFY(!a.isNull() && !b.isNull());
        bool marker = false;
        QVERIFY(dragFromPalette(w, "block:basic", (a + b) / 2, &marker));
        QVERIFY(marker);  // the drop marker showed where it would land
        QCOMPARE(w.spec().stages[1].blocks, 4);
        QCOMPARE(w.analysis().depth, before.depth + 2);
        QCOMPARE(w.analysis().params, before.params + 2 * (9 * 32 * 32 + 2 * 32));
        QCOMPARE(w.canvas()->blockBoxCount(), 10);
        QVERIFY(w.isModified());
        QVERIFY(w.windowTitle().contains("[*]") && w.isWindowModified());

        // A bottleneck dropped inside stage 1 splits it and keeps the channel count: still valid.
        const QPoint c = w.canvas()->viewportPointOf(block(0, 1));
        const QPoint d = w.canvas()->viewportPointOf(block(0, 2));
        QVERIFY(dragFromPalette(w, "block:bottleneck", (c + d) / 2, nullptr));
        QCOMPARE(w.spec().stages.size(), size_t(5));
        QCOMPARE(w.spec().stages[1].block, BlockKind::Bottleneck);
        QCOMPARE(w.spec().stages[1].width * 4, 16);
        QVERIFY2(w.analysis().ok(), qPrintable(w.analysis().errorMessages().join('\n')));
        QCOMPARE(w.analysis().depth, before.depth + 2 + 3);

        // Undo takes back both drops, one at a time.
        w.undoStack()->undo();
        QCOMPARE(w.spec().stages.size(), size_t(3));
        w.undoStack()->undo();
        QCOMPARE(w.spec(), *preset("resnet-20"));
        QVERIFY(!w.isModified());
    }

    void doubleClickOnPaletteAppends() {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QListWidgetItem* item = w.palette()->itemFor("block:plain_basic");
        const QRect rect = w.palette()->visualItemRect(item);
        QTest::mouseClick(w.palette()->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::mouseDClick(w.palette()->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(w.spec().stages.size(), size_t(4));
        QCOMPARE(w.spec().stages.back().block, BlockKind::PlainBasic);
        QCOMPARE(w.spec().stages.back().width, 64);  // keeps the channel count
        QVERIFY(w.analysis().ok());
    }

    void invalidEditIsMarkedListedAndUndoable() {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        clickOn(w, block(1, 0));
        QCOMPARE(w.canvas()->selection(), block(1, 0));
        auto* width = w.properties()->findChild<QSpinBox*>("width");
        QVERIFY(width && width->isVisible());
        QCOMPARE(width->value(), 32);
        // Type 8 into the width: 16 channels cannot be zero-padded down to 8 (option A).
        width->setFocus();
        width->selectAll();
        QTest::keyClicks(width, "8");
        QTest::keyClick(width, Qt::Key_Enter);
        QCOMPARE(w.spec().stages[1].width, 8);
        QVERIFY(!w.analysis().ok());
        QVERIFY(w.canvas()->isMarkedInvalid(block(1, 0)));
        QVERIFY(!w.canvas()->isMarkedInvalid(block(1, 1)));
        QVERIFY(w.issuesView()->count() >= 1);
        const QString message = w.issuesView()->item(0)->text();
        QVERIFY2(message.startsWith("stage 2, block 1: shortcut option A"), qPrintable(message));
        QVERIFY2(w.statusText().startsWith("invalid network"), qPrintable(w.statusText()));
        QVERIFY(w.canvas()->toolTipOf(block(1, 0)).contains("stage 2, block 1"));

        // Ctrl+Z undoes it, Ctrl+Shift+Z redoes it.
        w.canvas()->setFocus();
        QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(w.spec().stages[1].width, 32);
        QVERIFY(w.analysis().ok());
        QCOMPARE(w.issuesView()->count(), 0);
        QVERIFY(!w.canvas()->isMarkedInvalid(block(1, 0)));
        QVERIFY(w.statusText().contains("depth 20"));
        QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(w.spec().stages[1].width, 8);
        QVERIFY(!w.analysis().ok());
    }

    void keyboardDeleteDuplicateAndArrows() {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        clickOn(w, block(0, 1));
        QTest::keyClick(w.canvas(), Qt::Key_Delete);
        QCOMPARE(w.spec().stages[0].blocks, 2);
        QCOMPARE(w.analysis().depth, 18);
        w.canvas()->setSelection(block(0, 1));
        QTest::keyClick(w.canvas(), Qt::Key_D, Qt::ControlModifier);
        QCOMPARE(w.spec().stages[0].blocks, 3);
        w.canvas()->setSelection(block(0, 2));
        QTest::keyClick(w.canvas(), Qt::Key_Down);
        QCOMPARE(w.canvas()->selection(), block(1, 0));
        QTest::keyClick(w.canvas(), Qt::Key_Up);
        QCOMPARE(w.canvas()->selection(), block(0, 2));
        QTest::keyClick(w.canvas(), Qt::Key_0, Qt::ControlModifier);  // fit: never magnifies
        QVERIFY(w.canvas()->transform().m11() <= 1.0);
    }

    void saveReopenAndCompare() {
        QTemporaryDir dir;
        const QString path = dir.filePath("mine.resnet.json");
        NetworkSpec saved;
        {
            MainWindow w;
            w.canvas()->setSelection(block(2, 0));
            w.findChild<QAction*>("togglePlainResidual")->trigger();
            QCOMPARE(w.spec().stages[2].block, BlockKind::PlainBasic);
            QCOMPARE(w.spec().name, QString("plain-20"));
            QVERIFY(w.saveFile(path));
            QVERIFY(!w.isModified());
            QVERIFY(w.windowTitle().startsWith("mine.resnet.json"));
            saved = w.spec();
        }
        MainWindow other;
        QVERIFY(other.openFile(path));
        QCOMPARE(other.spec(), saved);
        QCOMPARE(other.recentFiles().first(), QFileInfo(path).absoluteFilePath());
        NetworkSpec onDisk;
        QVERIFY(loadSpecFile(path, &onDisk, nullptr));
        QCOMPARE(onDisk, saved);
    }

    void droppingAFileOpensIt() {
        QTemporaryDir dir;
        const QString path = dir.filePath("dropped.resnet.json");
        QVERIFY(saveSpecFile(path, *preset("resnet-56"), nullptr));
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        const QPoint pos(50, 50);
        QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(w.canvas()->viewport(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(w.canvas()->viewport(), &drop);
        QCOMPARE(w.spec().name, QString("resnet-56"));
        QCOMPARE(w.filePath(), path);
    }

    void everyPresetDrawsOneBoxPerBlockOrCollapsedStage() {
        MainWindow w;
        for (const QString& name : presetNames()) {
            w.loadPreset(name);
            QCOMPARE(w.spec().name, name);
            QCOMPARE(w.canvas()->blockBoxCount(), expectedBoxes(w.spec()));
            QVERIFY2(w.analysis().ok(), qPrintable(name));
        }
        w.loadPreset("resnet-1202");
        QVERIFY(w.canvas()->isCollapsed(0) && w.canvas()->isCollapsed(2));
        QCOMPARE(w.canvas()->blockBoxCount(), 3);
        QVERIFY(w.statusText().contains("depth 1202"));
    }

    void collapseAndExpandByDoubleClick() {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTest::mouseDClick(w.canvas()->viewport(), Qt::LeftButton, {},
                           w.canvas()->viewportPointOf(block(0, 0)));
        QVERIFY(w.canvas()->isCollapsed(0));
        QCOMPARE(w.canvas()->blockBoxCount(), 7);
        const CanvasRef stage{CanvasRef::Kind::Stage, 0, -1};
        QTest::mouseDClick(w.canvas()->viewport(), Qt::LeftButton, {},
                           w.canvas()->viewportPointOf(stage));
        QVERIFY(!w.canvas()->isCollapsed(0));
        QCOMPARE(w.canvas()->blockBoxCount(), 9);
        // Collapse stage 3, then insert a stage before it: no other stage gets collapsed.
        w.canvas()->setCollapsed(2, true);
        w.insertFromPalette("stage", {0, 0});
        QCOMPARE(w.spec().stages.size(), size_t(4));
        for (int s = 0; s < 4; ++s)
            QVERIFY(!w.canvas()->isCollapsed(s));
    }

    void depthControlMakes6nPlus2Nets() {
        MainWindow w;
        auto* depth = w.properties()->findChild<QSpinBox*>("depth");
        QVERIFY(depth && depth->isEnabled());
        QCOMPARE(depth->singleStep(), 6);
        depth->setValue(56);
        for (const StageSpec& s : w.spec().stages)
            QCOMPARE(s.blocks, 9);
        QCOMPARE(w.analysis().depth, 56);
        QCOMPARE(w.analysis().params, analyze(*preset("resnet-56")).params);
        w.setDiscardPrompt([] { return QMessageBox::Discard; });
        w.loadPreset("resnet-34");  // stages differ: no single n
        QVERIFY(!w.properties()->findChild<QSpinBox*>("depth")->isEnabled());
    }

    void unsavedChangesPrompt() {
        MainWindow w;
        w.edit(edits_helper(w.spec()), "test edit");
        QVERIFY(w.isModified());
        int asked = 0;
        w.setDiscardPrompt([&] {
            ++asked;
            return QMessageBox::Cancel;
        });
        w.loadPreset("resnet-56");
        QCOMPARE(asked, 1);
        QCOMPARE(w.spec().name, QString("resnet-20"));  // nothing lost
        w.setDiscardPrompt([&] {
            ++asked;
            return QMessageBox::Discard;
        });
        w.loadPreset("resnet-56");
        QCOMPARE(asked, 2);
        QCOMPARE(w.spec().name, QString("resnet-56"));
        QVERIFY(!w.isModified());
    }

    // Bug 5: option C shortcuts were labelled "B: 1×1 conv".
    void shortcutLabelsNameTheirOption() {
        MainWindow w;
        NetworkSpec spec = *preset("resnet-20");
        for (StageSpec& st : spec.stages)
            st.shortcut = ShortcutOption::ProjectAll;
        w.loadSpec(spec);
        const QStringList c = w.canvas()->shortcutLabels();
        QCOMPARE(c.size(), 9);  // option C projects on every block
        for (const QString& label : c)
            QCOMPARE(label, QString("C: 1×1 conv"));
        w.loadPreset("resnet-20-b");  // projections only where the shape changes
        QCOMPARE(w.canvas()->shortcutLabels(), QStringList({"B: 1×1 conv", "B: 1×1 conv"}));
        w.loadPreset("resnet-20");
        QCOMPARE(w.canvas()->shortcutLabels(), QStringList({"A: [x, 0]", "A: [x, 0]"}));
        w.loadPreset("plain-20");
        QVERIFY(w.canvas()->shortcutLabels().isEmpty());
    }

    // Bug 6: after inserting a block of another kind mid-stage, the wrong block was selected.
    void theInsertedBlockIsSelected() {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto* kind = w.properties()->findChild<QComboBox*>("blockKind");
        QVERIFY(kind);
        // A bottleneck between layer1.1 and layer1.2 splits stage 1: it is stage 2's only block.
        const QPoint c = w.canvas()->viewportPointOf(block(0, 1));
        const QPoint d = w.canvas()->viewportPointOf(block(0, 2));
        QVERIFY(dragFromPalette(w, "block:bottleneck", (c + d) / 2, nullptr));
        QCOMPARE(w.spec().stages[1].block, BlockKind::Bottleneck);
        QCOMPARE(w.canvas()->selection(), block(1, 0));
        QCOMPARE(BlockKind(kind->currentData().toInt()), BlockKind::Bottleneck);

        // Double-clicks append: a basic block grows the last stage and is its new last block …
        auto doubleClick = [&](const QString& payload) {
            const QRect rect = w.palette()->visualItemRect(w.palette()->itemFor(payload));
            QTest::mouseClick(w.palette()->viewport(), Qt::LeftButton, {}, rect.center());
            QTest::mouseDClick(w.palette()->viewport(), Qt::LeftButton, {}, rect.center());
        };
        const int last = static_cast<int>(w.spec().stages.size()) - 1;
        doubleClick("block:basic");
        QCOMPARE(w.spec().stages[last].blocks, 4);
        QCOMPARE(w.canvas()->selection(), block(last, 3));
        // … and a plain block starts a stage of its own.
        doubleClick("block:plain_basic");
        QCOMPARE(w.canvas()->selection(), block(last + 1, 0));
        QCOMPARE(BlockKind(kind->currentData().toInt()), BlockKind::PlainBasic);
        // A block of the stage's own kind dropped mid-stage is selected where it was dropped.
        const QPoint e = w.canvas()->viewportPointOf(block(0, 0));
        const QPoint f = w.canvas()->viewportPointOf(block(0, 1));
        QVERIFY(dragFromPalette(w, "block:basic", (e + f) / 2, nullptr));
        QCOMPARE(w.spec().stages[0].blocks, 3);
        QCOMPARE(w.canvas()->selection(), block(0, 1));
    }

    // Bug 8: stem errors were found by matching translated words, so a translation could leave
    // the stem unmarked.
    void stemErrorsAreMarkedInAnyLanguage() {
        StemWordTranslator translator;
        QVERIFY(QCoreApplication::installTranslator(&translator));
        MainWindow w;
        NetworkSpec spec = *preset("resnet-20");
        spec.stem.width = 0;
        w.loadSpec(spec);
        const CanvasRef stem{CanvasRef::Kind::Stem};
        QVERIFY(w.canvas()->isMarkedInvalid(stem));
        QVERIFY(w.canvas()->toolTipOf(stem).contains(QString::fromUtf8("스템 너비")));
        QVERIFY(!w.canvas()->isMarkedInvalid(block(0, 0)));
        // The stem's own spatial collapse (7×7 conv /2 on a 1×1 input) is marked too.
        spec = *preset("resnet-18");
        spec.input.height = spec.input.width = 1;
        w.loadSpec(spec);
        QVERIFY(w.canvas()->isMarkedInvalid(stem));
        QVERIFY(w.canvas()->toolTipOf(stem).startsWith(QString::fromUtf8("스템: ")));
        QCoreApplication::removeTranslator(&translator);
    }

    // Issue 10: the addition node ⊕ where each shortcut joins the main path (paper Fig. 2), with
    // "ReLU" after it only where the plan puts a ReLU after the addition.
    void additionNodesWhereShortcutsJoin() {
        MainWindow w;
        QCOMPARE(w.canvas()->additionNodeCount(), 9);  // resnet-20: one per residual block
        QCOMPARE(w.canvas()->reluAfterAdditionCount(), 9);
        w.loadPreset("plain-20");
        QCOMPARE(w.canvas()->additionNodeCount(), 0);
        QCOMPARE(w.canvas()->reluAfterAdditionCount(), 0);
        w.loadPreset("resnet-50");  // bottlenecks add, then ReLU
        QCOMPARE(w.canvas()->additionNodeCount(), 3 + 4 + 6 + 3);
        QCOMPARE(w.canvas()->reluAfterAdditionCount(), 16);
        // Pre-activation: the ⊕ ends the block, nothing follows it. Its 18-block stages start
        // collapsed, one ⊕ on each stacked box.
        w.loadPreset("preact-resnet-110");
        QCOMPARE(w.canvas()->blockBoxCount(), 3);
        QCOMPARE(w.canvas()->additionNodeCount(), 3);
        QCOMPARE(w.canvas()->reluAfterAdditionCount(), 0);
        w.canvas()->setCollapsed(0, false);
        QCOMPARE(w.canvas()->additionNodeCount(), 18 + 2);
        QCOMPARE(w.canvas()->reluAfterAdditionCount(), 0);
        // A mixed net: a plain stage between residual ones draws no ⊕ of its own.
        NetworkSpec mixed = *preset("resnet-20");
        mixed.stages[1].block = BlockKind::PlainBasic;
        w.loadSpec(mixed);
        QCOMPARE(w.canvas()->additionNodeCount(), 6);
    }

    // Issue 10: at 1280×800 the palette shows every label in full, without a sideways scroll bar.
    void paletteLabelsFitAt1280x800() {
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        BlockPalette* palette = w.palette();
        QVERIFY(!palette->horizontalScrollBar()->isVisible());
        QCOMPARE(palette->horizontalScrollBarPolicy(), Qt::ScrollBarAlwaysOff);
        const QFontMetrics metrics(palette->font());
        const int viewport = palette->viewport()->width();
        for (int i = 0; i < palette->count(); ++i) {
            QListWidgetItem* item = palette->item(i);
            const QRect rect = palette->visualItemRect(item);
            const int needed =
                palette->iconSize().width() + metrics.horizontalAdvance(item->text());
            QVERIFY2(rect.width() >= needed && rect.right() < viewport,
                     qPrintable(QString("%1: item %2 px of %3 needed, viewport %4")
                                    .arg(item->text())
                                    .arg(rect.width())
                                    .arg(needed)
                                    .arg(viewport)));
            QVERIFY(!item->icon().isNull());
        }
        // Narrowed by hand, the labels wrap (taller items) rather than scroll sideways.
        QListWidgetItem* longest = palette->itemFor("block:plain_preact_bottleneck");
        const int oneLine = palette->visualItemRect(longest).height();
        auto* dock = w.findChild<QDockWidget*>("paletteDock");
        w.resizeDocks({dock}, {palette->sizeHint().width() / 2 + 20}, Qt::Horizontal);
        QTRY_VERIFY(palette->visualItemRect(longest).height() > oneLine);
        QVERIFY(!palette->horizontalScrollBar()->isVisible());
    }

    // Issue 10: the Issues dock takes no room while the network is valid.
    void issuesDockShowsOnlyWithIssues() {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.setDiscardPrompt([] { return QMessageBox::Discard; });
        auto* dock = w.findChild<QDockWidget*>("issuesDock");
        QVERIFY(dock);
        QVERIFY(!dock->isVisible());  // resnet-20 is valid
        NetworkSpec bad = w.spec();
        bad.stages[1].width = 8;  // option A cannot zero-pad 16 channels down to 8
        w.edit(bad, "narrow");
        QVERIFY(dock->isVisible());
        QCOMPARE(w.issuesView()->count(), 1);
        QVERIFY(w.issuesView()->item(0)->text().startsWith("stage 2, block 1: shortcut option A"));
        w.undoStack()->undo();  // fixed
        QVERIFY(!dock->isVisible());
        QCOMPARE(w.issuesView()->count(), 0);

        // Closed by hand while issues remain, it stays closed through further invalid edits …
        w.undoStack()->redo();
        QVERIFY(dock->isVisible());
        dock->close();
        NetworkSpec worse = w.spec();
        worse.stem.width = 64;  // stage 1 cannot narrow 64 channels to 16 either
        w.edit(worse, "narrower");
        QVERIFY(!dock->isVisible());
        QCOMPARE(w.issuesView()->count(), 2);
        // … and the Training tab and back do not reopen it either.
        w.showTab(1);
        w.showTab(0);
        QVERIFY(!dock->isVisible());
        // Opened again from the View menu, it stays open.
        dock->toggleViewAction()->trigger();
        QVERIFY(dock->isVisible());
        w.showTab(1);
        QVERIFY(!dock->isVisible());  // the Training tab has no use for it
        w.showTab(0);
        QVERIFY(dock->isVisible());
        // Valid again, then new issues: it shows itself again.
        w.loadPreset("resnet-20");
        QVERIFY(!dock->isVisible());
        w.edit(bad, "narrow");
        QVERIFY(dock->isVisible());
    }

    // Issue 10: the Dataset and Predictions tabs choose their own run; the runs list and the
    // properties beside them took a quarter of the width from the image grid and the matrix.
    void classroomTabsTakeTheWholeWidth() {
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto* runs = w.findChild<QDockWidget*>("runsDock");
        auto* properties = w.findChild<QDockWidget*>("propertiesDock");
        QWidget* tabs = w.centralWidget();
        const int builderWidth = tabs->width();
        for (int tab : {2, 3}) {
            w.showTab(tab);
            QVERIFY(!runs->isVisible() && !properties->isVisible());
            QTRY_VERIFY(tabs->width() > builderWidth + 200);
        }
        w.showTab(1);
        QVERIFY(runs->isVisible());
        w.showTab(0);
        QVERIFY(properties->isVisible());
        QTRY_COMPARE(tabs->width(), builderWidth);
    }

private:
    static NetworkSpec edits_helper(NetworkSpec spec) {
        spec.stages[0].blocks += 1;
        return spec;
    }
};

QTEST_MAIN(TestBuilder)
#include "tst_builder.moc"
