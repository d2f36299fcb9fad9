#include "insights_tab.h"

#include "activation_view.h"
#include "dynamics_view.h"
#include "landscape_view.h"
#include "lesion_view.h"

#include <QCoreApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QListWidget>
#include <QStackedWidget>

namespace rx {

namespace {

template <class View>
QWidget* make(RunsModel* runs, QWidget* parent) {
    return new View(runs, parent);
}

constexpr InsightViewInfo kInsightViews[] = {
    {"lesion", QT_TRANSLATE_NOOP("rx::InsightsTab", "Lesion study"), make<LesionView>},
    {"landscape", QT_TRANSLATE_NOOP("rx::InsightsTab", "Loss landscape"), make<LandscapeView>},
    {"dynamics", QT_TRANSLATE_NOOP("rx::InsightsTab", "Block dynamics"), make<DynamicsView>},
    {"activations", QT_TRANSLATE_NOOP("rx::InsightsTab", "Activations"), make<ActivationView>},
};

}  // namespace

std::span<const InsightViewInfo> insightViews() {
    return kInsightViews;
}

InsightsTab::InsightsTab(RunsModel* runs, QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("insightsTab"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    list_ = new QListWidget(this);
    list_->setObjectName(QStringLiteral("insightViews"));
    list_->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
    stack_ = new QStackedWidget(this);
    for (const InsightViewInfo& info : insightViews()) {
        QWidget* view = info.create(runs, stack_);
        view->setObjectName(QLatin1String(info.id));
        stack_->addWidget(view);
        list_->addItem(QString());
    }
    layout->addWidget(list_);
    layout->addWidget(stack_, 1);
    connect(list_, &QListWidget::currentRowChanged, stack_, &QStackedWidget::setCurrentIndex);
    list_->setCurrentRow(0);
    retranslateUi();
}

bool InsightsTab::showView(const QString& id) {
    const auto views = insightViews();
    for (size_t i = 0; i < views.size(); ++i)
        if (id == QLatin1String(views[i].id)) {
            list_->setCurrentRow(int(i));
            return true;
        }
    return false;
}

QWidget* InsightsTab::view(const QString& id) const {
    return stack_->findChild<QWidget*>(id, Qt::FindDirectChildrenOnly);
}

QString InsightsTab::currentView() const {
    const int row = list_->currentRow();
    return row < 0 ? QString() : QLatin1String(insightViews()[size_t(row)].id);
}

void InsightsTab::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void InsightsTab::retranslateUi() {
    const auto views = insightViews();
    int width = 0;
    for (size_t i = 0; i < views.size(); ++i) {
        QListWidgetItem* item = list_->item(int(i));
        item->setText(QCoreApplication::translate("rx::InsightsTab", views[i].title));
        width = std::max(width, list_->fontMetrics().horizontalAdvance(item->text()));
    }
    list_->setFixedWidth(width + 40);
}

}  // namespace rx
