// The Insights tab: views that show why residual networks work (issue 11), one row each in
// insightViews() (insights_tab.cpp): the lesion study, the loss landscape, the activation
// viewer, the residual ratio and the activation-gradient norms. A list on the left picks the
// view; each view is a self-contained widget that chooses its runs, computes off the UI thread
// (progress and cancel) and shows its explanation panel. Adding a view: its widget and one row.
// No torch here.
#pragma once

#include <QWidget>

#include <span>

class QListWidget;
class QStackedWidget;

namespace rx {

class RunsModel;

struct InsightViewInfo {
    const char* id;     // "lesion", also the view widget's objectName
    const char* title;  // QT_TRANSLATE_NOOP("rx::InsightsTab", …)
    QWidget* (*create)(RunsModel* runs, QWidget* parent);
};
std::span<const InsightViewInfo> insightViews();

class InsightsTab : public QWidget {
    Q_OBJECT

public:
    explicit InsightsTab(RunsModel* runs, QWidget* parent = nullptr);
    // Shows the view with this id (insightViews()); false when there is none.
    bool showView(const QString& id);
    QWidget* view(const QString& id) const;
    QString currentView() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    QListWidget* list_;
    QStackedWidget* stack_;
};

}  // namespace rx
